#include "SocialApi.h"

#include "ApiError.h"
#include "CommandRequest.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "JsonInput.h"
#include "SocialIntake.h"
#include "SqliteHubStorage.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace {

void requireSupervisor(const Session& session, const QString& what)
{
    if (session.role != QLatin1String("supervisor") && session.role != QLatin1String("admin"))
        throw ApiError(403, QStringLiteral("forbidden"), QStringLiteral("Only supervisors and admins may %1.").arg(what));
}

QJsonObject rulesJson(const SocialTicketRules& rules)
{
    QJsonObject json = rules.toJson();
    json.insert(QStringLiteral("updatedBy"), rules.updatedBy().isEmpty() ? QJsonValue() : QJsonValue(rules.updatedBy()));
    json.insert(QStringLiteral("updatedAt"), rules.updatedAt() ? QJsonValue(rules.updatedAt()) : QJsonValue());
    return json;
}

} // namespace

SocialApi::SocialApi(SqliteHubStorage& storage, EventBroadcaster& events, SocialIntake& intake, const HubClock& clock)
    : m_storage(storage)
    , m_events(events)
    , m_intake(intake)
    , m_clock(clock)
{
}

ApiAnswer SocialApi::receive(const ApiCall& call)
{
    // Connectors sign in with a supervisor or admin account: agents answer
    // social posts, they do not invent them.
    requireSupervisor(call.session, QStringLiteral("post social events"));
    const SocialEvent event = SocialEvent::fromJson(call.request.body());
    CommandContext context;
    context.login = call.session.login;
    context.now = m_clock.nowSecs();
    const QByteArray key = call.request.value("Idempotency-Key").trimmed();
    if (!key.isEmpty()) {
        const CommandRequest command = CommandRequest::parse(call, context.now);
        context = command.context;
    } else {
        // Webhooks are redelivered with the same event id and rarely carry a
        // key: the network's id is the key, so a redelivery answers as the
        // first delivery did, whatever else changed in its body.
        const QString eventKey = QStringLiteral("social-event %1 %2").arg(event.network, event.externalId);
        context.idempotencyKey = eventKey.left(200);
        context.requestHash = QCryptographicHash::hash(eventKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    }
    const CommandResult result = m_storage.runCommand(context, [&] {
        const SocialIntake::Outcome outcome = m_intake.receive(event, context.now);
        QJsonObject extra { { QStringLiteral("duplicate"), outcome.duplicate },
            { QStringLiteral("socialActivityId"), outcome.activityId },
            { QStringLiteral("customerId"), outcome.customerId ? QJsonValue(*outcome.customerId) : QJsonValue() },
            { QStringLiteral("ticketId"), outcome.ticketId ? QJsonValue(*outcome.ticketId) : QJsonValue() },
            { QStringLiteral("interactionId"),
                outcome.interactionId ? QJsonValue(*outcome.interactionId) : QJsonValue() },
            { QStringLiteral("rule"), outcome.rule.isEmpty() ? QJsonValue() : QJsonValue(outcome.rule) } };
        CommandOutcome written { outcome.changes, extra, outcome.duplicate ? 200 : 201 };
        written.primary = std::max(0, int(outcome.changes.size()) - 1);
        return written;
    });
    if (!result.replayed)
        m_events.publishChanges(result.changes);
    return ApiAnswer { result.status, result.body, result.replayed };
}

ApiAnswer SocialApi::rules(const ApiCall& call)
{
    requireSupervisor(call.session, QStringLiteral("read the social ticket rules"));
    return ApiAnswer { 200, QJsonDocument(rulesJson(m_intake.rules())).toJson(QJsonDocument::Compact), false };
}

ApiAnswer SocialApi::replaceRules(const ApiCall& call)
{
    requireSupervisor(call.session, QStringLiteral("change the social ticket rules"));
    const SocialTicketRules rules = SocialTicketRules::fromJson(JsonInput::object(call.request.body()));
    // PUT replaces the whole document, so a retry is harmless without a key.
    m_storage.runInternal([&] {
        m_intake.replaceRules(rules, call.session.login, m_clock.nowSecs());
        return QList<ChangeRecord>();
    });
    return ApiAnswer { 200, QJsonDocument(rulesJson(m_intake.rules())).toJson(QJsonDocument::Compact), false };
}
