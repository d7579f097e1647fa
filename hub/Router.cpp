#include "Router.h"

#include "ApiError.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "HubLogging.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <QJsonDocument>
#include <algorithm>

namespace {

// How long a decliner is passed over for the same interaction (hub time):
// long enough for the next agent to be tried, short enough that a lone
// agent on a queue still gets the contact back.
constexpr qint64 kExclusionMs = 30 * 1000;

const QStringList& capabilityKeys()
{
    static const QStringList keys { QStringLiteral("voice"), QStringLiteral("chat"), QStringLiteral("email"),
        QStringLiteral("social") };
    return keys;
}

QString capabilityFor(const QString& queueChannel)
{
    if (queueChannel == QLatin1String("callback"))
        return QStringLiteral("voice");
    if (queueChannel == QLatin1String("sms") || queueChannel == QLatin1String("forum"))
        return QStringLiteral("social");
    return queueChannel;
}

} // namespace

Router::Router(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock, int offerTimeoutMs,
    QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_events(events)
    , m_clock(clock)
    , m_workflow(storage)
    , m_offerTimeoutMs(offerTimeoutMs)
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &Router::expireOffers);
    connect(&m_events, &EventBroadcaster::changePublished, this, &Router::follow);
}

bool Router::qualifies(const QStringList& agentSkills, const QString& queueSkill, const QString& queueChannel)
{
    const QString capability = capabilityFor(queueChannel);
    const bool listsCapabilities = std::any_of(agentSkills.cbegin(), agentSkills.cend(),
        [](const QString& skill) { return capabilityKeys().contains(skill); });
    if (listsCapabilities && !agentSkills.contains(capability))
        return false;
    if (agentSkills.contains(queueSkill))
        return true;
    static const QStringList channelOnly { QStringLiteral("social"), QStringLiteral("outbound"),
        QStringLiteral("community") };
    return channelOnly.contains(queueSkill) && agentSkills.contains(capability);
}

void Router::start()
{
    const qint64 nowMs = m_clock.nowMs();
    Statement& agents = m_storage.db().cached("SELECT id, state, coalesce(state_since, 0) FROM agents ORDER BY id");
    while (agents.step()) {
        m_agentStates.insert(agents.int64(0), agents.text(1));
        if (agents.text(1) == QLatin1String("ready"))
            m_idleSince.insert(agents.int64(0), { std::min(agents.int64(2) * 1000, nowMs), ++m_idleCounter });
    }
    agents.reset();

    // Offers of a previous run have no timer any more: back to their queue.
    QList<qint64> stale;
    Statement& offered = m_storage.db().cached(
        "SELECT id FROM interactions WHERE status IN ('queued','offered','active','held','wrap_up') "
        "AND status = 'offered'");
    while (offered.step())
        stale.append(offered.int64(0));
    offered.reset();
    if (!stale.isEmpty()) {
        const QList<ChangeRecord> changes = m_storage.runInternal([&] {
            QList<ChangeRecord> written;
            for (qint64 id : stale)
                written += m_workflow.withdrawOffer(m_workflow.require(id), QStringLiteral("ready"), QString(),
                    m_clock.nowSecs());
            return written;
        });
        qCInfo(lcHubRouting) << "returned" << stale.size() << "offers of the previous run to their queues";
        m_events.publishChanges(changes);
    }
    scheduleDispatch();
}

void Router::scheduleDispatch()
{
    if (m_dispatchPending)
        return;
    m_dispatchPending = true;
    QTimer::singleShot(0, this, &Router::dispatch);
}

qint64 Router::offerExpiresAt(qint64 interactionId) const
{
    return m_offers.value(interactionId).expiresAtMs;
}

void Router::exclude(qint64 interactionId, qint64 agentId)
{
    m_exclusions[interactionId].insert(agentId, m_clock.nowMs() + kExclusionMs);
    // Someone must look again once the exclusion is over.
    QTimer::singleShot(m_clock.realDelayMs(kExclusionMs) + 1, this, &Router::scheduleDispatch);
}

bool Router::excluded(qint64 interactionId, qint64 agentId, qint64 nowMs) const
{
    const auto found = m_exclusions.constFind(interactionId);
    return found != m_exclusions.cend() && found->value(agentId) > nowMs;
}

