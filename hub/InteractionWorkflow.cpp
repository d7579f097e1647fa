#include "InteractionWorkflow.h"

#include "ApiError.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

namespace {

const QString kInteraction = QStringLiteral("interaction");
const QString kAgent = QStringLiteral("agent");

// Queue channels are coarser than interaction channels: SMS shares the
// social queues (as in the demo's "Social & SMS").
QString queueChannel(const QString& channel)
{
    return channel == QLatin1String("sms") ? QStringLiteral("social") : channel;
}

} // namespace

InteractionWorkflow::InteractionWorkflow(SqliteHubStorage& storage)
    : m_storage(storage)
{
}

bool InteractionWorkflow::isLive(const QString& status)
{
    return status == QLatin1String("offered") || status == QLatin1String("active")
        || status == QLatin1String("held") || status == QLatin1String("wrap_up");
}

std::optional<InteractionRow> InteractionWorkflow::find(qint64 id)
{
    Statement& st = m_storage.db().cached(
        "SELECT id, status, channel, customer_id, queue_id, agent_id, coalesce(language, ''), offered_at, "
        "answered_at, ended_at, coalesce(disposition, ''), coalesce(contact_reason, '') FROM interactions "
        "WHERE id = ?");
    st.bind(1, id);
    std::optional<InteractionRow> row;
    if (st.step()) {
        row = InteractionRow { st.int64(0), st.text(1), st.text(2), st.optInt64(3), st.optInt64(4),
            st.optInt64(5), st.text(6), st.int64(7), st.optInt64(8), st.optInt64(9), st.text(10), st.text(11) };
    }
    st.reset();
    return row;
}

InteractionRow InteractionWorkflow::require(qint64 id)
{
    std::optional<InteractionRow> row = find(id);
    if (!row)
        throw ApiError::notFound(QStringLiteral("Interaction %1").arg(id));
    return *row;
}

std::optional<qint64> InteractionWorkflow::queueFor(
    const QString& channel, const QString& skill, const QString& language)
{
    // Best first: skill and language match, then skill, then language, then
    // any queue of the channel; ties go to the oldest queue.
    Statement& st = m_storage.db().cached(
        "SELECT id FROM queues WHERE channel = ?1 ORDER BY (skill = ?2) DESC, "
        "(coalesce(language, '') = ?3) DESC, id LIMIT 1");
    st.bind(1, queueChannel(channel)).bind(2, skill).bind(3, language);
    std::optional<qint64> id;
    if (st.step())
        id = st.int64(0);
    st.reset();
    if (id && !skill.isEmpty()) {
        // A skill nobody's queue has is a caller's mistake, not a reason to guess.
        Statement& has = m_storage.db().cached("SELECT count(*) FROM queues WHERE channel = ? AND skill = ?");
        has.bind(1, queueChannel(channel)).bind(2, skill);
        const bool exists = has.step() && has.int64(0) > 0;
        has.reset();
        if (!exists)
            return std::nullopt;
    }
    return id;
}

std::optional<InteractionRow> InteractionWorkflow::liveInteractionOf(qint64 agentId)
{
    Statement& st = m_storage.db().cached(
        "SELECT id FROM interactions WHERE status IN ('queued','offered','active','held','wrap_up') "
        "AND status <> 'queued' AND agent_id = ? ORDER BY id LIMIT 1");
    st.bind(1, agentId);
    std::optional<qint64> id;
    if (st.step())
        id = st.int64(0);
    st.reset();
    return id ? find(*id) : std::nullopt;
}

ApiError InteractionWorkflow::conflict(const InteractionRow& interaction, const QString& action)
{
    return ApiError(409, QStringLiteral("invalid_state"),
        QStringLiteral("Interaction %1 is %2; it cannot be %3.").arg(interaction.id).arg(interaction.status, action));
}

ChangeRecord InteractionWorkflow::create(const NewInteraction& interaction, qint64 now)
{
    Database& db = m_storage.db();
    db.cached("INSERT INTO interactions(customer_id, channel, direction, status, queue_id, subject, language, "
              "offered_at, ticket_id) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)")
        .bind(1, interaction.customerId)
        .bind(2, interaction.channel)
        .bind(3, interaction.inbound ? "inbound" : "outbound")
        .bind(4, interaction.queueId)
        .bind(5, interaction.subject.isEmpty() ? QString() : interaction.subject)
        .bind(6, interaction.language.isEmpty() ? QString() : interaction.language)
        .bind(7, now)
        .bind(8, interaction.ticketId)
        .run();
    const qint64 id = db.lastInsertId();
    if (interaction.from) {
        db.cached("INSERT INTO interaction_contacts(interaction_id, kind, value, network, name) "
                  "VALUES (?, ?, ?, coalesce(?, ''), coalesce(?, ''))")
            .bind(1, id)
            .bind(2, interaction.from->kind)
            .bind(3, interaction.from->value)
            .bind(4, interaction.from->network)
            .bind(5, interaction.from->name)
            .run();
    }
    return m_storage.recordUpsert(kInteraction, id, now);
}

