#include "CallbackApi.h"

#include "ApiError.h"
#include "CallbackScheduler.h"
#include "CommandRequest.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "InteractionWorkflow.h"
#include "JsonInput.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <limits>

namespace {
constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
// Up to a year ahead; further is a typo, not a promise to a customer.
constexpr qint64 kMaxAheadSeconds = 366 * 24 * 3600;
}

CallbackApi::CallbackApi(
    SqliteHubStorage& storage, EventBroadcaster& events, CallbackScheduler& scheduler, const HubClock& clock)
    : m_storage(storage)
    , m_events(events)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
}

ApiAnswer CallbackApi::create(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QJsonObject& body = command.body;
    const qint64 customerId = JsonInput::requiredInteger(body, QStringLiteral("customerId"), 1, kMaxId);
    const QString rawPhone = JsonInput::requiredString(body, QStringLiteral("phone"), 50);
    const qint64 dueAt = JsonInput::requiredInteger(
        body, QStringLiteral("dueAt"), 0, command.context.now + kMaxAheadSeconds);
    const std::optional<qint64> queueId = JsonInput::optionalInteger(body, QStringLiteral("queueId"), 1, kMaxId);
    const QString note = JsonInput::optionalString(body, QStringLiteral("note"), 2000);

    const CommandResult result = m_storage.runCommand(command.context, [&] {
        Database& db = m_storage.db();
        Statement& customer = db.cached("SELECT language, coalesce(country, '') FROM customers WHERE id = ?");
        customer.bind(1, customerId);
        const bool found = customer.step();
        const QString language = found ? customer.text(0) : QString();
        const QString country = found ? customer.text(1).toUpper() : QString();
        customer.reset();
        if (!found)
            throw ApiError::notFound(QStringLiteral("Customer %1").arg(customerId));
        // A number without +prefix is read as the customer would write it at home.
        const PhoneNormalizer phones(
            PhoneNormalizer::isValidRegion(country) ? country : QStringLiteral("IT"));
        const std::optional<QString> phone = phones.toE164(rawPhone);
        if (!phone) {
            throw ApiError::badField(QStringLiteral("phone"),
                QStringLiteral("\"%1\" is not a valid phone number (write it with its +country code).")
                    .arg(rawPhone));
        }
        NewCallback callback { customerId, *phone, dueAt, 0, note };
        if (queueId) {
            Statement& queue = db.cached("SELECT count(*) FROM queues WHERE id = ?");
            queue.bind(1, *queueId);
            const bool exists = queue.step() && queue.int64(0) > 0;
            queue.reset();
            if (!exists)
                throw ApiError::notFound(QStringLiteral("Queue %1").arg(*queueId));
            callback.queueId = *queueId;
        } else {
            const std::optional<qint64> queue
                = InteractionWorkflow(m_storage).queueFor(QStringLiteral("callback"), QString(), language);
            if (!queue) {
                throw ApiError(409, QStringLiteral("no_queue"),
                    QStringLiteral("No queue makes callbacks; give a queueId."), QStringLiteral("queueId"));
            }
            callback.queueId = *queue;
        }
        return CommandOutcome { { m_scheduler.schedule(callback, command.context.now) }, {}, 201 };
    });
    if (!result.replayed) {
        m_events.publishChanges(result.changes);
        m_scheduler.rearm();
    }
    return ApiAnswer { result.status, result.body, result.replayed };
}
