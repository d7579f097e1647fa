#include "InteractionApi.h"

#include "ApiError.h"
#include "CommandRequest.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "JsonInput.h"
#include "Router.h"
#include "SocialIntake.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <QJsonDocument>

namespace {

bool isSupervisor(const Session& session)
{
    return session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin");
}

const QStringList kInboundChannels { QStringLiteral("voice"), QStringLiteral("email"), QStringLiteral("chat"),
    QStringLiteral("sms"), QStringLiteral("social"), QStringLiteral("callback") };
const QStringList kWrittenChannels { QStringLiteral("email"), QStringLiteral("chat"), QStringLiteral("sms"),
    QStringLiteral("social") };

} // namespace

InteractionApi::InteractionApi(
    SqliteHubStorage& storage, EventBroadcaster& events, Router& router, SocialIntake& social, const HubClock& clock)
    : m_storage(storage)
    , m_events(events)
    , m_router(router)
    , m_social(social)
    , m_clock(clock)
    , m_workflow(storage)
{
}

ApiAnswer InteractionApi::answer(const CommandResult& result)
{
    if (!result.replayed)
        m_events.publishChanges(result.changes);
    return ApiAnswer { result.status, result.body, result.replayed };
}

ApiAnswer InteractionApi::create(const ApiCall& call)
{
    if (!isSupervisor(call.session)) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Inbound interactions are created by integrations (supervisor or admin accounts)."));
    }
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QJsonObject& body = command.body;
    NewInteraction interaction;
    interaction.channel = JsonInput::oneOf(body, QStringLiteral("channel"), kInboundChannels);
    if (interaction.channel.isEmpty())
        throw ApiError::badField(QStringLiteral("channel"), QStringLiteral("\"channel\" is required."));
    interaction.subject = JsonInput::optionalString(body, QStringLiteral("subject"), 500);
    interaction.language = JsonInput::optionalString(body, QStringLiteral("language"), 10).toLower();
    const QString skill = JsonInput::optionalString(body, QStringLiteral("skill"), 100);
    const std::optional<qint64> queueId
        = JsonInput::optionalInteger(body, QStringLiteral("queueId"), 1, std::numeric_limits<qint64>::max());
    interaction.customerId
        = JsonInput::optionalInteger(body, QStringLiteral("customerId"), 1, std::numeric_limits<qint64>::max());
    const QJsonValue identity = body.value(QStringLiteral("identity"));
    if (!identity.isUndefined() && !identity.isNull() && !identity.isObject()) {
        throw ApiError::badField(QStringLiteral("identity"),
            QStringLiteral("\"identity\" must be an object {kind, value, network}."));
    }

    const CommandResult result = m_storage.runCommand(command.context, [&] {
        Store& store = m_storage.store();
        if (interaction.customerId && !store.customer(*interaction.customerId))
            throw ApiError::notFound(QStringLiteral("Customer %1").arg(*interaction.customerId));
        // The caller's number, address or handle, however it is written; an
        // unknown one leaves the customer open for the agent to link, and the
        // offer names it (interaction_contacts) so the desk can.
        std::optional<ContactIdentity>& contact = interaction.from;
        if (identity.isObject()) {
            const QJsonObject id = identity.toObject();
            const QString kindKey = JsonInput::requiredString(id, QStringLiteral("kind"), 20);
            if (!identityKindFromKey(kindKey)) {
                throw ApiError::badField(
                    QStringLiteral("identity.kind"), QStringLiteral("\"kind\" must be phone, email, social, crm or chat."));
            }
            contact = ContactIdentity { kindKey, JsonInput::requiredString(id, QStringLiteral("value"), 320),
                JsonInput::optionalString(id, QStringLiteral("network"), 50),
                JsonInput::optionalString(id, QStringLiteral("name"), 200) };
        }
        if (!interaction.customerId && contact) {
            interaction.customerId
                = store.customerByIdentity(*identityKindFromKey(contact->kind), contact->value, contact->network);
        }
        if (interaction.language.isEmpty() && interaction.customerId)
            interaction.language = store.customer(*interaction.customerId)->language;
        if (queueId) {
            Statement& exists = m_storage.db().cached("SELECT count(*) FROM queues WHERE id = ?");
            exists.bind(1, *queueId);
            const bool found = exists.step() && exists.int64(0) > 0;
            exists.reset();
            if (!found)
                throw ApiError::notFound(QStringLiteral("Queue %1").arg(*queueId));
            interaction.queueId = *queueId;
        } else {
            const std::optional<qint64> queue = m_workflow.queueFor(interaction.channel, skill, interaction.language);
            if (!queue) {
                throw ApiError(409, QStringLiteral("no_queue"),
                    QStringLiteral("No queue takes %1 interactions%2.")
                        .arg(interaction.channel,
                            skill.isEmpty() ? QString() : QStringLiteral(" with the skill \"%1\"").arg(skill)),
                    skill.isEmpty() ? QStringLiteral("channel") : QStringLiteral("skill"));
            }
            interaction.queueId = *queue;
        }
        return CommandOutcome { { m_workflow.create(interaction, command.context.now) }, {}, 201 };
    });
    return answer(result);
}

