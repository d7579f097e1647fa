#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

class EventBroadcaster;
class HubClock;
class SqliteHubStorage;
struct ChangeRecord;

// Queue statistics for supervisors, per queue, per site and for all sites,
// over "today" (from the hub's local midnight, or --stats-since):
//
//   offered         interactions that arrived in the queue in the window
//   answered        of those, answered by an agent; abandoned: the customer left
//   abandonedPct    abandoned / offered * 100
//   averageSpeedOfAnswer  mean wait of the answered ones (s)
//   serviceLevelPct answeredWithinTarget / (answered + abandoned after the
//                   target + still waiting beyond the target) * 100, the
//                   target being each queue's service_level_seconds. Customers
//                   who gave up before the target are left out (they never
//                   reached it), the usual convention; for a site or all
//                   sites every interaction counts against its own queue's target.
//   averageHandleTime     mean handle_seconds of finished ones (answer to the
//                   end of wrap-up)
//   averageCsat, averageSentiment over the interactions that have them
//   recentSentimentCount, recentNegativePct  contacts of the window that
//                   ended in the last 15 minutes (hub clock) with a
//                   sentiment, and the share of them at -0.3 or below: what
//                   a negative-sentiment spike alert watches (a day's
//                   average moves too slowly to show one)
//   waiting, longestWaitSeconds  now, whatever the window
//
// An interaction counts for the site of the agent who answered it, else its
// queue's home site. A `queue_stats` SSE event (live-only, supervisors and
// admins only) carries the same numbers at most once a second, and only
// when an interaction or queue changed.
class QueueStatistics : public QObject
{
    Q_OBJECT
public:
    QueueStatistics(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock, qint64 windowStart,
        QObject* parent = nullptr);

    QJsonObject queues();
    QJsonObject sites();
    QJsonObject all();
    qint64 windowStart() const;
    // How far back recentNegativePct looks, in hub seconds.
    static constexpr qint64 kRecentSeconds = 15 * 60;
    // At or below this, a contact's sentiment counts as negative.
    static constexpr double kNegativeSentiment = -0.3;

private:
    struct Totals
    {
        qint64 offered = 0, answered = 0, abandoned = 0, waitSum = 0, withinTarget = 0, slDenominator = 0;
        qint64 handled = 0, handleSum = 0, csatCount = 0, sentimentCount = 0, waiting = 0;
        qint64 recentSentimentCount = 0, recentNegative = 0;
        double csatSum = 0, sentimentSum = 0;
        qint64 oldestWaiting = 0; // offered_at of the longest waiting, 0 if none
        void add(const Totals& other);
        QJsonObject toJson(qint64 now) const;
    };
    struct Row
    {
        qint64 queueId;
        qint64 siteId;
        Totals totals;
    };
    QList<Row> collect();
    void follow(const ChangeRecord& change);
    void publishIfChanged();
    QJsonObject wrap(const char* key, const QJsonValue& value);

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
    qint64 m_windowStart;
    bool m_dirty = true;
    QTimer m_tick;
};
