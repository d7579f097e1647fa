#include "SupervisorFeed.h"

#include "SupervisorSource.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcSupervisor, "unisono.supervisor", QtInfoMsg)

// A reload takes a few hundred milliseconds; a burst of events meanwhile is
// kept up to this many (then the next reload catches up instead).
constexpr int kMaxBuffered = 200000;
constexpr int kMaxRetryMs = 60000;

} // namespace

SupervisorFeed::SupervisorFeed(SupervisorSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early: over 10 Hz
    connect(&m_flushTimer, &QTimer::timeout, this, &SupervisorFeed::flush);
    m_trendsTimer.setInterval(30000);
    connect(&m_trendsTimer, &QTimer::timeout, this, &SupervisorFeed::refreshTrends);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SupervisorFeed::reload);
    m_sinceFlush.start();
}

void SupervisorFeed::setMaxRate(int perSecond)
{
    m_minIntervalMs = 1000 / std::max(1, perSecond);
}

void SupervisorFeed::setTrendsInterval(int milliseconds)
{
    m_trendsTimer.setInterval(milliseconds);
}

void SupervisorFeed::start()
{
    if (m_started)
        return;
    m_started = true;
    connect(&m_source, &SupervisorSource::liveEvent, this, &SupervisorFeed::onEvent);
    connect(&m_source, &SupervisorSource::streamOpened, this, [this] {
        // Already reading (the first load), or missed events: read again.
        if (!m_reloading || isLoaded())
            reload();
    });
    reload();
    m_trendsTimer.start();
}

void SupervisorFeed::reload()
{
    m_retryTimer.stop();
    const quint64 generation = ++m_generation;
    m_reloading = true;
    m_agentList.reset();
    m_agentStats.reset();
    m_queuesPart.reset();
    m_sitesPart.reset();
    m_allPart.reset();
    m_buffered.clear();
    auto part = [this, generation](
                    const QString& path, std::optional<QJsonObject>* slot, void (SupervisorFeed::*then)()) {
        m_source.get(path, this, [this, generation, path, slot, then](const SupervisorReply& reply) {
            if (generation != m_generation)
                return; // a newer reload asked again
            if (!handleFailure(reply, path))
                return;
            *slot = reply.json.object();
            (this->*then)();
        });
    };
    part(QStringLiteral("/api/v1/agents"), &m_agentList, &SupervisorFeed::onAgentsPart);
    part(QStringLiteral("/api/v1/stats/agents"), &m_agentStats, &SupervisorFeed::onAgentsPart);
    part(QStringLiteral("/api/v1/stats/queues"), &m_queuesPart, &SupervisorFeed::onQueuesPart);
    part(QStringLiteral("/api/v1/stats/sites"), &m_sitesPart, &SupervisorFeed::onQueuesPart);
    part(QStringLiteral("/api/v1/stats/all"), &m_allPart, &SupervisorFeed::onQueuesPart);
    refreshTrends();
}

bool SupervisorFeed::handleFailure(const SupervisorReply& reply, const QString& what)
{
    if (reply.ok())
        return true;
    // This reload is over; the next one starts from scratch.
    ++m_generation;
    m_reloading = false;
    m_buffered.clear();
    if (reply.error.isEmpty() && reply.status == 403) {
        const QString message = reply.describe();
        setProblem(tr("This account may not see the supervisor board (%1).").arg(message));
        Q_EMIT accessDenied(message);
        return false;
    }
    qCInfo(lcSupervisor).noquote() << "reading" << what << "failed:" << reply.describe();
    setProblem(tr("Cannot read the centre's figures: %1").arg(reply.describe()));
    retryLater();
    return false;
}

void SupervisorFeed::retryLater()
{
    m_retryTimer.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
}

