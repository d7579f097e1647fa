#include "AgentActions.h"

#include "LocalEffects.h"
#include "LocalMerge.h"
#include "identity/MergeFields.h"
#include "identity/PhoneNormalizer.h"
#include "store/CustomerSearchIndex.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/Outbox.h"
#include "sync/WireFormat.h"

#include <QDateTime>
#include <QJsonArray>

namespace {

// An action the backend would refuse, refused here first and in words.
struct Refusal
{
    QString message;
};

const QString kInteraction = QStringLiteral("interaction");
const QString kInteractions = QStringLiteral("interactions");
const QString kAgents = QStringLiteral("agents");

// What an interaction action may change, captured before it does.
const QStringList kInteractionColumns { QStringLiteral("status"), QStringLiteral("agent_id"),
    QStringLiteral("queue_id"), QStringLiteral("answered_at"), QStringLiteral("ended_at"),
    QStringLiteral("wait_seconds"), QStringLiteral("handle_seconds"), QStringLiteral("disposition"),
    QStringLiteral("contact_reason") };
const QStringList kAgentColumns { QStringLiteral("state"), QStringLiteral("state_reason"),
    QStringLiteral("state_since") };
const QStringList kTicketColumns { QStringLiteral("status"), QStringLiteral("priority"),
    QStringLiteral("subject"), QStringLiteral("description"), QStringLiteral("assignee_id"),
    QStringLiteral("updated_at") };
const QStringList kWrittenChannels { QStringLiteral("email"), QStringLiteral("chat"), QStringLiteral("sms"),
    QStringLiteral("social") };
const QStringList kTicketStatuses { QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
    QStringLiteral("solved"), QStringLiteral("closed") };
const QStringList kTicketPriorities { QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
    QStringLiteral("urgent") };
// As the hub: further than a year ahead is a typo, not a promise to a customer.
constexpr qint64 kMaxCallbackAheadSeconds = 366 * 24 * 3600;

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

bool isLive(const QString& status)
{
    return status == QLatin1String("offered") || status == QLatin1String("active")
        || status == QLatin1String("held") || status == QLatin1String("wrap_up");
}

} // namespace

