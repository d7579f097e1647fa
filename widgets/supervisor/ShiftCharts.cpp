#include "ShiftCharts.h"

#include "domain/Channel.h"
#include "supervisor/QueueStats.h"
#include "supervisor/ShiftTrendsData.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>
#include <cmath>

namespace {

constexpr int kMaxReasons = 8;

QString channelName(const QString& key)
{
    const std::optional<Channel> channel = channelFromKey(key);
    return channel ? channelLabel(*channel) : key;
}

// "technical_fault" -> "Technical fault": the hub sends keys, people read words.
QString humanize(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!key.isEmpty())
        key[0] = key.at(0).toUpper();
    return key;
}

// One colour per channel in every chart, so the eye links the sentiment of
// chat with its slice of the mix.
QColor channelColor(const QString& key)
{
    static const QHash<QString, QColor> colors {
        { QStringLiteral("voice"), QColor(0x1f, 0x77, 0xb4) },
        { QStringLiteral("chat"), QColor(0xff, 0x7f, 0x0e) },
        { QStringLiteral("email"), QColor(0x2c, 0xa0, 0x2c) },
        { QStringLiteral("sms"), QColor(0x94, 0x67, 0xbd) },
        { QStringLiteral("social"), QColor(0xd6, 0x27, 0x28) },
        { QStringLiteral("callback"), QColor(0x17, 0xbe, 0xcf) },
        { QStringLiteral("self_service"), QColor(0x7f, 0x7f, 0x7f) },
        { QStringLiteral("forum"), QColor(0x8c, 0x56, 0x4b) },
    };
    return colors.value(key, QColor(0x55, 0x55, 0x55));
}

QChartView* viewOf(QChart* chart, const QString& objectName)
{
    chart->setAnimationOptions(QChart::NoAnimation); // live data: no animation chasing it
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 220);
    return view;
}

qint64 upperNice(double value)
{
    if (value <= 5)
        return 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    return qint64(std::ceil(value / magnitude) * magnitude);
}

} // namespace

ShiftCharts::ShiftCharts(QWidget* parent)
    : QWidget(parent)
    , m_waitingChart(new QChart)
    , m_waiting(new QLineSeries)
    , m_serviceLevel(new QLineSeries)
    , m_waitingTime(new QDateTimeAxis)
    , m_waitingAxis(new QValueAxis)
    , m_reasonChart(new QChart)
    , m_reasons(new QBarSet(tr("Contacts")))
    , m_reasonAxis(new QBarCategoryAxis)
    , m_reasonCount(new QValueAxis)
    , m_sentimentChart(new QChart)
    , m_sentimentTime(new QDateTimeAxis)
    , m_sentimentAxis(new QValueAxis)
    , m_mix(new QPieSeries)
{
    // Waiting (left axis) and service level (right axis, 0-100 %).
    m_waitingChart->setTitle(tr("Waiting contacts and service level"));
    m_waiting->setName(tr("Waiting"));
    m_serviceLevel->setName(tr("Service level %"));
    m_waitingChart->addSeries(m_waiting);
    m_waitingChart->addSeries(m_serviceLevel);
    m_waitingTime->setFormat(QStringLiteral("HH:mm"));
    m_waitingTime->setTickCount(7);
    m_waitingChart->addAxis(m_waitingTime, Qt::AlignBottom);
    m_waitingAxis->setLabelFormat(QStringLiteral("%d"));
    m_waitingAxis->setRange(0, 5);
    m_waitingChart->addAxis(m_waitingAxis, Qt::AlignLeft);
    auto* percent = new QValueAxis;
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %%"));
    m_waitingChart->addAxis(percent, Qt::AlignRight);
    m_waiting->attachAxis(m_waitingTime);
    m_waiting->attachAxis(m_waitingAxis);
    m_serviceLevel->attachAxis(m_waitingTime);
    m_serviceLevel->attachAxis(percent);

    m_reasonChart->setTitle(tr("Why customers contact us (today)"));
    auto* bars = new QHorizontalBarSeries;
    bars->append(m_reasons);
    m_reasonChart->addSeries(bars);
    m_reasonChart->addAxis(m_reasonAxis, Qt::AlignLeft);
    m_reasonChart->addAxis(m_reasonCount, Qt::AlignBottom);
    m_reasonCount->setLabelFormat(QStringLiteral("%d"));
    bars->attachAxis(m_reasonAxis);
    bars->attachAxis(m_reasonCount);
    m_reasonChart->legend()->hide();

    m_sentimentChart->setTitle(tr("Sentiment by channel"));
    m_sentimentTime->setFormat(QStringLiteral("HH:mm"));
    m_sentimentTime->setTickCount(7);
    m_sentimentAxis->setRange(-1, 1);
    m_sentimentAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_sentimentChart->addAxis(m_sentimentTime, Qt::AlignBottom);
    m_sentimentChart->addAxis(m_sentimentAxis, Qt::AlignLeft);

    auto* mixChart = new QChart;
    mixChart->setTitle(tr("Channel mix (today)"));
    mixChart->addSeries(m_mix);
    mixChart->legend()->setAlignment(Qt::AlignRight);

    auto* layout = new QGridLayout(this);
    layout->addWidget(viewOf(m_waitingChart, QStringLiteral("waitingChart")), 0, 0);
    layout->addWidget(viewOf(m_reasonChart, QStringLiteral("reasonChart")), 0, 1);
    layout->addWidget(viewOf(m_sentimentChart, QStringLiteral("sentimentChart")), 1, 0);
    layout->addWidget(viewOf(mixChart, QStringLiteral("channelMixChart")), 1, 1);
}