InteractionRow InteractionApi::offerFor(const ApiCall& call)
{
    const InteractionRow interaction = m_workflow.require(call.ids.at(0));
    if (interaction.status == QLatin1String("offered") && interaction.agentId != call.session.agentId) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Interaction %1 is offered to another agent.").arg(interaction.id));
    }
    if (interaction.status != QLatin1String("offered")) {
        throw ApiError(409, QStringLiteral("not_offered"),
            QStringLiteral("Interaction %1 is %2, not offered: the offer timed out, was declined or was "
                           "already accepted.")
                .arg(interaction.id)
                .arg(interaction.status));
    }
    return interaction;
}

ApiAnswer InteractionApi::accept(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        return CommandOutcome { m_workflow.accept(offerFor(call), command.context.now), {}, 200 };
    });
    return answer(result);
}

ApiAnswer InteractionApi::decline(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        return CommandOutcome {
            m_workflow.withdrawOffer(offerFor(call), QStringLiteral("ready"), QString(), command.context.now), {}, 200
        };
    });
    if (!result.replayed && call.session.agentId)
        m_router.exclude(call.ids.at(0), *call.session.agentId);
    return answer(result);
}

InteractionRow InteractionApi::ownInteraction(const ApiCall& call, const QString& action)
{
    const InteractionRow interaction = m_workflow.require(call.ids.at(0));
    if (!isSupervisor(call.session) && (!interaction.agentId || interaction.agentId != call.session.agentId)) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Interaction %1 is not yours to %2.").arg(interaction.id).arg(action));
    }
    return interaction;
}

ApiAnswer InteractionApi::simple(const ApiCall& call, const QString& action,
    QList<ChangeRecord> (InteractionWorkflow::*step)(const InteractionRow&, qint64))
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        return CommandOutcome { (m_workflow.*step)(ownInteraction(call, action), command.context.now), {}, 200 };
    });
    return answer(result);
}

ApiAnswer InteractionApi::hold(const ApiCall& call)
{
    return simple(call, QStringLiteral("hold"), &InteractionWorkflow::hold);
}

ApiAnswer InteractionApi::resume(const ApiCall& call)
{
    return simple(call, QStringLiteral("resume"), &InteractionWorkflow::resume);
}

ApiAnswer InteractionApi::end(const ApiCall& call)
{
    return simple(call, QStringLiteral("end"), &InteractionWorkflow::end);
}

ApiAnswer InteractionApi::wrapUp(const ApiCall& call)
{
    return simple(call, QStringLiteral("wrap up"), &InteractionWorkflow::wrapUp);
}

