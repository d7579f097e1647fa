#pragma once

#include "ApiCall.h"
#include "HubClock.h"
#include "HubOptions.h"
#include "HubRoutes.h"

#include <QObject>
#include <memory>

class AgentStatistics;
class CallbackApi;
class CallbackScheduler;
class EventBroadcaster;
class CustomerApi;
class InteractionApi;
class QueueStatistics;
class ReadApi;
class SocialApi;
class SocialIntake;
class Router;
class SqliteHubStorage;
class TicketApi;
class TrendStatistics;

// The contact centre behind the API: routing, the interaction commands and
// their clock, and the reads of its rows (ReadApi), wired once. HubServer keeps HTTP, authentication and error
// handling and hands every contact-centre route here, so the server stays a
// thin transport (and TLS or compression can be added there alone).
class ContactCentre : public QObject
{
    Q_OBJECT
public:
    ContactCentre(SqliteHubStorage& storage, EventBroadcaster& events, const HubOptions& options,
        QObject* parent = nullptr);
    ~ContactCentre() override;

    // Recovers routing state and starts the timers; call once the server listens.
    void start();
    // Answers a route HubServer does not handle itself; throws ApiError.
    ApiAnswer handle(HubRoutes::Handler handler, const ApiCall& call);
    // Refuses an agent state change that would strand an interaction (409).
    void checkAgentState(qint64 agentId, const QString& state);

    const HubClock& clock() const { return m_clock; }
    Router& router() { return *m_router; }
    CallbackScheduler& callbacks() { return *m_callbackScheduler; }
    SocialIntake& socialIntake() { return *m_socialIntake; }

private:
    ApiAnswer statistics(HubRoutes::Handler handler, const ApiCall& call);

    HubClock m_clock;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<SocialIntake> m_socialIntake;
    std::unique_ptr<InteractionApi> m_interactions;
    std::unique_ptr<QueueStatistics> m_statistics;
    std::unique_ptr<AgentStatistics> m_agentStatistics;
    std::unique_ptr<TrendStatistics> m_trends;
    std::unique_ptr<CustomerApi> m_customers;
    std::unique_ptr<TicketApi> m_tickets;
    std::unique_ptr<CallbackScheduler> m_callbackScheduler;
    std::unique_ptr<CallbackApi> m_callbacks;
    std::unique_ptr<ReadApi> m_reads;
    std::unique_ptr<SocialApi> m_social;
};
