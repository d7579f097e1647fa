#pragma once

#include <QSortFilterProxyModel>

// Sorts within groups: rows compare first by a group role (ascending
// whatever the sort order, so the all-sites and site rows of the queue
// board stay on top), then by the sort role. With no sort column the source
// order stays.
class GroupedSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    GroupedSortProxy(int groupRole, int sortRole, QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int m_groupRole;
};
