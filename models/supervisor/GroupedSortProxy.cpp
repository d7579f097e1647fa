#include "GroupedSortProxy.h"

GroupedSortProxy::GroupedSortProxy(int groupRole, int sortRole, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_groupRole(groupRole)
{
    setSortRole(sortRole);
    setDynamicSortFilter(true);
}

bool GroupedSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const int leftGroup = left.data(m_groupRole).toInt();
    const int rightGroup = right.data(m_groupRole).toInt();
    if (leftGroup != rightGroup) {
        // QSortFilterProxyModel reverses lessThan for a descending sort; undo
        // that for groups so they keep their order.
        return sortOrder() == Qt::AscendingOrder ? leftGroup < rightGroup : leftGroup > rightGroup;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