AgentActions::AgentActions(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_db(store.db())
{ }

void AgentActions::setAgent(qint64 agentId)
{
    m_agentId = agentId;
}

void AgentActions::refuse(const QString& why)
{
    throw Refusal { why };
}

void AgentActions::requireAgent() const
{
    if (m_agentId <= 0)
        refuse(tr("Nobody is signed in on this desk yet: wait until sync has signed you in."));
}

AgentActions::Result AgentActions::run(const std::function<Command()>& write)
{
    Result result;
    if (!m_unavailable.isEmpty()) {
        result.error = m_unavailable;
        return result;
    }
    Command command;
    try {
        Transaction tx(m_db);
        command = write();
        Outbox::Options options;
        options.local = command.local;
        options.barrier = command.barrier;
        result.key = Outbox::enqueue(m_db, command.entityKind, command.entityId, command.name, command.method,
            command.path, command.body, options);
        tx.commit();
        result.ok = true;
        result.id = command.createdId;
    } catch (const Refusal& refusal) {
        result.error = refusal.message;
    } catch (const StoreError& error) {
        result.error = error.message();
    }
    if (result.ok) {
        Q_EMIT storeChanged(command.customers, command.interactions);
        Q_EMIT commandQueued();
    }
    return result;
}

bool AgentActions::exists(const char* table, qint64 id)
{
    const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table + " WHERE id = ?";
    Statement& st = m_db.cached(sql.constData());
    st.bind(1, id);
    const bool found = st.step() && st.int64(0) > 0;
    st.reset();
    return found;
}

QString AgentActions::agentName()
{
    Statement& st = m_db.cached("SELECT display_name FROM agents WHERE id = ?");
    st.bind(1, m_agentId);
    const QString name = st.step() ? st.text(0) : QString();
    st.reset();
    return name;
}

AgentActions::Live AgentActions::interaction(qint64 id)
{
    Statement& st = m_db.cached("SELECT status, channel, agent_id, customer_id, coalesce(disposition, ''), "
                                "coalesce(contact_reason, '') FROM interactions WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        refuse(tr("Interaction %1 is not on this desk (it may have been erased).").arg(id));
    }
    Live live { id, st.text(0), st.text(1), st.optInt64(2), st.optInt64(3), st.text(4), st.text(5) };
    st.reset();
    return live;
}

AgentActions::Live AgentActions::ownInteraction(qint64 id, const QString& action)
{
    requireAgent();
    const Live live = interaction(id);
    if (live.agentId != m_agentId)
        refuse(tr("Interaction %1 is not yours to %2.").arg(id).arg(action));
    return live;
}

QJsonObject AgentActions::updateAgentState(qint64 agentId, AgentState::Value state, const QString& reason)
{
    const QJsonObject before = LocalEffects::capture(m_db, kAgents, agentId, kAgentColumns);
    m_db.cached("UPDATE agents SET state = ?, state_reason = ?, state_since = ? WHERE id = ?")
        .bind(1, AgentState::key(state))
        .bind(2, reason.isEmpty() ? std::optional<QString>() : std::optional<QString>(reason))
        .bind(3, now())
        .bind(4, agentId)
        .run();
    return before;
}

AgentActions::Command AgentActions::interactionCommand(const Live& interaction, const QString& name,
    const QString& path, const QJsonObject& body, const QJsonArray& updated)
{
    Command command;
    command.entityKind = kInteraction;
    command.entityId = QString::number(interaction.id);
    command.name = name;
    command.path = path;
    command.body = body;
    if (!updated.isEmpty())
        command.local.insert(QStringLiteral("updated"), updated);
    if (interaction.customerId)
        command.customers.append(*interaction.customerId);
    command.interactions.append(interaction.id);
    return command;
}

// --- the agent's state ---------------------------------------------------------

AgentActions::Result AgentActions::setState(AgentState::Value state, const QString& reason)
{
    return run([&] {
        requireAgent();
        if (state == AgentState::Busy)
            refuse(tr("Busy is set by routing when work is connected; it cannot be chosen."));
        if (reason.size() > 200)
            refuse(tr("The reason is longer than 200 characters."));
        // As the backend: no state change may strand an interaction.
        Statement& st = m_db.cached("SELECT id, status FROM interactions WHERE agent_id = ? AND status IN "
                                    "('offered','active','held','wrap_up') ORDER BY id LIMIT 1");
        st.bind(1, m_agentId);
        if (st.step()) {
            const qint64 id = st.int64(0);
            const QString status = st.text(1);
            st.reset();
            if (status == QLatin1String("wrap_up")) {
                if (state != AgentState::AfterCallWork)
                    refuse(tr("Finish the wrap-up of interaction %1 (disposition and contact reason) first.")
                               .arg(id));
            } else if (status == QLatin1String("offered")) {
                refuse(tr("Interaction %1 is ringing for you: accept or decline it first.").arg(id));
            } else {
                refuse(tr("Interaction %1 is in progress: end it first.").arg(id));
            }
        } else {
            st.reset();
        }
        const QString stored = state == AgentState::NotReady ? reason : QString();
        Command command;
        command.entityKind = QStringLiteral("agent");
        command.entityId = QString::number(m_agentId);
        command.name = QStringLiteral("agent.state");
        command.path = QStringLiteral("/api/v1/agents/%1/state").arg(m_agentId);
        command.body = QJsonObject { { QStringLiteral("state"), AgentState::key(state) } };
        if (!stored.isEmpty())
            command.body.insert(QStringLiteral("reason"), stored);
        command.local.insert(
            QStringLiteral("updated"), QJsonArray { updateAgentState(m_agentId, state, stored) });
        // The backend refuses a state change while an older command of this
        // agent's interactions (an end, a wrap-up) has not reached it.
        command.barrier = true;
        return command;
    });
}

// --- offers and the interaction life cycle -----------------------------------------

AgentActions::Result AgentActions::acceptOffer(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("accept"));
        if (live.status != QLatin1String("offered"))
            refuse(
                tr("Interaction %1 is no longer offered to you (%2).").arg(interactionId).arg(live.status));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'active', answered_at = ?1, "
                    "wait_seconds = max(0, ?1 - offered_at) WHERE id = ?2")
            .bind(1, now())
            .bind(2, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::Busy, live.channel);
        return interactionCommand(live, QStringLiteral("offer.accept"),
            QStringLiteral("/api/v1/offers/%1/accept").arg(interactionId), {}, { before, agent });
    });
}

