#include "AgentStatistics.h"

#include "ChangeRecord.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "QueueStatistics.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <QJsonDocument>
#include <cmath>

namespace {

QJsonValue mean(double sum, qint64 count, double precision = 10.0)
{
    if (count <= 0)
        return QJsonValue(QJsonValue::Null);
    return std::round(sum / double(count) * precision) / precision;
}

QByteArray idList(const QSet<qint64>& ids)
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(id);
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

bool isLive(const QString& status)
{
    return status == QLatin1String("offered") || status == QLatin1String("active")
        || status == QLatin1String("held") || status == QLatin1String("wrap_up");
}

} // namespace

AgentStatistics::AgentStatistics(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock,
    const QueueStatistics& window, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_events(events)
    , m_clock(clock)
    , m_window(window)
{
    Statement& live = m_storage.db().cached("SELECT id, agent_id FROM interactions WHERE status IN "
                                            "('queued','offered','active','held','wrap_up') "
                                            "AND agent_id IS NOT NULL");
    while (live.step())
        m_liveOwner.insert(live.int64(0), live.int64(1));
    live.reset();
    connect(&m_events, &EventBroadcaster::changePublished, this, &AgentStatistics::follow);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &AgentStatistics::publishChanged);
    m_tick.start();
}

void AgentStatistics::Totals::add(const Totals& o)
{
    handled += o.handled;
    handleCount += o.handleCount;
    handleSum += o.handleSum;
    fcrBase += o.fcrBase;
    fcrResolved += o.fcrResolved;
    csatCount += o.csatCount;
    csatSum += o.csatSum;
    sentimentCount += o.sentimentCount;
    sentimentSum += o.sentimentSum;
}

void AgentStatistics::Totals::writeTo(QJsonObject& object) const
{
    object.insert(QStringLiteral("handled"), handled);
    object.insert(QStringLiteral("averageHandleTime"), mean(double(handleSum), handleCount));
    object.insert(QStringLiteral("firstContactResolutionPct"), mean(double(fcrResolved) * 100.0, fcrBase));
    object.insert(QStringLiteral("averageCsat"), mean(csatSum, csatCount, 100.0));
    object.insert(QStringLiteral("averageSentiment"), mean(sentimentSum, sentimentCount, 100.0));
}

QHash<qint64, QJsonObject> AgentStatistics::currentInteractions(const QSet<qint64>* only)
{
    // The full status list first, so SQLite can use the partial index of live interactions.
    Statement& st = m_storage.db().cached(
        "SELECT i.agent_id, i.id, i.channel, i.status, i.customer_id, coalesce(c.display_name, ''), "
        "i.queue_id, "
        "i.offered_at, i.answered_at, i.ended_at FROM interactions i LEFT JOIN customers c ON c.id = "
        "i.customer_id "
        "WHERE i.status IN ('queued','offered','active','held','wrap_up') "
        "AND i.status IN ('offered','active','held','wrap_up') AND i.agent_id IS NOT NULL "
        "AND (?1 IS NULL OR i.agent_id IN (SELECT value FROM json_each(?1)))");
    if (only)
        st.bind(1, QString::fromLatin1(idList(*only)));
    else
        st.bindNull(1);
    QHash<qint64, QJsonObject> current;
    while (st.step()) {
        auto optional = [&st](int column) {
            return st.isNull(column) ? QJsonValue(QJsonValue::Null) : QJsonValue(st.int64(column));
        };
        current.insert(st.int64(0),
            QJsonObject {
                { QStringLiteral("interactionId"), st.int64(1) },
                { QStringLiteral("channel"), st.text(2) },
                { QStringLiteral("status"), st.text(3) },
                { QStringLiteral("customerId"), optional(4) },
                { QStringLiteral("customerName"), st.text(5) },
                { QStringLiteral("queueId"), optional(6) },
                { QStringLiteral("offeredAt"), st.int64(7) },
                { QStringLiteral("answeredAt"), optional(8) },
                { QStringLiteral("endedAt"), optional(9) },
            });
    }
    st.reset();
    return current;
}

