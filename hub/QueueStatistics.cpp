#include "QueueStatistics.h"

#include "ChangeRecord.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <QDateTime>
#include <QHash>
#include <cmath>

namespace {

QJsonValue ratio(double numerator, qint64 denominator, double scale = 1.0)
{
    if (denominator <= 0)
        return QJsonValue(QJsonValue::Null);
    return std::round(numerator * scale / double(denominator) * 10.0) / 10.0;
}

} // namespace

QueueStatistics::QueueStatistics(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock,
    qint64 windowStart, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_events(events)
    , m_clock(clock)
    , m_windowStart(windowStart)
{
    connect(&m_events, &EventBroadcaster::changePublished, this, &QueueStatistics::follow);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &QueueStatistics::publishIfChanged);
    m_tick.start();
}

qint64 QueueStatistics::windowStart() const
{
    if (m_windowStart > 0)
        return m_windowStart;
    // Today in the hub's local time zone, on the hub's clock.
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs());
    return QDateTime(now.date(), QTime(0, 0)).toSecsSinceEpoch();
}

void QueueStatistics::Totals::add(const Totals& o)
{
    offered += o.offered;
    answered += o.answered;
    abandoned += o.abandoned;
    waitSum += o.waitSum;
    withinTarget += o.withinTarget;
    slDenominator += o.slDenominator;
    handled += o.handled;
    handleSum += o.handleSum;
    csatCount += o.csatCount;
    csatSum += o.csatSum;
    sentimentCount += o.sentimentCount;
    sentimentSum += o.sentimentSum;
    waiting += o.waiting;
    recentSentimentCount += o.recentSentimentCount;
    recentNegative += o.recentNegative;
    if (o.oldestWaiting > 0 && (oldestWaiting == 0 || o.oldestWaiting < oldestWaiting))
        oldestWaiting = o.oldestWaiting;
}

QJsonObject QueueStatistics::Totals::toJson(qint64 now) const
{
    QJsonValue sentiment = QJsonValue(QJsonValue::Null);
    if (sentimentCount > 0)
        sentiment = std::round(sentimentSum / double(sentimentCount) * 100.0) / 100.0;
    return QJsonObject {
        { QStringLiteral("waiting"), waiting },
        { QStringLiteral("longestWaitSeconds"), oldestWaiting > 0 ? std::max<qint64>(0, now - oldestWaiting) : 0 },
        { QStringLiteral("offered"), offered },
        { QStringLiteral("answered"), answered },
        { QStringLiteral("abandoned"), abandoned },
        { QStringLiteral("abandonedPct"), ratio(double(abandoned), offered, 100.0) },
        { QStringLiteral("averageSpeedOfAnswer"), ratio(double(waitSum), answered) },
        { QStringLiteral("answeredWithinTarget"), withinTarget },
        { QStringLiteral("serviceLevelDenominator"), slDenominator },
        { QStringLiteral("serviceLevelPct"), ratio(double(withinTarget), slDenominator, 100.0) },
        { QStringLiteral("averageHandleTime"), ratio(double(handleSum), handled) },
        { QStringLiteral("averageCsat"), ratio(csatSum, csatCount) },
        { QStringLiteral("averageSentiment"), sentiment },
        { QStringLiteral("recentSentimentCount"), recentSentimentCount },
        { QStringLiteral("recentNegativePct"), ratio(double(recentNegative), recentSentimentCount, 100.0) },
    };
}