AgentActions::Result AgentActions::declineOffer(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("decline"));
        if (live.status != QLatin1String("offered"))
            refuse(
                tr("Interaction %1 is no longer offered to you (%2).").arg(interactionId).arg(live.status));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'queued', agent_id = NULL WHERE id = ?")
            .bind(1, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::Ready, QString());
        return interactionCommand(live, QStringLiteral("offer.decline"),
            QStringLiteral("/api/v1/offers/%1/decline").arg(interactionId), {}, { before, agent });
    });
}

AgentActions::Result AgentActions::hold(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("put on hold"));
        if (live.status != QLatin1String("active"))
            refuse(tr("Only an active interaction can be put on hold; %1 is %2.")
                       .arg(interactionId)
                       .arg(live.status));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'held' WHERE id = ?").bind(1, interactionId).run();
        return interactionCommand(live, QStringLiteral("interaction.hold"),
            QStringLiteral("/api/v1/interactions/%1/hold").arg(interactionId), {}, { before });
    });
}

AgentActions::Result AgentActions::resume(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("resume"));
        if (live.status != QLatin1String("held"))
            refuse(tr("Interaction %1 is not on hold (%2).").arg(interactionId).arg(live.status));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'active' WHERE id = ?").bind(1, interactionId).run();
        return interactionCommand(live, QStringLiteral("interaction.resume"),
            QStringLiteral("/api/v1/interactions/%1/resume").arg(interactionId), {}, { before });
    });
}

AgentActions::Result AgentActions::transferToQueue(qint64 interactionId, qint64 queueId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("transfer"));
        if (live.status != QLatin1String("active") && live.status != QLatin1String("held"))
            refuse(tr("Only an interaction in progress can be transferred; %1 is %2.")
                       .arg(interactionId)
                       .arg(live.status));
        if (!exists("queues", queueId))
            refuse(tr("There is no queue %1.").arg(queueId));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'queued', queue_id = ?, agent_id = NULL WHERE id = ?")
            .bind(1, queueId)
            .bind(2, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::Ready, QString());
        return interactionCommand(live, QStringLiteral("interaction.transfer"),
            QStringLiteral("/api/v1/interactions/%1/transfer").arg(interactionId),
            QJsonObject { { QStringLiteral("queueId"), queueId } }, { before, agent });
    });
}

AgentActions::Result AgentActions::transferToAgent(qint64 interactionId, qint64 agentId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("transfer"));
        if (live.status != QLatin1String("active") && live.status != QLatin1String("held"))
            refuse(tr("Only an interaction in progress can be transferred; %1 is %2.")
                       .arg(interactionId)
                       .arg(live.status));
        if (agentId == m_agentId)
            refuse(tr("Interaction %1 is already yours.").arg(interactionId));
        Statement& st = m_db.cached("SELECT display_name, state FROM agents WHERE id = ?");
        st.bind(1, agentId);
        if (!st.step()) {
            st.reset();
            refuse(tr("There is no agent %1.").arg(agentId));
        }
        const QString name = st.text(0);
        const QString state = st.text(1);
        st.reset();
        if (state != QLatin1String("ready")) {
            refuse(tr("%1 is %2; transfer to a ready agent or to a queue.")
                       .arg(name,
                           AgentState::label(AgentState::fromKey(state).value_or(AgentState::LoggedOut))
                               .toLower()));
        }
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'offered', agent_id = ? WHERE id = ?")
            .bind(1, agentId)
            .bind(2, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::Ready, QString());
        return interactionCommand(live, QStringLiteral("interaction.transfer"),
            QStringLiteral("/api/v1/interactions/%1/transfer").arg(interactionId),
            QJsonObject { { QStringLiteral("agentId"), agentId } }, { before, agent });
    });
}