void Router::follow(const ChangeRecord& change)
{
    if (change.entity == QLatin1String("agent") && change.op == QLatin1String("upsert")) {
        const QString state
            = QJsonDocument::fromJson(change.payload).object().value(QStringLiteral("state")).toString();
        const QString previous = m_agentStates.value(change.entityId);
        m_agentStates.insert(change.entityId, state);
        if (state == QLatin1String("ready") && previous != QLatin1String("ready")) {
            m_idleSince.insert(change.entityId, { m_clock.nowMs(), ++m_idleCounter });
            scheduleDispatch();
        }
    } else if (change.entity == QLatin1String("interaction")) {
        const QString status = change.op == QLatin1String("delete")
            ? QString()
            : QJsonDocument::fromJson(change.payload).object().value(QStringLiteral("status")).toString();
        if (status != QLatin1String("offered") && m_offers.remove(change.entityId))
            armExpiryTimer();
        if (status == QLatin1String("queued"))
            scheduleDispatch();
        else if (status != QLatin1String("offered"))
            m_exclusions.remove(change.entityId);
    }
}

void Router::dispatch()
{
    m_dispatchPending = false;
    if (m_dispatching)
        return;
    m_dispatching = true;
    struct Candidate
    {
        qint64 id;
        QStringList skills;
        QStringList languages;
    };
    QList<Candidate> pool;
    Statement& ready = m_storage.db().cached("SELECT id, skills, languages FROM agents WHERE state = 'ready'");
    while (ready.step()) {
        pool.append({ ready.int64(0), ready.text(1).split(QLatin1Char(','), Qt::SkipEmptyParts),
            ready.text(2).split(QLatin1Char(','), Qt::SkipEmptyParts) });
    }
    ready.reset();
    struct Plan
    {
        qint64 interactionId;
        qint64 agentId;
        qint64 customerId;
    };
    QList<Plan> plans;
    if (!pool.isEmpty()) {
        const qint64 nowMs = m_clock.nowMs();
        // Oldest first across all queues: the customer who waited longest is served first.
        Statement& waiting = m_storage.db().cached(
            "SELECT i.id, q.skill, q.channel, coalesce(i.language, q.language, ''), coalesce(i.customer_id, 0) "
            "FROM interactions i JOIN queues q ON q.id = i.queue_id "
            "WHERE i.status IN ('queued','offered','active','held','wrap_up') AND i.status = 'queued' "
            "ORDER BY i.offered_at, i.id LIMIT 1000");
        while (!pool.isEmpty() && waiting.step()) {
            const qint64 interactionId = waiting.int64(0);
            const QString skill = waiting.text(1);
            const QString channel = waiting.text(2);
            const QString language = waiting.text(3);
            qsizetype best = -1;
            for (qsizetype i = 0; i < pool.size(); ++i) {
                const Candidate& candidate = pool.at(i);
                if (!qualifies(candidate.skills, skill, channel) || excluded(interactionId, candidate.id, nowMs))
                    continue;
                if (best < 0) {
                    best = i;
                    continue;
                }
                const Candidate& current = pool.at(best);
                const bool speaks = candidate.languages.contains(language);
                const bool currentSpeaks = current.languages.contains(language);
                if (speaks != currentSpeaks) {
                    if (speaks)
                        best = i;
                    continue;
                }
                const auto idle = m_idleSince.value(candidate.id, { nowMs, ~quint64(0) });
                const auto currentIdle = m_idleSince.value(current.id, { nowMs, ~quint64(0) });
                if (idle < currentIdle)
                    best = i;
            }
            if (best < 0)
                continue;
            plans.append({ interactionId, pool.at(best).id, waiting.int64(4) });
            pool.removeAt(best);
        }
        waiting.reset();
    }
    if (!plans.isEmpty()) {
        const qint64 now = m_clock.nowSecs();
        const QList<ChangeRecord> changes = m_storage.runInternal([&] {
            QList<ChangeRecord> written;
            for (const Plan& plan : plans)
                written += m_workflow.offer(plan.interactionId, plan.agentId, now);
            return written;
        });
        const qint64 expiresAt = m_clock.nowMs() + m_offerTimeoutMs;
        for (const Plan& plan : plans)
            m_offers.insert(plan.interactionId, { plan.agentId, expiresAt });
        m_events.publishChanges(changes);
        for (const Plan& plan : plans) {
            qCDebug(lcHubRouting) << "offered interaction" << plan.interactionId << "to agent" << plan.agentId;
            publishOffer(plan.interactionId, plan.agentId);
            Q_EMIT offered(plan.interactionId, plan.agentId, plan.customerId);
        }
        armExpiryTimer();
    }
    m_dispatching = false;
}

