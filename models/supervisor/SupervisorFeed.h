#pragma once

#include "AgentRecord.h"
#include "HubClockEstimate.h"
#include "PerformanceReport.h"
#include "QueueStats.h"
#include "ShiftTrendsData.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <optional>

class SupervisorSource;
struct SupervisorReply;

// The supervisor's live picture of the centre, read from the backend: the
// agents (GET /agents), what each has in hand and did today (GET
// /stats/agents), the queue, site and all-sites figures (GET /stats/queues,
// /stats/sites, /stats/all), then kept current by the live events
// agent_state, agent_stats and queue_stats. The hub pushes every figure the
// boards show, so nothing is polled but the shift trends (every
// trendsInterval) and, after the event stream reconnects, the snapshots
// again (what happened meanwhile reached no one).
//
// Events are merged as they come and handed on in batches at most
// maxRate times a second (the first of a quiet spell at once, the rest
// gathered), so a centre of thousands of agents changing all the time costs
// the GUI a bounded number of model updates, each naming only the agents
// that changed. An event older than what is known (a snapshot answered after
// it was sent) is ignored.
class SupervisorFeed : public QObject
{
    Q_OBJECT
public:
    explicit SupervisorFeed(SupervisorSource& source, QObject* parent = nullptr);

    // Reads the snapshots and follows the events; call once.
    void start();
    // Reads every snapshot again (also done when the stream reopens).
    void reload();
    void refreshTrends();
    // GET /stats/agents?from&to: answered by performanceLoaded or performanceFailed.
    void requestPerformance(qint64 fromHubSeconds, qint64 toHubSeconds);

    // Batches per second at most (default 10).
    void setMaxRate(int perSecond);
    void setTrendsInterval(int milliseconds);

    bool isLoaded() const { return m_agentsLoaded && m_queuesLoaded; }
    qint64 hubNow() const { return m_clock.now(); }
    const HubClockEstimate& clock() const { return m_clock; }
    const QHash<qint64, AgentRecord>& agents() const { return m_agents; }
    const QueueStatsSnapshot& queueStats() const { return m_queueStats; }
    const ShiftTrendsData& trends() const { return m_trends; }
    QString siteName(qint64 siteId) const { return m_siteNames.value(siteId); }
    // Events received and batches delivered since start, for the bench.
    qint64 eventCount() const { return m_eventCount; }
    qint64 batchCount() const { return m_batchCount; }

Q_SIGNALS:
    // The whole agent list (first load and every reload).
    void agentsLoaded(const QList<AgentRecord>& agents);
    // The agents that changed since the last batch, as they are now.
    void agentsChanged(const QList<AgentRecord>& agents);
    void queueStatsChanged(const QueueStatsSnapshot& snapshot);
    void trendsChanged(const ShiftTrendsData& trends);
    void performanceLoaded(const PerformanceReport& report);
    void performanceFailed(const QString& error);
    // Words for the status line: "" when all is well.
    void problemChanged(const QString& problem);
    // The backend refused this account the supervisor figures (403).
    void accessDenied(const QString& message);

private:
    void onEvent(const QString& type, const QJsonObject& data);
    void applyAgentState(const QJsonObject& data);
    void applyAgentStats(const QJsonObject& data);
    void applyQueueStats(const QJsonObject& data);
    void onAgentsPart();
    void onQueuesPart();
    bool handleFailure(const SupervisorReply& reply, const QString& what);
    void setProblem(const QString& problem);
    void scheduleFlush();
    void flush();
    void retryLater();

    SupervisorSource& m_source;
    HubClockEstimate m_clock;
    QHash<qint64, AgentRecord> m_agents;
    QHash<qint64, qint64> m_statsAt; // agent -> generatedAt of their last stats row
    QHash<qint64, QString> m_siteNames;
    QueueStatsSnapshot m_queueStats;
    ShiftTrendsData m_trends;

    // A reload in flight: its parts, and the events that came meanwhile.
    quint64 m_generation = 0;
    std::optional<QJsonObject> m_agentList, m_agentStats, m_queuesPart, m_sitesPart, m_allPart;
    QList<QPair<QString, QJsonObject>> m_buffered;
    bool m_reloading = false;
    bool m_agentsLoaded = false;
    bool m_queuesLoaded = false;
    bool m_started = false;

    QSet<qint64> m_changed;
    bool m_queueStatsChanged = false;
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush;
    int m_minIntervalMs = 100;
    QTimer m_trendsTimer;
    QTimer m_retryTimer;
    int m_retryMs = 1000;
    QString m_problem;
    qint64 m_eventCount = 0;
    qint64 m_batchCount = 0;
};