QList<QLineSeries*> ShiftCharts::sentimentSeries() const
{
    QList<QLineSeries*> list;
    for (QAbstractSeries* series : m_sentimentChart->series())
        list.append(static_cast<QLineSeries*>(series));
    return list;
}

void ShiftCharts::setTrends(const ShiftTrendsData& trends)
{
    if (trends.buckets.isEmpty())
        return;
    // Points sit in the middle of their half hour.
    const qint64 half = trends.bucketSeconds * 500;
    QList<QPointF> waiting, serviceLevel;
    QHash<QString, QList<QPointF>> sentiment;
    double maxWaiting = 0;
    for (const ShiftTrendsData::Bucket& bucket : trends.buckets) {
        const double x = double(bucket.start * 1000 + half);
        waiting.append({ x, double(bucket.waiting) });
        maxWaiting = std::max(maxWaiting, double(bucket.waiting));
        if (bucket.serviceLevelPct)
            serviceLevel.append({ x, *bucket.serviceLevelPct });
        for (auto it = bucket.sentimentByChannel.cbegin(); it != bucket.sentimentByChannel.cend(); ++it)
            sentiment[it.key()].append({ x, it.value() });
    }
    m_waiting->replace(waiting);
    m_serviceLevel->replace(serviceLevel);
    const QDateTime from = QDateTime::fromSecsSinceEpoch(trends.buckets.first().start);
    const QDateTime to = QDateTime::fromSecsSinceEpoch(trends.buckets.last().start + trends.bucketSeconds);
    m_waitingTime->setRange(from, to);
    m_waitingAxis->setRange(0, double(upperNice(maxWaiting)));

    // One line per channel, made when the channel first shows up.
    QHash<QString, QLineSeries*> lines;
    for (QLineSeries* series : sentimentSeries())
        lines.insert(series->property("channel").toString(), series);
    for (auto it = sentiment.cbegin(); it != sentiment.cend(); ++it) {
        QLineSeries* series = lines.value(it.key());
        if (!series) {
            series = new QLineSeries;
            series->setName(channelName(it.key()));
            series->setProperty("channel", it.key());
            series->setColor(channelColor(it.key()));
            series->setPointsVisible(true);
            m_sentimentChart->addSeries(series);
            series->attachAxis(m_sentimentTime);
            series->attachAxis(m_sentimentAxis);
        }
        series->replace(it.value());
    }
    m_sentimentTime->setRange(from, to);

    QStringList categories;
    QList<qreal> counts;
    double maxCount = 0;
    for (const auto& [reason, count] : trends.contactReasons) {
        if (categories.size() == kMaxReasons)
            break;
        categories.prepend(humanize(reason)); // the most frequent at the top
        counts.prepend(qreal(count));
        maxCount = std::max(maxCount, double(count));
    }
    if (m_reasons->count() > 0)
        m_reasons->remove(0, m_reasons->count());
    m_reasonAxis->setCategories(categories);
    m_reasons->append(counts);
    m_reasonCount->setRange(0, double(upperNice(maxCount)));

    qint64 total = 0;
    for (const auto& entry : trends.channels)
        total += entry.second;
    m_mix->clear();
    for (const auto& [channel, offered] : trends.channels) {
        if (offered <= 0)
            continue;
        QPieSlice* slice = m_mix->append(
            tr("%1 %2 %").arg(channelName(channel)).arg(qRound(100.0 * double(offered) / double(total))),
            qreal(offered));
        slice->setColor(channelColor(channel));
    }
}

void ShiftCharts::setLive(const QueueStatsSnapshot& snapshot)
{
    // The bucket in progress ends now: its "waiting" is the live figure.
    const QueueStatsRow* all = snapshot.find(QueueStatsRow::Kind::All, 0);
    if (!all || m_waiting->count() == 0)
        return;
    const int last = m_waiting->count() - 1;
    const QPointF point = m_waiting->at(last);
    if (point.y() == double(all->waiting))
        return;
    m_waiting->replace(last, point.x(), double(all->waiting));
    if (all->waiting > m_waitingAxis->max())
        m_waitingAxis->setMax(double(upperNice(double(all->waiting))));
}
