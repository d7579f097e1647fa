#pragma once

#include "ApiCall.h"
#include "InteractionWorkflow.h"

class EventBroadcaster;
class HubClock;
class Router;
class SocialIntake;
class SqliteHubStorage;

// The HTTP commands of the interaction life cycle: creating an inbound
// interaction (integrations, the simulator, tests), accepting or declining an
// offer, hold/resume/transfer/end, finishing wrap-up and written replies (a
// reply to a social ticket's interaction is also posted back on the network).
// Each is one transaction with its Idempotency-Key; the changes go out on
// the event stream after commit, which is also how routing learns of them.
// Roles: only the agent an offer is for may take or decline it; an agent
// acts only on their own interactions, supervisors and admins on any;
// creating interactions is for supervisors and admins (integration accounts).
class InteractionApi
{
public:
    InteractionApi(SqliteHubStorage& storage, EventBroadcaster& events, Router& router, SocialIntake& social,
        const HubClock& clock);

    ApiAnswer create(const ApiCall& call);
    ApiAnswer accept(const ApiCall& call);
    ApiAnswer decline(const ApiCall& call);
    ApiAnswer hold(const ApiCall& call);
    ApiAnswer resume(const ApiCall& call);
    ApiAnswer transfer(const ApiCall& call);
    ApiAnswer end(const ApiCall& call);
    ApiAnswer wrapUp(const ApiCall& call);
    ApiAnswer reply(const ApiCall& call);
    // The agent state command may not strand an interaction: 409 while the
    // agent has one offered or in progress (decline, end or wrap it up first).
    void checkAgentState(qint64 agentId, const QString& state);

private:
    ApiAnswer answer(const CommandResult& result);
    InteractionRow ownInteraction(const ApiCall& call, const QString& action);
    InteractionRow offerFor(const ApiCall& call);
    ApiAnswer simple(const ApiCall& call, const QString& action,
        QList<ChangeRecord> (InteractionWorkflow::*step)(const InteractionRow&, qint64));

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    Router& m_router;
    SocialIntake& m_social;
    const HubClock& m_clock;
    InteractionWorkflow m_workflow;
};
