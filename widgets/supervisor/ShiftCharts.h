#pragma once

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QPieSeries;
class QValueAxis;
struct QueueStatsSnapshot;
struct ShiftTrendsData;

// The shift in four Qt Charts: contacts waiting and service level per
// half hour, why customers got in touch (contact reasons), the sentiment of
// each channel's customers over the day, and the channel mix. It draws what
// the feed's trends say (refreshed every half minute) and moves the "waiting
// now" point with each live queue_stats, so the first chart is live.
class ShiftCharts : public QWidget
{
    Q_OBJECT
public:
    explicit ShiftCharts(QWidget* parent = nullptr);

    void setTrends(const ShiftTrendsData& trends);
    void setLive(const QueueStatsSnapshot& snapshot);

    // For tests: what is drawn.
    QLineSeries* waitingSeries() const { return m_waiting; }
    QLineSeries* serviceLevelSeries() const { return m_serviceLevel; }
    QPieSeries* channelMix() const { return m_mix; }
    QBarSet* reasons() const { return m_reasons; }
    QList<QLineSeries*> sentimentSeries() const;

private:
    QChart* m_waitingChart;
    QLineSeries* m_waiting;
    QLineSeries* m_serviceLevel;
    QDateTimeAxis* m_waitingTime;
    QValueAxis* m_waitingAxis;
    QChart* m_reasonChart;
    QBarSet* m_reasons;
    QBarCategoryAxis* m_reasonAxis;
    QValueAxis* m_reasonCount;
    QChart* m_sentimentChart;
    QDateTimeAxis* m_sentimentTime;
    QValueAxis* m_sentimentAxis;
    QPieSeries* m_mix;
};
