#include "TicketApi.h"

#include "ApiError.h"
#include "CommandRequest.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "JsonInput.h"
#include "SchemaEnums.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <limits>

namespace {

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
constexpr int kMaxSubject = 500;
constexpr int kMaxDescription = 20000;

bool isSupervisor(const Session& session)
{
    return session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin");
}

// A JSON string field that must be one of the schema's values; 400 names it.
QString enumField(const QJsonObject& body, const QString& field, const QStringList& allowed, const QString& fallback)
{
    return JsonInput::oneOf(body, field, allowed, fallback);
}

} // namespace

TicketApi::TicketApi(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock)
    : m_storage(storage)
    , m_events(events)
    , m_clock(clock)
    , m_statuses(SchemaEnums::allowed(storage.db(), "tickets", QStringLiteral("status")))
    , m_priorities(SchemaEnums::allowed(storage.db(), "tickets", QStringLiteral("priority")))
{
}

ApiAnswer TicketApi::answer(const CommandResult& result)
{
    if (!result.replayed)
        m_events.publishChanges(result.changes);
    return ApiAnswer { result.status, result.body, result.replayed };
}

void TicketApi::requireRow(const char* table, qint64 id, const QString& what)
{
    const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table + " WHERE id = ?";
    Statement& st = m_storage.db().cached(sql.constData());
    st.bind(1, id);
    const bool found = st.step() && st.int64(0) > 0;
    st.reset();
    if (!found)
        throw ApiError::notFound(QStringLiteral("%1 %2").arg(what).arg(id));
}

ApiAnswer TicketApi::create(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QJsonObject& body = command.body;
    const qint64 customerId = JsonInput::requiredInteger(body, QStringLiteral("customerId"), 1, kMaxId);
    const QString subject = JsonInput::requiredString(body, QStringLiteral("subject"), kMaxSubject);
    const QString description = JsonInput::optionalString(body, QStringLiteral("description"), kMaxDescription);
    const QString priority = enumField(body, QStringLiteral("priority"), m_priorities, QStringLiteral("normal"));
    const std::optional<qint64> queueId = JsonInput::optionalInteger(body, QStringLiteral("queueId"), 1, kMaxId);
    const std::optional<qint64> interactionId
        = JsonInput::optionalInteger(body, QStringLiteral("interactionId"), 1, kMaxId);

    const CommandResult result = m_storage.runCommand(command.context, [&] {
        Database& db = m_storage.db();
        requireRow("customers", customerId, QStringLiteral("Customer"));
        if (queueId)
            requireRow("queues", *queueId, QStringLiteral("Queue"));
        if (interactionId) {
            Statement& owner = db.cached("SELECT customer_id FROM interactions WHERE id = ?");
            owner.bind(1, *interactionId);
            const bool found = owner.step();
            const std::optional<qint64> ownerId = found ? owner.optInt64(0) : std::nullopt;
            owner.reset();
            if (!found)
                throw ApiError::notFound(QStringLiteral("Interaction %1").arg(*interactionId));
            if (ownerId && *ownerId != customerId) {
                throw ApiError::badField(QStringLiteral("interactionId"),
                    QStringLiteral("Interaction %1 belongs to customer %2, not %3.")
                        .arg(*interactionId)
                        .arg(*ownerId)
                        .arg(customerId));
            }
        }
        db.cached("INSERT INTO tickets(customer_id, interaction_id, queue_id, subject, description, priority, "
                  "created_at, updated_at) VALUES (?, ?, ?, ?, coalesce(?, ''), ?, ?, ?)")
            .bind(1, customerId)
            .bind(2, interactionId)
            .bind(3, queueId)
            .bind(4, subject)
            .bind(5, description)
            .bind(6, priority)
            .bind(7, command.context.now)
            .bind(8, command.context.now)
            .run();
        return CommandOutcome {
            { m_storage.recordUpsert(QStringLiteral("ticket"), db.lastInsertId(), command.context.now) }, {}, 201
        };
    });
    return answer(result);
}

