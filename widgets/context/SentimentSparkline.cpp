#include "SentimentSparkline.h"

#include "ContextItemDelegate.h"
#include "context/ContextRoles.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

SentimentSparkline::SentimentSparkline(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void SentimentSparkline::setValues(const QList<std::optional<double>>& values)
{
    m_values = values;
    update();
}

QSize SentimentSparkline::sizeHint() const
{
    return QSize(fontMetrics().height() * 10, fontMetrics().height() * 2);
}

QSize SentimentSparkline::minimumSizeHint() const
{
    return QSize(fontMetrics().height() * 4, fontMetrics().height() * 2);
}

void SentimentSparkline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
    QColor zero = palette().color(QPalette::Text);
    zero.setAlphaF(0.25);
    painter.setPen(QPen(zero, 1, Qt::DashLine));
    painter.drawLine(QPointF(area.left(), area.center().y()), QPointF(area.right(), area.center().y()));
    if (m_values.isEmpty())
        return;

    const qsizetype n = m_values.size();
    const auto point = [&](qsizetype i, double v) {
        const double x = n == 1 ? area.center().x() : area.left() + area.width() * double(i) / double(n - 1);
        return QPointF(x, area.center().y() - std::clamp(v, -1.0, 1.0) * area.height() / 2);
    };
    // Runs of consecutive periods are joined; a silent period breaks the line.
    QPainterPath path;
    bool open = false;
    for (qsizetype i = 0; i < n; ++i) {
        if (!m_values.at(i)) {
            open = false;
            continue;
        }
        const QPointF p = point(i, *m_values.at(i));
        if (open)
            path.lineTo(p);
        else
            path.moveTo(p);
        open = true;
    }
    QColor line = palette().color(QPalette::Text);
    line.setAlphaF(0.7);
    painter.setPen(QPen(line, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    // Each point coloured by its mood, so the colour reads without the axis.
    for (qsizetype i = 0; i < n; ++i) {
        if (!m_values.at(i))
            continue;
        const double v = *m_values.at(i);
        const int tone = v <= -0.25 ? ContextRoles::Negative : v >= 0.25 ? ContextRoles::Positive : ContextRoles::Neutral;
        painter.setPen(Qt::NoPen);
        painter.setBrush(tone == ContextRoles::Neutral ? line : ContextItemDelegate::badgeForeground(tone));
        painter.drawEllipse(point(i, v), 2.5, 2.5);
    }
}
