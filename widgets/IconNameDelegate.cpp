#include "IconNameDelegate.h"

IconNameDelegate::IconNameDelegate(int iconNameRole, QStyleOptionViewItem::Position position, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_iconNameRole(iconNameRole)
    , m_position(position)
{ }

QIcon IconNameDelegate::icon(const QString& name)
{
    // Parsing an SVG per painted cell would cost more than the rest of the row.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

void IconNameDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString name = index.data(m_iconNameRole).toString();
    if (name.isEmpty())
        return;
    option->icon = icon(name);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = option->fontMetrics.height();
    option->decorationSize = QSize(side, side);
    option->decorationPosition = m_position;
}
