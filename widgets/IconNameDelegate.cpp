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

// A line icon in the ink that reads on what it is drawn over, sharp at any
// scale: rendered from its SVG once per pixel size and mode, then reused.
// Parsing the SVG on every paint made icons most of a list row's cost, and of
// a new session tab's.
class LineIconEngine : public QIconEngine
{
public:
    LineIconEngine(const QByteArray& svg, bool dark)
        : m_svg(svg)
        , m_dark(dark)
    { }
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        // A rotated or scaled painter gets the vector drawing, not a resampled bitmap.
        if (painter->transform().type() > QTransform::TxTranslate) {
            render(painter, rect, mode);
            return;
        }
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap((QSizeF(rect.size()) * ratio).toSize(), mode, state);
        image.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, image);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override
    {
        const quint64 key = (quint64(quint32(size.width())) << 34) | (quint64(quint32(size.height())) << 4)
            | quint64(mode);
        auto it = m_rendered.constFind(key);
        if (it != m_rendered.constEnd())
            return *it;
        QPixmap image(size);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            render(&painter, QRect(QPoint(), size), mode);
        }
        m_rendered.insert(key, image);
        return image;
    }
    QIconEngine* clone() const override { return new LineIconEngine(m_svg, m_dark); }

private:
    void render(QPainter* painter, const QRect& rect, QIcon::Mode mode) const
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

    QByteArray m_svg;
    bool m_dark;
    QHash<quint64, QPixmap> m_rendered;
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
