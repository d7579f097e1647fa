#pragma once

#include "ApiCall.h"
#include "identity/PhoneNormalizer.h"

class CallbackScheduler;
class EventBroadcaster;
class HubClock;
class SqliteHubStorage;

// POST /api/v1/callbacks: an agent (or an integration) promises a customer a
// call back at dueAt. The number is normalised to E.164 by libphonenumber,
// read in the customer's country when written without a prefix, so the
// outbound dialler and the customer's identities agree on it. Without a
// queueId the callback queue of the customer's language is used. The
// scheduler turns it into a routed outbound interaction when it falls due.
// Anyone signed in may schedule one; one transaction with its
// Idempotency-Key and change row, published on the event stream.
class CallbackApi
{
public:
    CallbackApi(SqliteHubStorage& storage, EventBroadcaster& events, CallbackScheduler& scheduler,
        const HubClock& clock);

    ApiAnswer create(const ApiCall& call);

private:
    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    CallbackScheduler& m_scheduler;
    const HubClock& m_clock;
};
