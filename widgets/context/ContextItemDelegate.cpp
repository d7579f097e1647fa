#include "ContextItemDelegate.h"

#include "IconNameDelegate.h"
#include "context/ContextRoles.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace {

constexpr int kPaddingX = 8;
constexpr int kPaddingY = 5;
constexpr int kLineGap = 1;
constexpr int kBadgePaddingX = 6;

// Eliding shapes the whole string; an excerpt or a post can be hundreds of
// characters for a line that shows sixty. Cut it first to what could ever
// fit (twice the average character count, so narrow letters are not cut
// short), then elide.
QString elided(const QFontMetrics& metrics, const QString& text, int width)
{
    const qsizetype fits = 2 * qsizetype(width) / std::max(1, metrics.averageCharWidth()) + 1;
    return metrics.elidedText(text.size() > fits ? text.left(fits) : text, Qt::ElideRight, width);
}

QFont boldFont(const QFont& base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

QFont italicFont(const QFont& base)
{
    QFont font = base;
    font.setItalic(true);
    return font;
}

} // namespace

QColor ContextItemDelegate::badgeBackground(int tone)
{
    switch (tone) {
    case ContextRoles::Negative:
        return QColor(0xfb, 0xe0, 0xdf);
    case ContextRoles::Positive:
        return QColor(0xdc, 0xf2, 0xe1);
    case ContextRoles::Warning:
        return QColor(0xfb, 0xee, 0xc1);
    default:
        return QColor(0xe6, 0xe8, 0xeb);
    }
}

QColor ContextItemDelegate::badgeForeground(int tone)
{
    switch (tone) {
    case ContextRoles::Negative:
        return QColor(0x8a, 0x1c, 0x1c);
    case ContextRoles::Positive:
        return QColor(0x1b, 0x5e, 0x2d);
    case ContextRoles::Warning:
        return QColor(0x6b, 0x4e, 0x00);
    default:
        return QColor(0x3a, 0x3f, 0x45);
    }
}

QSize ContextItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int line = option.fontMetrics.height();
    const bool excerpt = !index.data(ContextRoles::ExcerptRole).toString().isEmpty();
    const int lines = excerpt ? 3 : 2;
    return QSize(option.rect.width() > 0 ? option.rect.width() : 300,
        2 * kPaddingY + lines * line + (lines - 1) * kLineGap);
}

void ContextItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The style draws the background, selection and focus; the content is ours.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    // Secondary lines recede without going below a readable contrast.
    quiet.setAlphaF(0.68);

    const int line = option.fontMetrics.height();
    QRect content = option.rect.adjusted(kPaddingX, kPaddingY, -kPaddingX, -kPaddingY);

    const QString iconName = index.data(ContextRoles::IconNameRole).toString();
    if (!iconName.isEmpty()) {
        const QRect iconRect(content.left(), content.top() + 1, line, line);
        IconNameDelegate::icon(iconName).paint(painter, iconRect);
        content.setLeft(iconRect.right() + 1 + kPaddingX);
    }

    // Right column: the badge over the stars.
    int rightWidth = 0;
    const QString badge = index.data(ContextRoles::BadgeRole).toString();
    const QString stars = index.data(ContextRoles::StarsRole).toString();
    const QFont badgeFont = boldFont(option.font);
    const QFontMetrics badgeMetrics(badgeFont);
    if (!badge.isEmpty()) {
        const int tone = index.data(ContextRoles::BadgeToneRole).toInt();
        const int width = badgeMetrics.horizontalAdvance(badge) + 2 * kBadgePaddingX;
        const QRect badgeRect(content.right() - width + 1, content.top(), width, line);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(badgeBackground(tone));
        painter->drawRoundedRect(badgeRect, 3, 3);
        painter->setPen(badgeForeground(tone));
        painter->setFont(badgeFont);
        painter->drawText(badgeRect, Qt::AlignCenter, badge);
        rightWidth = width;
    }
    if (!stars.isEmpty()) {
        const int width = option.fontMetrics.horizontalAdvance(stars);
        const QRect starsRect(content.right() - width + 1, content.top() + line + kLineGap, width, line);
        painter->setFont(option.font);
        painter->setPen(selected ? text : QColor(0xb0, 0x7d, 0x00));
        painter->drawText(starsRect, Qt::AlignRight | Qt::AlignVCenter, stars);
        rightWidth = std::max(rightWidth, width);
    }

    const int textWidth = content.width() - (rightWidth ? rightWidth + kPaddingX : 0);
    const QFont titleFont = boldFont(option.font);
    const QFontMetrics titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(text);
    const QString title = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(content.left(), content.top(), textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
        elided(titleMetrics, title, textWidth));

    painter->setFont(option.font);
    painter->setPen(quiet);
    const QString detail = index.data(ContextRoles::DetailRole).toString();
    const int detailWidth = stars.isEmpty() ? textWidth : content.width() - rightWidth - kPaddingX;
    painter->drawText(QRect(content.left(), content.top() + line + kLineGap, detailWidth, line),
        Qt::AlignLeft | Qt::AlignVCenter, elided(option.fontMetrics, detail, detailWidth));

    const QString excerpt = index.data(ContextRoles::ExcerptRole).toString();
    if (!excerpt.isEmpty()) {
        const QFont font = italicFont(option.font);
        const QFontMetrics metrics(font);
        painter->setFont(font);
        painter->drawText(QRect(content.left(), content.top() + 2 * (line + kLineGap), content.width(), line),
            Qt::AlignLeft | Qt::AlignVCenter, elided(metrics, excerpt, content.width()));
    }
    painter->restore();
}