QList<ChangeRecord> InteractionWorkflow::offer(qint64 interactionId, qint64 agentId, qint64 now)
{
    Database& db = m_storage.db();
    db.cached("UPDATE interactions SET status = 'offered', agent_id = ?, version = version + 1 "
              "WHERE id = ? AND status = 'queued'")
        .bind(1, agentId)
        .bind(2, interactionId)
        .run();
    if (db.changes() == 0)
        throw conflict(require(interactionId), QStringLiteral("offered"));
    return { m_storage.recordUpsert(kInteraction, interactionId, now),
        setAgentState(agentId, QStringLiteral("busy"), QStringLiteral("ringing"), now) };
}

QList<ChangeRecord> InteractionWorkflow::withdrawOffer(
    const InteractionRow& interaction, const QString& agentState, const QString& agentReason, qint64 now)
{
    if (interaction.status != QLatin1String("offered") || !interaction.agentId)
        throw conflict(interaction, QStringLiteral("declined"));
    m_storage.db()
        .cached("UPDATE interactions SET status = 'queued', agent_id = NULL, version = version + 1 WHERE id = ?")
        .bind(1, interaction.id)
        .run();
    return { m_storage.recordUpsert(kInteraction, interaction.id, now),
        setAgentState(*interaction.agentId, agentState, agentReason, now) };
}

QList<ChangeRecord> InteractionWorkflow::accept(const InteractionRow& interaction, qint64 now)
{
    if (interaction.status != QLatin1String("offered") || !interaction.agentId)
        throw conflict(interaction, QStringLiteral("accepted"));
    // The site is the answering agent's: supervisors of a virtual centre see
    // where work was done, whichever site's queue it came through.
    m_storage.db()
        .cached("UPDATE interactions SET status = 'active', answered_at = ?1, wait_seconds = max(0, ?1 - offered_at), "
                "site_id = coalesce((SELECT site_id FROM agents WHERE id = agent_id), site_id), "
                "version = version + 1 WHERE id = ?2")
        .bind(1, now)
        .bind(2, interaction.id)
        .run();
    return { m_storage.recordUpsert(kInteraction, interaction.id, now),
        setAgentState(*interaction.agentId, QStringLiteral("busy"), interaction.channel, now) };
}

QList<ChangeRecord> InteractionWorkflow::hold(const InteractionRow& interaction, qint64 now)
{
    if (interaction.status != QLatin1String("active"))
        throw conflict(interaction, QStringLiteral("put on hold"));
    return { updateInteraction("UPDATE interactions SET status = 'held', version = version + 1 WHERE id = ?",
        interaction.id, now) };
}

QList<ChangeRecord> InteractionWorkflow::resume(const InteractionRow& interaction, qint64 now)
{
    if (interaction.status != QLatin1String("held"))
        throw conflict(interaction, QStringLiteral("resumed"));
    return { updateInteraction("UPDATE interactions SET status = 'active', version = version + 1 WHERE id = ?",
        interaction.id, now) };
}

QList<ChangeRecord> InteractionWorkflow::requeue(const InteractionRow& interaction, qint64 queueId, qint64 now)
{
    if (interaction.status != QLatin1String("active") && interaction.status != QLatin1String("held"))
        throw conflict(interaction, QStringLiteral("transferred"));
    m_storage.db()
        .cached("UPDATE interactions SET status = 'queued', queue_id = ?, agent_id = NULL, version = version + 1 "
                "WHERE id = ?")
        .bind(1, queueId)
        .bind(2, interaction.id)
        .run();
    QList<ChangeRecord> changes { m_storage.recordUpsert(kInteraction, interaction.id, now) };
    if (interaction.agentId)
        changes.append(setAgentState(*interaction.agentId, QStringLiteral("ready"), QString(), now));
    return changes;
}

QList<ChangeRecord> InteractionWorkflow::end(const InteractionRow& interaction, qint64 now)
{
    Database& db = m_storage.db();
    if (interaction.status == QLatin1String("queued") || interaction.status == QLatin1String("offered")) {
        // The customer left before anyone answered.
        db.cached("UPDATE interactions SET status = 'abandoned', agent_id = NULL, ended_at = ?1, "
                  "wait_seconds = max(0, ?1 - offered_at), version = version + 1 WHERE id = ?2")
            .bind(1, now)
            .bind(2, interaction.id)
            .run();
        QList<ChangeRecord> changes { m_storage.recordUpsert(kInteraction, interaction.id, now) };
        if (interaction.status == QLatin1String("offered") && interaction.agentId)
            changes.append(setAgentState(*interaction.agentId, QStringLiteral("ready"), QString(), now));
        settleCallback(interaction, QStringLiteral("failed"), now, &changes);
        return changes;
    }
    if (interaction.status != QLatin1String("active") && interaction.status != QLatin1String("held"))
        throw conflict(interaction, QStringLiteral("ended"));
    db.cached("UPDATE interactions SET status = 'wrap_up', ended_at = ?1, "
              "handle_seconds = max(0, ?1 - coalesce(answered_at, offered_at)), version = version + 1 WHERE id = ?2")
        .bind(1, now)
        .bind(2, interaction.id)
        .run();
    QList<ChangeRecord> changes { m_storage.recordUpsert(kInteraction, interaction.id, now) };
    if (interaction.agentId)
        changes.append(setAgentState(*interaction.agentId, QStringLiteral("after_call_work"), QString(), now));
    settleCallback(interaction, QStringLiteral("completed"), now, &changes);
    return changes;
}