AgentActions::Result AgentActions::end(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("end"));
        if (live.status != QLatin1String("active") && live.status != QLatin1String("held"))
            refuse(tr("Only an interaction in progress can be ended; %1 is %2.")
                       .arg(interactionId)
                       .arg(live.status));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'wrap_up', ended_at = ?1, "
                    "handle_seconds = max(0, ?1 - coalesce(answered_at, offered_at)) WHERE id = ?2")
            .bind(1, now())
            .bind(2, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::AfterCallWork, QString());
        return interactionCommand(live, QStringLiteral("interaction.end"),
            QStringLiteral("/api/v1/interactions/%1/end").arg(interactionId), {}, { before, agent });
    });
}

AgentActions::Result AgentActions::setDisposition(
    qint64 interactionId, const QString& disposition, const QString& contactReason)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("set the disposition of"));
        const QString outcome = disposition.trimmed();
        const QString reason = contactReason.trimmed();
        if (outcome.isEmpty() || reason.isEmpty())
            refuse(tr("Both a disposition and a contact reason are needed."));
        if (outcome.size() > 100 || reason.size() > 200)
            refuse(tr("The disposition takes up to 100 characters and the contact reason up to 200."));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET disposition = ?, contact_reason = ? WHERE id = ?")
            .bind(1, outcome)
            .bind(2, reason)
            .bind(3, interactionId)
            .run();
        return interactionCommand(live, QStringLiteral("interaction.disposition"),
            QStringLiteral("/api/v1/interactions/%1/disposition").arg(interactionId),
            QJsonObject {
                { QStringLiteral("disposition"), outcome }, { QStringLiteral("contactReason"), reason } },
            { before });
    });
}

AgentActions::Result AgentActions::finishWrapUp(qint64 interactionId)
{
    return run([&] {
        const Live live = ownInteraction(interactionId, tr("wrap up"));
        if (live.status != QLatin1String("wrap_up"))
            refuse(
                tr("Interaction %1 is %2: end it before wrapping up.").arg(interactionId).arg(live.status));
        if (live.disposition.isEmpty() || live.contactReason.isEmpty())
            refuse(
                tr("Set the disposition and the contact reason of interaction %1 before finishing wrap-up.")
                    .arg(interactionId));
        const QJsonObject before
            = LocalEffects::capture(m_db, kInteractions, interactionId, kInteractionColumns);
        m_db.cached("UPDATE interactions SET status = 'ended', "
                    "handle_seconds = max(0, ?1 - coalesce(answered_at, offered_at)) WHERE id = ?2")
            .bind(1, now())
            .bind(2, interactionId)
            .run();
        const QJsonObject agent = updateAgentState(m_agentId, AgentState::Ready, QString());
        return interactionCommand(live, QStringLiteral("interaction.wrapup"),
            QStringLiteral("/api/v1/interactions/%1/wrapup").arg(interactionId), {}, { before, agent });
    });
}

// --- written replies and notes ---------------------------------------------------------

AgentActions::Result AgentActions::reply(qint64 interactionId, const QString& text)
{
    return writeMessage(interactionId, text, false);
}

AgentActions::Result AgentActions::addNote(qint64 interactionId, const QString& text)
{
    return writeMessage(interactionId, text, true);
}