void Router::offerMade(qint64 interactionId, qint64 agentId)
{
    m_offers.insert(interactionId, { agentId, m_clock.nowMs() + m_offerTimeoutMs });
    publishOffer(interactionId, agentId);
    const std::optional<InteractionRow> interaction = m_workflow.find(interactionId);
    Q_EMIT offered(interactionId, agentId, interaction ? interaction->customerId.value_or(0) : 0);
    armExpiryTimer();
}

void Router::publishOffer(qint64 interactionId, qint64 agentId)
{
    Statement& st = m_storage.db().cached(
        "SELECT i.customer_id, i.queue_id, q.name, i.channel, coalesce(i.subject, ''), coalesce(i.language, '') "
        "FROM interactions i LEFT JOIN queues q ON q.id = i.queue_id WHERE i.id = ?");
    st.bind(1, interactionId);
    QJsonObject offer { { QStringLiteral("interactionId"), interactionId }, { QStringLiteral("agentId"), agentId } };
    if (st.step()) {
        offer.insert(QStringLiteral("customerId"), st.isNull(0) ? QJsonValue() : QJsonValue(st.int64(0)));
        offer.insert(QStringLiteral("queueId"), st.isNull(1) ? QJsonValue() : QJsonValue(st.int64(1)));
        offer.insert(QStringLiteral("queueName"), st.text(2));
        offer.insert(QStringLiteral("channel"), st.text(3));
        offer.insert(QStringLiteral("subject"), st.text(4));
        offer.insert(QStringLiteral("language"), st.text(5));
    }
    st.reset();
    // Where the contact came from: for an unknown caller, what the desk offers to link.
    Statement& contact = m_storage.db().cached(
        "SELECT kind, value, network, name FROM interaction_contacts WHERE interaction_id = ?");
    contact.bind(1, interactionId);
    if (contact.step()) {
        QJsonObject identity { { QStringLiteral("kind"), contact.text(0) }, { QStringLiteral("value"), contact.text(1) } };
        if (!contact.text(2).isEmpty())
            identity.insert(QStringLiteral("network"), contact.text(2));
        if (!contact.text(3).isEmpty())
            identity.insert(QStringLiteral("name"), contact.text(3));
        offer.insert(QStringLiteral("identity"), identity);
    }
    contact.reset();
    const qint64 expiresAtMs = m_offers.value(interactionId).expiresAtMs;
    offer.insert(QStringLiteral("expiresAt"), (expiresAtMs + 999) / 1000);
    offer.insert(QStringLiteral("expiresAtMs"), expiresAtMs);
    offer.insert(QStringLiteral("timeoutMs"), m_offerTimeoutMs);
    m_events.publishToAgent(agentId, "offer", offer);
}

void Router::armExpiryTimer()
{
    if (m_offers.isEmpty()) {
        m_expiry.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Offer& offer : std::as_const(m_offers))
        earliest = std::min(earliest, offer.expiresAtMs);
    m_expiry.start(m_clock.realDelayMs(earliest - m_clock.nowMs()));
}

void Router::expireOffers()
{
    const qint64 nowMs = m_clock.nowMs();
    QList<QPair<qint64, qint64>> expired;
    for (auto offer = m_offers.cbegin(); offer != m_offers.cend(); ++offer) {
        if (offer->expiresAtMs <= nowMs)
            expired.append({ offer.key(), offer->agentId });
    }
    for (const auto& [interactionId, agentId] : expired) {
        m_offers.remove(interactionId);
        try {
            const QList<ChangeRecord> changes = m_storage.runInternal([&] {
                return m_workflow.withdrawOffer(m_workflow.require(interactionId), QStringLiteral("not_ready"),
                    QStringLiteral("Missed offer"), m_clock.nowSecs());
            });
            qCInfo(lcHubRouting) << "agent" << agentId << "missed the offer of interaction" << interactionId;
            exclude(interactionId, agentId);
            m_events.publishChanges(changes);
            m_events.publishToAgent(agentId, "offer_withdrawn",
                QJsonObject { { QStringLiteral("interactionId"), interactionId },
                    { QStringLiteral("agentId"), agentId }, { QStringLiteral("reason"), QStringLiteral("timeout") } });
        } catch (const ApiError& error) {
            // Accepted or ended in the same instant: nothing to take back.
            qCDebug(lcHubRouting) << "offer of" << interactionId << "already settled:" << error.message();
        }
    }
    armExpiryTimer();
    scheduleDispatch();
}
