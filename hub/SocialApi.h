#pragma once

#include "ApiCall.h"

class EventBroadcaster;
class HubClock;
class SocialIntake;
class SqliteHubStorage;

// The social listening endpoints: the webhook a network connector posts
// each event to (one event per request, stored once per network id), and the
// ticket rules supervisors read and replace. The work is SocialIntake's,
// shared with the simulator.
class SocialApi
{
public:
    SocialApi(SqliteHubStorage& storage, EventBroadcaster& events, SocialIntake& intake, const HubClock& clock);

    ApiAnswer receive(const ApiCall& call);
    ApiAnswer rules(const ApiCall& call);
    ApiAnswer replaceRules(const ApiCall& call);

private:
    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    SocialIntake& m_intake;
    const HubClock& m_clock;
};