QList<ChangeRecord> InteractionWorkflow::wrapUp(const InteractionRow& interaction, qint64 now)
{
    if (interaction.status != QLatin1String("wrap_up"))
        throw conflict(interaction, QStringLiteral("wrapped up (end it first)"));
    if (interaction.disposition.isEmpty() || interaction.contactReason.isEmpty()) {
        throw ApiError(409, QStringLiteral("wrap_up_incomplete"),
            QStringLiteral("Interaction %1 needs a disposition and a contact reason before wrap-up can finish: "
                           "POST /api/v1/interactions/%1/disposition first.")
                .arg(interaction.id));
    }
    // Handle time runs from the answer to the end of after-call work.
    m_storage.db()
        .cached("UPDATE interactions SET status = 'ended', "
                "handle_seconds = max(0, ?1 - coalesce(answered_at, offered_at)), version = version + 1 WHERE id = ?2")
        .bind(1, now)
        .bind(2, interaction.id)
        .run();
    QList<ChangeRecord> changes { m_storage.recordUpsert(kInteraction, interaction.id, now) };
    if (interaction.agentId)
        changes.append(setAgentState(*interaction.agentId, QStringLiteral("ready"), QString(), now));
    return changes;
}

QList<ChangeRecord> InteractionWorkflow::setOutcome(qint64 interactionId, const QString& disposition,
    const QString& contactReason, std::optional<int> csat, std::optional<double> sentiment, qint64 now)
{
    m_storage.db()
        .cached("UPDATE interactions SET disposition = ?, contact_reason = ?, csat = coalesce(?, csat), "
                "sentiment = coalesce(?, sentiment), version = version + 1 WHERE id = ?")
        .bind(1, disposition)
        .bind(2, contactReason)
        .bind(3, csat ? std::optional<qint64>(*csat) : std::nullopt)
        .bind(4, sentiment)
        .bind(5, interactionId)
        .run();
    return { m_storage.recordUpsert(kInteraction, interactionId, now) };
}

ChangeRecord InteractionWorkflow::addMessage(
    qint64 interactionId, const QString& author, const QString& authorName, const QString& text, qint64 now)
{
    const qint64 id = m_storage.store().addMessage(interactionId, now, author, authorName, text);
    return m_storage.recordUpsert(QStringLiteral("message"), id, now);
}

ChangeRecord InteractionWorkflow::setAgentState(qint64 agentId, const QString& state, const QString& reason, qint64 now)
{
    Database& db = m_storage.db();
    db.cached("UPDATE agents SET state = ?, state_reason = ?, state_since = ?, version = version + 1 WHERE id = ?")
        .bind(1, state)
        .bind(2, reason.isEmpty() ? QString() : reason)
        .bind(3, now)
        .bind(4, agentId)
        .run();
    if (db.changes() == 0)
        throw ApiError::notFound(QStringLiteral("Agent %1").arg(agentId));
    return m_storage.recordUpsert(kAgent, agentId, now);
}

QString InteractionWorkflow::agentState(qint64 agentId)
{
    Statement& st = m_storage.db().cached("SELECT state FROM agents WHERE id = ?");
    st.bind(1, agentId);
    const QString state = st.step() ? st.text(0) : QString();
    st.reset();
    return state;
}

void InteractionWorkflow::settleCallback(
    const InteractionRow& interaction, const QString& status, qint64 now, QList<ChangeRecord>* changes)
{
    if (interaction.channel != QLatin1String("callback"))
        return;
    Statement& st = m_storage.db().cached("UPDATE callbacks SET status = ?, agent_id = coalesce(?, agent_id), "
                                          "version = version + 1 WHERE interaction_id = ? AND status = 'dialing' "
                                          "RETURNING id");
    st.bind(1, status).bind(2, interaction.agentId).bind(3, interaction.id);
    QList<qint64> ids;
    while (st.step())
        ids.append(st.int64(0));
    st.reset();
    for (qint64 id : ids)
        changes->append(m_storage.recordUpsert(QStringLiteral("callback"), id, now));
}

ChangeRecord InteractionWorkflow::updateInteraction(const char* sql, qint64 id, qint64 now)
{
    m_storage.db().cached(sql).bind(1, id).run();
    return m_storage.recordUpsert(kInteraction, id, now);
}