QList<QueueStatistics::Row> QueueStatistics::collect()
{
    const qint64 now = m_clock.nowSecs();
    QHash<QPair<qint64, qint64>, Totals> byKey;
    // The window: interactions_by_time serves the range.
    Statement& st = m_storage.db().cached(
        "SELECT i.queue_id, coalesce(i.site_id, q.site_id, 0), count(*), "
        "count(i.answered_at), "
        "sum(i.status = 'abandoned'), "
        "coalesce(sum(coalesce(i.wait_seconds, i.answered_at - i.offered_at)) FILTER (WHERE i.answered_at IS NOT NULL), 0), "
        "sum(i.answered_at IS NOT NULL AND coalesce(i.wait_seconds, i.answered_at - i.offered_at) <= q.service_level_seconds), "
        "sum(i.answered_at IS NOT NULL "
        "    OR (i.status = 'abandoned' AND coalesce(i.wait_seconds, i.ended_at - i.offered_at) >= q.service_level_seconds) "
        "    OR (i.status IN ('queued', 'offered') AND ?2 - i.offered_at >= q.service_level_seconds)), "
        "count(i.handle_seconds) FILTER (WHERE i.status = 'ended'), "
        "coalesce(sum(i.handle_seconds) FILTER (WHERE i.status = 'ended'), 0), "
        "count(i.csat), coalesce(sum(i.csat), 0), count(i.sentiment), coalesce(sum(i.sentiment), 0), "
        "coalesce(sum(i.sentiment IS NOT NULL AND i.ended_at >= ?3), 0), "
        "coalesce(sum(i.sentiment <= ?4 AND i.ended_at >= ?3), 0) "
        "FROM interactions i JOIN queues q ON q.id = i.queue_id "
        "WHERE i.offered_at >= ?1 GROUP BY 1, 2");
    st.bind(1, windowStart()).bind(2, now).bind(3, now - kRecentSeconds).bind(4, kNegativeSentiment);
    while (st.step()) {
        Totals& t = byKey[{ st.int64(0), st.int64(1) }];
        t.offered = st.int64(2);
        t.answered = st.int64(3);
        t.abandoned = st.int64(4);
        t.waitSum = st.int64(5);
        t.withinTarget = st.int64(6);
        t.slDenominator = st.int64(7);
        t.handled = st.int64(8);
        t.handleSum = st.int64(9);
        t.csatCount = st.int64(10);
        t.csatSum = st.real(11);
        t.sentimentCount = st.int64(12);
        t.sentimentSum = st.real(13);
        t.recentSentimentCount = st.int64(14);
        t.recentNegative = st.int64(15);
    }
    st.reset();
    // Waiting now, whenever it arrived: the partial index of live interactions.
    Statement& waiting = m_storage.db().cached(
        "SELECT i.queue_id, coalesce(q.site_id, 0), count(*), min(i.offered_at) FROM interactions i "
        "JOIN queues q ON q.id = i.queue_id "
        "WHERE i.status IN ('queued','offered','active','held','wrap_up') AND i.status IN ('queued', 'offered') "
        "GROUP BY 1, 2");
    while (waiting.step()) {
        Totals& t = byKey[{ waiting.int64(0), waiting.int64(1) }];
        t.waiting = waiting.int64(2);
        t.oldestWaiting = waiting.int64(3);
    }
    waiting.reset();
    QList<Row> rows;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        rows.append({ it.key().first, it.key().second, it.value() });
    return rows;
}

QJsonObject QueueStatistics::wrap(const char* key, const QJsonValue& value)
{
    return QJsonObject { { QStringLiteral("windowStart"), windowStart() },
        { QStringLiteral("generatedAt"), m_clock.nowSecs() }, { QLatin1String(key), value } };
}

QJsonObject QueueStatistics::queues()
{
    QHash<qint64, Totals> byQueue;
    for (const Row& row : collect())
        byQueue[row.queueId].add(row.totals);
    const qint64 now = m_clock.nowSecs();
    QJsonArray list;
    Statement& st = m_storage.db().cached("SELECT id, name, channel, coalesce(language, ''), site_id, "
                                          "service_level_pct, service_level_seconds FROM queues ORDER BY name, id");
    while (st.step()) {
        QJsonObject queue = byQueue.value(st.int64(0)).toJson(now);
        queue.insert(QStringLiteral("queueId"), st.int64(0));
        queue.insert(QStringLiteral("name"), st.text(1));
        queue.insert(QStringLiteral("channel"), st.text(2));
        queue.insert(QStringLiteral("language"), st.text(3));
        queue.insert(QStringLiteral("siteId"), st.isNull(4) ? QJsonValue() : QJsonValue(st.int64(4)));
        queue.insert(QStringLiteral("serviceLevelTargetPct"), st.int64(5));
        queue.insert(QStringLiteral("serviceLevelSeconds"), st.int64(6));
        list.append(queue);
    }
    st.reset();
    return wrap("queues", list);
}

QJsonObject QueueStatistics::sites()
{
    QHash<qint64, Totals> bySite;
    for (const Row& row : collect())
        bySite[row.siteId].add(row.totals);
    const qint64 now = m_clock.nowSecs();
    QJsonArray list;
    Statement& st = m_storage.db().cached("SELECT id, code, name FROM sites ORDER BY id");
    while (st.step()) {
        QJsonObject site = bySite.value(st.int64(0)).toJson(now);
        site.insert(QStringLiteral("siteId"), st.int64(0));
        site.insert(QStringLiteral("code"), st.text(1));
        site.insert(QStringLiteral("name"), st.text(2));
        list.append(site);
    }
    st.reset();
    return wrap("sites", list);
}

QJsonObject QueueStatistics::all()
{
    Totals totals;
    for (const Row& row : collect())
        totals.add(row.totals);
    return wrap("all", totals.toJson(m_clock.nowSecs()));
}

void QueueStatistics::follow(const ChangeRecord& change)
{
    if (change.entity == QLatin1String("interaction") || change.entity == QLatin1String("queue"))
        m_dirty = true;
}

void QueueStatistics::publishIfChanged()
{
    if (!m_dirty || !m_events.hasSupervisorClients())
        return;
    m_dirty = false;
    QJsonObject event = queues();
    event.insert(QStringLiteral("sites"), sites().value(QStringLiteral("sites")));
    event.insert(QStringLiteral("all"), all().value(QStringLiteral("all")));
    m_events.publishToSupervisors("queue_stats", event);
}
