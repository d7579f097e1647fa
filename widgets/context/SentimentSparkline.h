#pragma once

#include <QList>
#include <QWidget>
#include <optional>

// A small line of sentiment over time (-1 negative .. +1 positive), one point
// per period, oldest on the left, with a faint zero line and gaps where
// nothing was said. Painted directly: a chart this small does not need a
// charting library, and it must cost nothing on a screen pop.
class SentimentSparkline : public QWidget
{
    Q_OBJECT

public:
    explicit SentimentSparkline(QWidget* parent = nullptr);

    void setValues(const QList<std::optional<double>>& values);
    const QList<std::optional<double>>& values() const { return m_values; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<std::optional<double>> m_values;
};
