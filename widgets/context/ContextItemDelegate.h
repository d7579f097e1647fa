#pragma once

#include <QStyledItemDelegate>

// Draws a row of any customer-context list (timeline, social activity,
// tickets, knowledge suggestions, customer matches) from the ContextRoles:
//
//   [icon] Title, bold ......................... [Badge]
//          details in a quieter colour               ★★★★☆
//          "an excerpt in italics"
//
// Text is drawn with QPainter::drawText, which never interprets markup, so
// whatever a customer wrote appears as the characters they typed.
class ContextItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Background and text of a badge of this tone: explicit pairs, readable
    // on light and dark palettes alike.
    static QColor badgeBackground(int tone);
    static QColor badgeForeground(int tone);
};