void SupervisorFeed::setProblem(const QString& problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

void SupervisorFeed::onAgentsPart()
{
    if (!m_agentList || !m_agentStats)
        return;
    QHash<qint64, AgentRecord> agents;
    for (const QJsonValue& value : m_agentList->value(QStringLiteral("agents")).toArray()) {
        AgentRecord record = AgentRecord::fromAgentJson(value.toObject());
        if (record.role == QLatin1String("agent"))
            agents.insert(record.id, record);
    }
    const qint64 generatedAt = m_agentStats->value(QStringLiteral("generatedAt")).toInteger();
    m_clock.observe(generatedAt);
    m_statsAt.clear();
    for (const QJsonValue& value : m_agentStats->value(QStringLiteral("agents")).toArray()) {
        const QJsonObject row = value.toObject();
        const auto it = agents.find(row.value(QStringLiteral("agentId")).toInteger());
        if (it == agents.end())
            continue;
        it->applyStats(row);
        m_statsAt.insert(it->id, generatedAt);
    }
    m_agents = agents;
    m_agentsLoaded = true;
    // What this load covers is delivered whole; earlier pending changes are in it.
    m_changed.clear();
    QList<AgentRecord> list = m_agents.values();
    std::sort(
        list.begin(), list.end(), [](const AgentRecord& a, const AgentRecord& b) { return a.id < b.id; });
    Q_EMIT agentsLoaded(list);
    if (m_queuesPart && m_sitesPart && m_allPart)
        onQueuesPart();
}

void SupervisorFeed::onQueuesPart()
{
    if (!m_queuesPart || !m_sitesPart || !m_allPart || !m_reloading)
        return;
    QJsonObject merged = *m_queuesPart;
    merged.insert(QStringLiteral("sites"), m_sitesPart->value(QStringLiteral("sites")));
    merged.insert(QStringLiteral("all"), m_allPart->value(QStringLiteral("all")));
    if (!m_queuesLoaded
        || merged.value(QStringLiteral("generatedAt")).toInteger() >= m_queueStats.generatedAt) {
        m_queuesLoaded = true;
        applyQueueStats(merged);
    }
    if (!m_agentList || !m_agentStats)
        return; // the agents' half is still on its way
    m_reloading = false;
    m_retryMs = 1000;
    setProblem(QString());
    const QList<QPair<QString, QJsonObject>> buffered = std::exchange(m_buffered, {});
    for (const auto& [type, data] : buffered)
        onEvent(type, data);
    flush(); // the snapshot is on screen at once
}

void SupervisorFeed::onEvent(const QString& type, const QJsonObject& data)
{
    ++m_eventCount;
    if (m_reloading) {
        if (m_buffered.size() < kMaxBuffered)
            m_buffered.append({ type, data });
        return;
    }
    if (type == QLatin1String("agent_state"))
        applyAgentState(data);
    else if (type == QLatin1String("agent_stats"))
        applyAgentStats(data);
    else if (type == QLatin1String("queue_stats"))
        applyQueueStats(data);
}

void SupervisorFeed::applyAgentState(const QJsonObject& data)
{
    const auto it = m_agents.find(data.value(QStringLiteral("agentId")).toInteger());
    if (it == m_agents.end())
        return; // a supervisor or admin: not on the board
    if (data.value(QStringLiteral("since")).toInteger() < it->stateSince)
        return; // older than what the snapshot said
    it->applyState(data);
    m_changed.insert(it->id);
    scheduleFlush();
}

void SupervisorFeed::applyAgentStats(const QJsonObject& data)
{
    const qint64 generatedAt = data.value(QStringLiteral("generatedAt")).toInteger();
    m_clock.observe(generatedAt);
    for (const QJsonValue& value : data.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject row = value.toObject();
        const auto it = m_agents.find(row.value(QStringLiteral("agentId")).toInteger());
        if (it == m_agents.end() || generatedAt < m_statsAt.value(it->id))
            continue;
        it->applyStats(row);
        m_statsAt.insert(it->id, generatedAt);
        m_changed.insert(it->id);
    }
    scheduleFlush();
}

void SupervisorFeed::applyQueueStats(const QJsonObject& data)
{
    const qint64 generatedAt = data.value(QStringLiteral("generatedAt")).toInteger();
    m_clock.observe(generatedAt);
    if (generatedAt < m_queueStats.generatedAt)
        return;
    m_queueStats = QueueStatsSnapshot::fromJson(data);
    for (const QueueStatsRow& row : std::as_const(m_queueStats.rows)) {
        if (row.kind == QueueStatsRow::Kind::Site)
            m_siteNames.insert(row.id, row.name);
    }
    m_queueStatsChanged = true;
    scheduleFlush();
}

void SupervisorFeed::scheduleFlush()
{
    if (m_flushTimer.isActive())
        return;
    // The first change after a quiet spell goes out at once (after the
    // events already queued, which join it); later ones wait their turn.
    m_flushTimer.start(int(std::max<qint64>(0, m_minIntervalMs - m_sinceFlush.elapsed())));
}

void SupervisorFeed::flush()
{
    m_flushTimer.stop();
    if (m_changed.isEmpty() && !m_queueStatsChanged)
        return;
    m_sinceFlush.restart();
    ++m_batchCount;
    if (!m_changed.isEmpty()) {
        QList<AgentRecord> changed;
        changed.reserve(m_changed.size());
        for (qint64 id : std::as_const(m_changed))
            changed.append(m_agents.value(id));
        m_changed.clear();
        Q_EMIT agentsChanged(changed);
    }
    if (m_queueStatsChanged) {
        m_queueStatsChanged = false;
        Q_EMIT queueStatsChanged(m_queueStats);
    }
}

void SupervisorFeed::refreshTrends()
{
    m_source.get(
        QStringLiteral("/api/v1/stats/trends?bucketMinutes=30"), this, [this](const SupervisorReply& reply) {
            if (!reply.ok()) {
                qCInfo(lcSupervisor).noquote() << "reading the shift trends failed:" << reply.describe();
                return; // the next poll tries again; the boards do not depend on it
            }
            m_trends = ShiftTrendsData::fromJson(reply.json.object());
            m_clock.observe(m_trends.generatedAt);
            Q_EMIT trendsChanged(m_trends);
        });
}

void SupervisorFeed::requestPerformance(qint64 fromHubSeconds, qint64 toHubSeconds)
{
    const QString path
        = QStringLiteral("/api/v1/stats/agents?from=%1&to=%2").arg(fromHubSeconds).arg(toHubSeconds);
    m_source.get(path, this, [this](const SupervisorReply& reply) {
        if (!reply.ok()) {
            Q_EMIT performanceFailed(reply.describe());
            return;
        }
        Q_EMIT performanceLoaded(PerformanceReport::fromJson(reply.json.object()));
    });
}