AgentActions::Result AgentActions::writeMessage(qint64 interactionId, const QString& text, bool note)
{
    return run([&] {
        requireAgent();
        const Live live = note ? interaction(interactionId) : ownInteraction(interactionId, tr("reply to"));
        const QString body = text.trimmed();
        if (body.isEmpty())
            refuse(note ? tr("The note is empty.") : tr("The reply is empty."));
        if (body.size() > (note ? 10000 : 20000))
            refuse(tr("The text is longer than %1 characters.").arg(note ? 10000 : 20000));
        if (!note) {
            if (!kWrittenChannels.contains(live.channel))
                refuse(tr(
                    "Interaction %1 is a %2 contact: written replies are for chat, e-mail, SMS and social.")
                           .arg(interactionId)
                           .arg(live.channel));
            if (!isLive(live.status) || live.status == QLatin1String("offered"))
                refuse(tr("Interaction %1 is %2; accept it before replying.")
                           .arg(interactionId)
                           .arg(live.status));
        }
        const qint64 id = LocalEffects::provisionalId(m_db, QStringLiteral("messages"));
        m_db.cached("INSERT INTO messages(id, interaction_id, sent_at, author, author_name, body, kind) "
                    "VALUES (?, ?, ?, 'agent', ?, ?, ?)")
            .bind(1, id)
            .bind(2, interactionId)
            .bind(3, now())
            .bind(4, agentName())
            .bind(5, body)
            .bind(6, note ? "note" : "message")
            .run();
        Command command = interactionCommand(live,
            note ? QStringLiteral("interaction.note") : QStringLiteral("interaction.reply"),
            QStringLiteral("/api/v1/interactions/%1/%2")
                .arg(interactionId)
                .arg(note ? QStringLiteral("notes") : QStringLiteral("replies")),
            QJsonObject { { QStringLiteral("text"), body } }, {});
        command.local.insert(
            QStringLiteral("created"), LocalEffects::created(QStringLiteral("messages"), id));
        command.createdId = id;
        return command;
    });
}

// --- tickets and callbacks -------------------------------------------------------------

