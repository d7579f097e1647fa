#include "IconNameDelegate.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace {

// The slate the line icons are drawn in; on a dark palette's base a lighter
// slate (about 7:1 against it), and on a selected row's highlight, white.
constexpr char kInk[] = "#52677d";
constexpr char kInkOnDark[] = "#a9bccf";
constexpr char kInkSelected[] = "#ffffff";

// A line icon drawn fresh at whatever size is asked, so it stays sharp at any
// scale, in the ink that reads on what it is drawn over.
class LineIconEngine : public QIconEngine
{
public:
    LineIconEngine(const QByteArray& svg, bool dark)
        : m_svg(svg)
        , m_dark(dark)
    { }
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QByteArray svg = m_svg;
        if (mode == QIcon::Selected)
            svg.replace(kInk, kInkSelected);
        else if (m_dark)
            svg.replace(kInk, kInkOnDark);
        QSvgRenderer renderer(svg);
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.5);
        renderer.render(painter, rect);
        painter->restore();
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }
    QIconEngine* clone() const override { return new LineIconEngine(m_svg, m_dark); }

private:
    QByteArray m_svg;
    bool m_dark;
};

} // namespace

IconNameDelegate::IconNameDelegate(int iconNameRole, QStyleOptionViewItem::Position position, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_iconNameRole(iconNameRole)
    , m_position(position)
{ }

QIcon IconNameDelegate::icon(const QString& name)
{
    // Parsing an SVG per painted cell would cost more than the rest of the row.
    static QHash<QString, QIcon> cache;
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const QString key = dark ? name + QStringLiteral("@dark") : name;
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    QFile file(path);
    QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (!svg.contains(kInk))
        return *cache.insert(key, QIcon(path));
    return *cache.insert(key, QIcon(new LineIconEngine(svg, dark)));
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
