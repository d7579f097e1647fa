#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// One row of the queue board: a queue, a site or all sites together, with
// the figures of GET /stats/queues, /stats/sites and /stats/all (their
// definitions are in hub/QueueStatistics.h). Times are hub seconds.
struct QueueStatsRow
{
    enum class Kind { All, Site, Queue };
    Kind kind = Kind::Queue;
    qint64 id = 0; // queue or site id; 0 for all sites
    QString name;
    QString channel; // queues only
    QString language;
    qint64 siteId = 0; // a queue's home site
    int serviceLevelTargetPct = 0; // queues only
    int serviceLevelSeconds = 0;

    qint64 waiting = 0;
    qint64 longestWaitSeconds = 0; // at generatedAt
    qint64 offered = 0;
    qint64 answered = 0;
    qint64 abandoned = 0;
    std::optional<double> abandonedPct;
    std::optional<double> averageSpeedOfAnswer;
    qint64 serviceLevelDenominator = 0;
    std::optional<double> serviceLevelPct;
    std::optional<double> averageHandleTime;
    std::optional<double> averageCsat;
    std::optional<double> averageSentiment;
    qint64 recentSentimentCount = 0;
    std::optional<double> recentNegativePct;

    // A stable key across snapshots: kind and id.
    qint64 key() const { return (qint64(kind) << 48) | id; }
    static QueueStatsRow fromJson(Kind kind, const QJsonObject& object);
    bool operator==(const QueueStatsRow& other) const = default;
};

// All the rows at one moment: all sites first, then sites, then queues.
struct QueueStatsSnapshot
{
    qint64 generatedAt = 0;
    qint64 windowStart = 0;
    QList<QueueStatsRow> rows;

    bool isEmpty() const { return rows.isEmpty(); }
    // From the queue_stats event, or from the three answers merged into one
    // object ({queues, sites, all, generatedAt, windowStart}).
    static QueueStatsSnapshot fromJson(const QJsonObject& object);
    const QueueStatsRow* find(QueueStatsRow::Kind kind, qint64 id) const;
};