QJsonArray AgentStatistics::agentRows(qint64 from, qint64 to, const QSet<qint64>* only,
    QHash<QString, Totals>* teams, QHash<QString, QJsonObject>* teamKeys)
{
    const QHash<qint64, QJsonObject> current = currentInteractions(only);
    // One pass over the period's interactions (interactions_by_time); the
    // repeat-contact probe uses interactions_by_customer.
    Statement& st = m_storage.db().cached(
        "SELECT a.id, a.display_name, a.site_id, coalesce(a.team, ''), a.role, "
        "coalesce(s.handled, 0), coalesce(s.handle_count, 0), coalesce(s.handle_sum, 0), "
        "coalesce(s.fcr_base, 0), "
        "coalesce(s.fcr_resolved, 0), coalesce(s.csat_count, 0), coalesce(s.csat_sum, 0), "
        "coalesce(s.sentiment_count, 0), coalesce(s.sentiment_sum, 0) "
        "FROM agents a LEFT JOIN ("
        "  SELECT i.agent_id, count(*) AS handled, count(i.handle_seconds) AS handle_count, "
        "  coalesce(sum(i.handle_seconds), 0) AS handle_sum, count(i.customer_id) AS fcr_base, "
        "  sum(i.customer_id IS NOT NULL "
        "      AND coalesce(i.disposition, '') NOT IN ('follow_up', 'escalated', 'callback_scheduled', "
        "'transferred') "
        "      AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.customer_id = i.customer_id "
        "          AND j.offered_at > i.offered_at AND j.offered_at <= i.offered_at + ?4 "
        "          AND j.id <> i.id AND j.direction = 'inbound')) AS fcr_resolved, "
        "  count(i.csat) AS csat_count, coalesce(sum(i.csat), 0) AS csat_sum, "
        "  count(i.sentiment) AS sentiment_count, coalesce(sum(i.sentiment), 0) AS sentiment_sum "
        "  FROM interactions i "
        "  WHERE i.offered_at >= ?1 AND i.offered_at < ?2 AND i.status = 'ended' AND i.answered_at IS NOT "
        "NULL "
        "  AND i.agent_id IS NOT NULL AND (?3 IS NULL OR i.agent_id IN (SELECT value FROM json_each(?3))) "
        "  GROUP BY i.agent_id) s ON s.agent_id = a.id "
        "WHERE ?3 IS NULL OR a.id IN (SELECT value FROM json_each(?3)) "
        "ORDER BY a.display_name COLLATE NOCASE, a.id");
    st.bind(1, from).bind(2, to).bind(4, kRepeatWindowSeconds);
    if (only)
        st.bind(3, QString::fromLatin1(idList(*only)));
    else
        st.bindNull(3);
    QJsonArray rows;
    while (st.step()) {
        Totals totals;
        totals.handled = st.int64(5);
        totals.handleCount = st.int64(6);
        totals.handleSum = st.int64(7);
        totals.fcrBase = st.int64(8);
        totals.fcrResolved = st.int64(9);
        totals.csatCount = st.int64(10);
        totals.csatSum = st.real(11);
        totals.sentimentCount = st.int64(12);
        totals.sentimentSum = st.real(13);
        const qint64 agentId = st.int64(0);
        const QJsonValue siteId = st.isNull(2) ? QJsonValue(QJsonValue::Null) : QJsonValue(st.int64(2));
        const QString team = st.text(3);
        QJsonObject row {
            { QStringLiteral("agentId"), agentId },
            { QStringLiteral("displayName"), st.text(1) },
            { QStringLiteral("siteId"), siteId },
            { QStringLiteral("team"), team },
            { QStringLiteral("role"), st.text(4) },
            { QStringLiteral("current"),
                current.contains(agentId) ? QJsonValue(current.value(agentId))
                                          : QJsonValue(QJsonValue::Null) },
        };
        totals.writeTo(row);
        rows.append(row);
        if (teams && !team.isEmpty()) {
            const QString key = QString::number(siteId.toInteger()) + QLatin1Char('/') + team;
            (*teams)[key].add(totals);
            QJsonObject& keyObject = (*teamKeys)[key];
            if (keyObject.isEmpty())
                keyObject = QJsonObject { { QStringLiteral("team"), team },
                    { QStringLiteral("siteId"), siteId }, { QStringLiteral("agents"), 0 } };
            keyObject.insert(
                QStringLiteral("agents"), keyObject.value(QStringLiteral("agents")).toInteger() + 1);
        }
    }
    st.reset();
    return rows;
}

QJsonObject AgentStatistics::agents(qint64 from, qint64 to)
{
    const qint64 start = from > 0 ? from : m_window.windowStart();
    const qint64 end = to > 0 ? to : m_clock.nowSecs() + 1;
    QHash<QString, Totals> teams;
    QHash<QString, QJsonObject> teamKeys;
    const QJsonArray rows = agentRows(start, end, nullptr, &teams, &teamKeys);
    QStringList keys = teamKeys.keys();
    std::sort(keys.begin(), keys.end(), [&teamKeys](const QString& a, const QString& b) {
        const QJsonObject& x = teamKeys[a];
        const QJsonObject& y = teamKeys[b];
        const qint64 siteX = x.value(QStringLiteral("siteId")).toInteger();
        const qint64 siteY = y.value(QStringLiteral("siteId")).toInteger();
        if (siteX != siteY)
            return siteX < siteY;
        return x.value(QStringLiteral("team")).toString() < y.value(QStringLiteral("team")).toString();
    });
    QJsonArray teamRows;
    for (const QString& key : keys) {
        QJsonObject row = teamKeys.value(key);
        teams.value(key).writeTo(row);
        teamRows.append(row);
    }
    return QJsonObject {
        { QStringLiteral("windowStart"), start },
        { QStringLiteral("windowEnd"), end },
        { QStringLiteral("generatedAt"), m_clock.nowSecs() },
        { QStringLiteral("agents"), rows },
        { QStringLiteral("teams"), teamRows },
    };
}

void AgentStatistics::follow(const ChangeRecord& change)
{
    if (change.entity != QLatin1String("interaction"))
        return;
    if (const auto previous = m_liveOwner.find(change.entityId); previous != m_liveOwner.end()) {
        m_dirty.insert(previous.value());
        m_liveOwner.erase(previous);
    }
    if (change.op != QLatin1String("upsert"))
        return;
    const QJsonObject interaction = QJsonDocument::fromJson(change.payload).object();
    const QJsonValue agentId = interaction.value(QStringLiteral("agentId"));
    if (!agentId.isDouble())
        return;
    m_dirty.insert(agentId.toInteger());
    if (isLive(interaction.value(QStringLiteral("status")).toString()))
        m_liveOwner.insert(change.entityId, agentId.toInteger());
}

void AgentStatistics::publishChanged()
{
    if (m_dirty.isEmpty())
        return;
    if (!m_events.hasSupervisorClients()) {
        m_dirty.clear(); // a board that connects later starts from GET /stats/agents
        return;
    }
    const QSet<qint64> agents = std::exchange(m_dirty, {});
    const qint64 start = m_window.windowStart();
    const qint64 now = m_clock.nowSecs();
    m_events.publishToSupervisors("agent_stats",
        QJsonObject {
            { QStringLiteral("windowStart"), start },
            { QStringLiteral("generatedAt"), now },
            { QStringLiteral("agents"), agentRows(start, now + 1, &agents, nullptr, nullptr) },
        });
}