ApiAnswer InteractionApi::transfer(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
    const std::optional<qint64> queueId = JsonInput::optionalInteger(command.body, QStringLiteral("queueId"), 1, kMaxId);
    const std::optional<qint64> agentId = JsonInput::optionalInteger(command.body, QStringLiteral("agentId"), 1, kMaxId);
    if (queueId.has_value() == agentId.has_value()) {
        throw ApiError::badField(QStringLiteral("queueId"),
            QStringLiteral("Give exactly one of \"queueId\" (back to a queue) or \"agentId\" (to a ready agent)."));
    }
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        const InteractionRow interaction = ownInteraction(call, QStringLiteral("transfer"));
        const qint64 now = command.context.now;
        if (queueId) {
            Statement& exists = m_storage.db().cached("SELECT count(*) FROM queues WHERE id = ?");
            exists.bind(1, *queueId);
            const bool found = exists.step() && exists.int64(0) > 0;
            exists.reset();
            if (!found)
                throw ApiError::notFound(QStringLiteral("Queue %1").arg(*queueId));
            return CommandOutcome { m_workflow.requeue(interaction, *queueId, now), {}, 200 };
        }
        if (agentId == interaction.agentId) {
            throw ApiError(409, QStringLiteral("invalid_transfer"),
                QStringLiteral("Interaction %1 is already with agent %2.").arg(interaction.id).arg(*agentId));
        }
        const QString state = m_workflow.agentState(*agentId);
        if (state.isEmpty())
            throw ApiError::notFound(QStringLiteral("Agent %1").arg(*agentId));
        if (state != QLatin1String("ready")) {
            throw ApiError(409, QStringLiteral("agent_not_ready"),
                QStringLiteral("Agent %1 is %2; transfer to a ready agent or to a queue.").arg(*agentId).arg(state),
                QStringLiteral("agentId"));
        }
        QList<ChangeRecord> changes = m_workflow.requeue(interaction, interaction.queueId.value_or(0), now);
        CommandOutcome outcome { changes + m_workflow.offer(interaction.id, *agentId, now), {}, 200 };
        // The answer shows the interaction as offered to the new agent, its state after the command.
        outcome.primary = int(changes.size());
        return outcome;
    });
    const ApiAnswer reply = answer(result);
    if (!result.replayed && agentId)
        m_router.offerMade(call.ids.at(0), *agentId);
    return reply;
}

ApiAnswer InteractionApi::reply(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QString text = JsonInput::requiredString(command.body, QStringLiteral("text"), 20000);
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        const InteractionRow interaction = ownInteraction(call, QStringLiteral("reply to"));
        if (!kWrittenChannels.contains(interaction.channel)) {
            throw ApiError(409, QStringLiteral("not_written"),
                QStringLiteral("Interaction %1 is a %2 contact; written replies are for chat, e-mail, SMS and social.")
                    .arg(interaction.id)
                    .arg(interaction.channel));
        }
        if (!InteractionWorkflow::isLive(interaction.status) || interaction.status == QLatin1String("offered")) {
            throw ApiError(409, QStringLiteral("invalid_state"),
                QStringLiteral("Interaction %1 is %2; accept it before replying.").arg(interaction.id).arg(interaction.status));
        }
        Statement& author = m_storage.db().cached("SELECT coalesce(a.display_name, u.login) FROM users u "
                                                  "LEFT JOIN agents a ON a.id = u.agent_id WHERE u.login = ?");
        author.bind(1, call.session.login);
        const QString authorName = author.step() ? author.text(0) : call.session.login;
        author.reset();
        CommandOutcome outcome {
            { m_workflow.addMessage(interaction.id, QStringLiteral("agent"), authorName, text, command.context.now) },
            {}, 201
        };
        if (interaction.channel == QLatin1String("social"))
            outcome.changes += m_social.postReply(interaction.id, interaction.agentId, text, command.context.now);
        return outcome;
    });
    return answer(result);
}

void InteractionApi::checkAgentState(qint64 agentId, const QString& state)
{
    const std::optional<InteractionRow> live = m_workflow.liveInteractionOf(agentId);
    if (!live)
        return;
    if (live->status == QLatin1String("wrap_up")) {
        if (state == QLatin1String("after_call_work"))
            return;
        throw ApiError(409, QStringLiteral("agent_busy"),
            QStringLiteral("Agent %1 is wrapping up interaction %2: POST /api/v1/interactions/%2/wrapup "
                           "(after setting its disposition) before changing state.")
                .arg(agentId)
                .arg(live->id),
            QStringLiteral("state"));
    }
    throw ApiError(409, QStringLiteral("agent_busy"),
        QStringLiteral("Agent %1 has interaction %2 %3: %4 it before changing state.")
            .arg(agentId)
            .arg(live->id)
            .arg(live->status,
                live->status == QLatin1String("offered") ? QStringLiteral("accept or decline") : QStringLiteral("end")),
        QStringLiteral("state"));
}
