#include "WorkItemDelegate.h"

#include "IconNameDelegate.h"
#include "workspace/MyWorkModel.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int kMargin = 6;
}

QSize WorkItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics metrics(option.font);
    return QSize(200, metrics.height() * 2 + kMargin * 2 + 2);
}

void WorkItemDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QFontMetrics metrics(option.font);
    const int lineHeight = metrics.height();
    QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    const QString iconName = index.data(MyWorkModel::IconNameRole).toString();
    if (!iconName.isEmpty()) {
        const QIcon icon = IconNameDelegate::icon(iconName);
        icon.paint(painter,
            QRect(area.left(), area.top() + (area.height() - lineHeight) / 2, lineHeight, lineHeight));
        area.setLeft(area.left() + lineHeight + kMargin);
    }

    const int unread = index.data(MyWorkModel::UnreadRole).toInt();
    if (unread > 0) {
        const QString count = QString::number(unread);
        const int side = lineHeight + 2;
        const int width = std::max(side, metrics.horizontalAdvance(count) + 10);
        const QRect badge(area.right() - width, area.top() + (area.height() - side) / 2, width, side);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xc8, 0x3c, 0x3c));
        painter->drawRoundedRect(badge, side / 2.0, side / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, count);
        area.setRight(badge.left() - kMargin);
    }

    const QString title = index.data(MyWorkModel::TitleRole).toString();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(QPalette::Active, textRole));
    const QRect first(area.left(), area.top(), area.width(), lineHeight);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(title, Qt::ElideRight, first.width()));
    painter->setFont(option.font);
    painter->setPen(option.palette.color(
        QPalette::Active, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    const QRect second(area.left(), area.top() + lineHeight + 2, area.width(), lineHeight);
    painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(index.data(MyWorkModel::DetailRole).toString(), Qt::ElideRight, second.width()));
    painter->restore();
}