AgentActions::Result AgentActions::createTicket(const TicketDraft& draft)
{
    return run([&] {
        const QString subject = draft.subject.trimmed();
        if (!exists("customers", draft.customerId))
            refuse(tr("Customer %1 is not on this desk.").arg(draft.customerId));
        if (subject.isEmpty())
            refuse(tr("A ticket needs a subject."));
        if (subject.size() > 500 || draft.description.size() > 20000)
            refuse(tr("The subject takes up to 500 characters and the description up to 20,000."));
        if (!kTicketPriorities.contains(draft.priority))
            refuse(tr("The priority must be one of %1.").arg(kTicketPriorities.join(QStringLiteral(", "))));
        if (draft.queueId && !exists("queues", *draft.queueId))
            refuse(tr("There is no queue %1.").arg(*draft.queueId));
        if (draft.interactionId) {
            const Live live = interaction(*draft.interactionId);
            if (live.customerId && *live.customerId != draft.customerId)
                refuse(tr("Interaction %1 belongs to another customer.").arg(*draft.interactionId));
        }
        const qint64 id = LocalEffects::provisionalId(m_db, QStringLiteral("tickets"));
        m_db.cached("INSERT INTO tickets(id, customer_id, interaction_id, queue_id, subject, description, "
                    "priority, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, draft.customerId)
            .bind(3, draft.interactionId)
            .bind(4, draft.queueId)
            .bind(5, subject)
            .bind(6, draft.description.isNull() ? QStringLiteral("") : draft.description)
            .bind(7, draft.priority)
            .bind(8, now())
            .bind(9, now())
            .run();
        Command command;
        command.entityKind = QStringLiteral("ticket");
        command.entityId = QString::number(id);
        command.name = QStringLiteral("ticket.create");
        command.path = QStringLiteral("/api/v1/tickets");
        command.body = QJsonObject { { QStringLiteral("customerId"), draft.customerId },
            { QStringLiteral("subject"), subject }, { QStringLiteral("priority"), draft.priority } };
        if (!draft.description.isEmpty())
            command.body.insert(QStringLiteral("description"), draft.description);
        if (draft.queueId)
            command.body.insert(QStringLiteral("queueId"), *draft.queueId);
        if (draft.interactionId)
            command.body.insert(QStringLiteral("interactionId"), *draft.interactionId);
        command.local.insert(QStringLiteral("created"), LocalEffects::created(QStringLiteral("tickets"), id));
        command.createdId = id;
        command.customers.append(draft.customerId);
        return command;
    });
}

AgentActions::Result AgentActions::updateTicket(qint64 ticketId, const TicketChange& change)
{
    return run([&] {
        requireAgent();
        Statement& st = m_db.cached("SELECT assignee_id, customer_id FROM tickets WHERE id = ?");
        st.bind(1, ticketId);
        if (!st.step()) {
            st.reset();
            refuse(tr("Ticket %1 is not on this desk.").arg(ticketId));
        }
        const std::optional<qint64> assignee = st.optInt64(0);
        const std::optional<qint64> customer = st.optInt64(1);
        st.reset();
        if (assignee && *assignee != m_agentId)
            refuse(tr("Ticket %1 is assigned to someone else; only they or a supervisor may change it.")
                       .arg(ticketId));
        if (change.assign && change.assigneeId && *change.assigneeId != m_agentId)
            refuse(tr("You can assign a ticket only to yourself; supervisors assign to others."));
        if (change.status && !kTicketStatuses.contains(*change.status))
            refuse(tr("The status must be one of %1.").arg(kTicketStatuses.join(QStringLiteral(", "))));
        if (change.priority && !kTicketPriorities.contains(*change.priority))
            refuse(tr("The priority must be one of %1.").arg(kTicketPriorities.join(QStringLiteral(", "))));
        if (change.subject && change.subject->trimmed().isEmpty())
            refuse(tr("A ticket needs a subject."));
        QJsonObject body;
        if (change.status)
            body.insert(QStringLiteral("status"), *change.status);
        if (change.priority)
            body.insert(QStringLiteral("priority"), *change.priority);
        if (change.subject)
            body.insert(QStringLiteral("subject"), change.subject->trimmed());
        if (change.description)
            body.insert(QStringLiteral("description"), *change.description);
        if (change.assign)
            body.insert(QStringLiteral("assigneeId"),
                change.assigneeId ? QJsonValue(*change.assigneeId) : QJsonValue());
        if (body.isEmpty())
            refuse(tr("Nothing to change."));
        const QJsonObject before
            = LocalEffects::capture(m_db, QStringLiteral("tickets"), ticketId, kTicketColumns);
        m_db.cached("UPDATE tickets SET status = coalesce(?1, status), priority = coalesce(?2, priority), "
                    "subject = coalesce(?3, subject), description = coalesce(?4, description), "
                    "assignee_id = CASE WHEN ?5 THEN ?6 ELSE assignee_id END, updated_at = ?7 WHERE id = ?8")
            .bind(1, change.status)
            .bind(2, change.priority)
            .bind(3, change.subject ? std::optional<QString>(change.subject->trimmed()) : std::nullopt)
            .bind(4, change.description)
            .bind(5, change.assign ? 1 : 0)
            .bind(6, change.assigneeId)
            .bind(7, now())
            .bind(8, ticketId)
            .run();
        Command command;
        command.entityKind = QStringLiteral("ticket");
        command.entityId = QString::number(ticketId);
        command.name = QStringLiteral("ticket.update");
        command.method = "PATCH";
        command.path = QStringLiteral("/api/v1/tickets/%1").arg(ticketId);
        command.body = body;
        command.local.insert(QStringLiteral("updated"), QJsonArray { before });
        if (customer)
            command.customers.append(*customer);
        return command;
    });
}

AgentActions::Result AgentActions::scheduleCallback(const CallbackRequest& request)
{
    return run([&] {
        Statement& st = m_db.cached("SELECT coalesce(country, '') FROM customers WHERE id = ?");
        st.bind(1, request.customerId);
        if (!st.step()) {
            st.reset();
            refuse(tr("Customer %1 is not on this desk.").arg(request.customerId));
        }
        const QString country = st.text(0).toUpper();
        st.reset();
        // As the backend reads it: a number without +prefix as the customer writes it at home.
        const PhoneNormalizer phones(
            PhoneNormalizer::isValidRegion(country) ? country : QStringLiteral("IT"));
        const std::optional<QString> phone = phones.toE164(request.phone);
        if (!phone)
            refuse(tr("\"%1\" is not a valid phone number (write it with its +country code).")
                       .arg(request.phone));
        const qint64 at = now();
        if (request.dueAt <= 0 || request.dueAt > at + kMaxCallbackAheadSeconds)
            refuse(tr("A callback can be scheduled up to a year ahead."));
        if (request.note.size() > 2000)
            refuse(tr("The note takes up to 2,000 characters."));
        if (request.queueId && !exists("queues", *request.queueId))
            refuse(tr("There is no queue %1.").arg(*request.queueId));
        const qint64 id = LocalEffects::provisionalId(m_db, QStringLiteral("callbacks"));
        m_db.cached("INSERT INTO callbacks(id, customer_id, phone, queue_id, requested_at, due_at, note) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, request.customerId)
            .bind(3, *phone)
            .bind(4, request.queueId)
            .bind(5, at)
            .bind(6, request.dueAt)
            .bind(7, request.note.isNull() ? QStringLiteral("") : request.note)
            .run();
        Command command;
        command.entityKind = QStringLiteral("callback");
        command.entityId = QString::number(id);
        command.name = QStringLiteral("callback.create");
        command.path = QStringLiteral("/api/v1/callbacks");
        command.body = QJsonObject { { QStringLiteral("customerId"), request.customerId },
            { QStringLiteral("phone"), *phone }, { QStringLiteral("dueAt"), request.dueAt } };
        if (request.queueId)
            command.body.insert(QStringLiteral("queueId"), *request.queueId);
        if (!request.note.isEmpty())
            command.body.insert(QStringLiteral("note"), request.note);
        command.local.insert(
            QStringLiteral("created"), LocalEffects::created(QStringLiteral("callbacks"), id));
        command.createdId = id;
        command.customers.append(request.customerId);
        return command;
    });
}

// --- customers ---------------------------------------------------------------------

AgentActions::Result AgentActions::mergeCustomers(qint64 survivorId, qint64 mergedId, const QJsonObject& fields)
{
    return run([&] {
        if (survivorId == mergedId)
            refuse(tr("A customer cannot be merged into itself."));
        if (!exists("customers", survivorId))
            refuse(tr("Customer %1 is not on this desk.").arg(survivorId));
        if (!exists("customers", mergedId))
            refuse(tr("Customer %1 is not on this desk.").arg(mergedId));
        Statement& live = m_db.cached("SELECT count(*) FROM interactions WHERE customer_id = ? AND status IN "
                                      "('offered','active','held','wrap_up')");
        live.bind(1, mergedId);
        const bool busy = live.step() && live.int64(0) > 0;
        live.reset();
        if (busy)
            refuse(tr("Customer %1 has an interaction in progress; merge them once it has ended.")
                       .arg(mergedId));
        QStringList known;
        for (const QString& column : MergeFields::columns(m_db))
            known << WireFormat::jsonKey(column);
        for (auto field = fields.begin(); field != fields.end(); ++field) {
            if (!known.contains(field.key()))
                refuse(tr("\"%1\" is not a customer field a merge chooses.").arg(field.key()));
            if (!MergeFields::sideFromKey(field.value().toString()))
                refuse(tr("The choice for \"%1\" must be \"survivor\" or \"merged\".").arg(field.key()));
        }
        const QJsonObject record = LocalMerge::merge(m_db, survivorId, mergedId, fields);
        Command command;
        command.entityKind = QStringLiteral("merge");
        command.entityId = QString::number(mergedId);
        command.name = QStringLiteral("customer.merge");
        command.path = QStringLiteral("/api/v1/customers/merge");
        // Every field's side, named: the backend keeps exactly what this desk shows,
        // whichever record it thinks is newer.
        command.body = QJsonObject { { QStringLiteral("survivorId"), survivorId },
            { QStringLiteral("mergedId"), mergedId }, { QStringLiteral("fields"), record.value(QStringLiteral("fields")) } };
        command.local.insert(QStringLiteral("merge"), mergedId);
        command.customers = { survivorId, mergedId };
        return command;
    });
}

AgentActions::Result AgentActions::undoMerge(qint64 mergedId)
{
    return run([&] {
        const std::optional<QJsonObject> record = LocalMerge::record(m_db, mergedId);
        if (!record)
            refuse(tr("This desk has no merge of customer %1 to undo.").arg(mergedId));
        const qint64 survivorId = record->value(QStringLiteral("survivorId")).toInteger();
        Statement& pending
            = m_db.cached("SELECT count(*) FROM outbox WHERE entity_kind = 'merge' AND entity_id = ? "
                          "AND command = 'customer.unmerge'");
        pending.bind(1, QString::number(mergedId));
        const bool undoing = pending.step() && pending.int64(0) > 0;
        pending.reset();
        if (undoing)
            refuse(tr("The merge of customer %1 is already being undone.").arg(mergedId));
        LocalMerge::undo(m_db, *record);
        const qint64 mergeId = record->value(QStringLiteral("mergeId")).toInteger();
        Command command;
        command.entityKind = QStringLiteral("merge");
        command.entityId = QString::number(mergedId);
        command.name = QStringLiteral("customer.unmerge");
        // Queued behind the merge until the backend numbers it (LocalEffects fills the number in).
        command.path = mergeId > 0 ? QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId)
                                   : QStringLiteral("/api/v1/merges/{mergeId}/undo");
        command.local.insert(QStringLiteral("merge"), mergedId);
        command.customers = { survivorId, mergedId };
        return command;
    });
}

AgentActions::Result AgentActions::linkIdentity(
    qint64 customerId, IdentityKind kind, const QString& value, const QString& network)
{
    return run([&] {
        if (!exists("customers", customerId))
            refuse(tr("Customer %1 is not on this desk.").arg(customerId));
        const QString key = QLatin1String(identityKindKey(kind));
        const std::optional<QString> normalized = m_store.normalizer().normalize(kind, value);
        if (!normalized)
            refuse(tr("\"%1\" is not a valid %2.").arg(value, key));
        const QString net = kind == IdentityKind::Social ? network.trimmed().toLower() : QString();
        if (kind == IdentityKind::Social && net.isEmpty())
            refuse(tr("A social identity needs its network."));
        Statement& owner
            = m_db.cached("SELECT customer_id FROM identities WHERE kind = ? AND network = ? AND value = ?");
        owner.bind(1, key).bind(2, net.isNull() ? QStringLiteral("") : net).bind(3, *normalized);
        const qint64 ownerId = owner.step() ? owner.int64(0) : 0;
        owner.reset();
        if (ownerId == customerId)
            refuse(tr("The customer already has this %1.").arg(key));
        if (ownerId != 0)
            refuse(
                tr("This %1 belongs to customer %2; merge the two customers instead.").arg(key).arg(ownerId));
        const qint64 id = LocalEffects::provisionalId(m_db, QStringLiteral("identities"));
        m_db.cached("INSERT INTO identities(id, customer_id, kind, network, value, raw_value, source, "
                    "created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'agent', ?)")
            .bind(1, id)
            .bind(2, customerId)
            .bind(3, key)
            .bind(4, net.isNull() ? QStringLiteral("") : net)
            .bind(5, *normalized)
            .bind(6, value)
            .bind(7, now())
            .run();
        CustomerSearchIndex::update(m_db, customerId);
        Command command;
        command.entityKind = QStringLiteral("customer");
        command.entityId = QString::number(customerId);
        command.name = QStringLiteral("customer.identity");
        command.path = QStringLiteral("/api/v1/customers/%1/identities").arg(customerId);
        command.body = QJsonObject { { QStringLiteral("kind"), key }, { QStringLiteral("value"), value } };
        if (!net.isEmpty())
            command.body.insert(QStringLiteral("network"), net);
        command.local.insert(
            QStringLiteral("created"), LocalEffects::created(QStringLiteral("identities"), id));
        command.createdId = id;
        command.customers.append(customerId);
        return command;
    });
}