ApiAnswer TicketApi::update(const ApiCall& call)
{
    const qint64 ticketId = call.ids.at(0);
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QJsonObject& body = command.body;
    static const QStringList kFields { QStringLiteral("status"), QStringLiteral("priority"),
        QStringLiteral("assigneeId"), QStringLiteral("subject"), QStringLiteral("description") };
    for (auto field = body.begin(); field != body.end(); ++field) {
        if (!kFields.contains(field.key())) {
            throw ApiError::badField(field.key(),
                QStringLiteral("\"%1\" cannot be changed; a ticket update takes %2.")
                    .arg(field.key(), kFields.join(QStringLiteral(", "))));
        }
    }
    if (body.isEmpty()) {
        throw ApiError::badField(QStringLiteral("body"),
            QStringLiteral("Give at least one of %1.").arg(kFields.join(QStringLiteral(", "))));
    }
    const QString status = enumField(body, QStringLiteral("status"), m_statuses, {});
    const QString priority = enumField(body, QStringLiteral("priority"), m_priorities, {});
    const QString subject = body.contains(QStringLiteral("subject"))
        ? JsonInput::requiredString(body, QStringLiteral("subject"), kMaxSubject)
        : QString();
    const bool setsDescription = body.contains(QStringLiteral("description"));
    const QString description = JsonInput::optionalString(body, QStringLiteral("description"), kMaxDescription);
    // assigneeId: null hands the ticket back to its queue.
    const bool setsAssignee = body.contains(QStringLiteral("assigneeId"));
    const std::optional<qint64> assigneeId
        = JsonInput::optionalInteger(body, QStringLiteral("assigneeId"), 1, kMaxId);

    const CommandResult result = m_storage.runCommand(command.context, [&] {
        Database& db = m_storage.db();
        Statement& current = db.cached("SELECT assignee_id FROM tickets WHERE id = ?");
        current.bind(1, ticketId);
        const bool found = current.step();
        const std::optional<qint64> assignedTo = found ? current.optInt64(0) : std::nullopt;
        current.reset();
        if (!found)
            throw ApiError::notFound(QStringLiteral("Ticket %1").arg(ticketId));
        if (!isSupervisor(call.session)) {
            if (assignedTo && assignedTo != call.session.agentId) {
                throw ApiError(403, QStringLiteral("forbidden"),
                    QStringLiteral("Ticket %1 is assigned to agent %2; only they or a supervisor may change it.")
                        .arg(ticketId)
                        .arg(*assignedTo));
            }
            if (setsAssignee && assigneeId && assigneeId != call.session.agentId) {
                throw ApiError(403, QStringLiteral("forbidden"),
                    QStringLiteral("An agent may assign a ticket only to themselves; supervisors assign to others."),
                    QStringLiteral("assigneeId"));
            }
        }
        if (assigneeId)
            requireRow("agents", *assigneeId, QStringLiteral("Agent"));
        // One statement: absent fields keep their value (a flag per field,
        // since null is a real value for the assignee).
        db.cached("UPDATE tickets SET status = coalesce(?1, status), priority = coalesce(?2, priority), "
                  "subject = coalesce(?3, subject), description = CASE WHEN ?4 THEN coalesce(?5, '') ELSE description END, "
                  "assignee_id = CASE WHEN ?6 THEN ?7 ELSE assignee_id END, updated_at = ?8, "
                  "version = version + 1 WHERE id = ?9")
            .bind(1, status.isEmpty() ? std::optional<QString>() : std::optional<QString>(status))
            .bind(2, priority.isEmpty() ? std::optional<QString>() : std::optional<QString>(priority))
            .bind(3, subject.isEmpty() ? std::optional<QString>() : std::optional<QString>(subject))
            .bind(4, setsDescription ? 1 : 0)
            .bind(5, description)
            .bind(6, setsAssignee ? 1 : 0)
            .bind(7, assigneeId)
            .bind(8, command.context.now)
            .bind(9, ticketId)
            .run();
        return CommandOutcome { { m_storage.recordUpsert(QStringLiteral("ticket"), ticketId, command.context.now) },
            {}, 200 };
    });
    return answer(result);
}
