#pragma once

#include <QStyledItemDelegate>

// Draws one item of My work on two lines: the channel's icon, the customer
// in bold, a line of detail under it, and on the right a badge with the
// number of unread messages. It reads MyWorkModel's roles and nothing else.
class WorkItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
