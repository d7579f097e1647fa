#include "ContactCentre.h"

#include "ApiError.h"
#include "CallbackApi.h"
#include "CallbackScheduler.h"
#include "CustomerApi.h"
#include "InteractionApi.h"
#include "QueueStatistics.h"
#include "ReadApi.h"
#include "Router.h"
#include "TicketApi.h"

#include <QDateTime>
#include <QJsonDocument>

using Handler = HubRoutes::Handler;

ContactCentre::ContactCentre(
    SqliteHubStorage& storage, EventBroadcaster& events, const HubOptions& options, QObject* parent)
    : QObject(parent)
    , m_clock(options.simSpeed)
    , m_router(std::make_unique<Router>(storage, events, m_clock, options.offerTimeoutMs))
    , m_interactions(std::make_unique<InteractionApi>(storage, events, *m_router, m_clock))
    , m_statistics(std::make_unique<QueueStatistics>(storage, events, m_clock, options.statsSince))
    , m_customers(std::make_unique<CustomerApi>(storage, events, m_clock))
    , m_tickets(std::make_unique<TicketApi>(storage, events, m_clock))
    , m_callbackScheduler(std::make_unique<CallbackScheduler>(storage, events, m_clock))
    , m_callbacks(std::make_unique<CallbackApi>(storage, events, *m_callbackScheduler, m_clock))
    , m_reads(std::make_unique<ReadApi>(storage))
{
}

ContactCentre::~ContactCentre() = default;

void ContactCentre::start()
{
    m_router->start();
    m_callbackScheduler->start();
}

void ContactCentre::checkAgentState(qint64 agentId, const QString& state)
{
    m_interactions->checkAgentState(agentId, state);
}

ApiAnswer ContactCentre::handle(HubRoutes::Handler handler, const ApiCall& call)
{
    switch (handler) {
    case Handler::CreateInteraction:
        return m_interactions->create(call);
    case Handler::AcceptOffer:
        return m_interactions->accept(call);
    case Handler::DeclineOffer:
        return m_interactions->decline(call);
    case Handler::HoldInteraction:
        return m_interactions->hold(call);
    case Handler::ResumeInteraction:
        return m_interactions->resume(call);
    case Handler::TransferInteraction:
        return m_interactions->transfer(call);
    case Handler::EndInteraction:
        return m_interactions->end(call);
    case Handler::WrapUpInteraction:
        return m_interactions->wrapUp(call);
    case Handler::InteractionReplies:
        return m_interactions->reply(call);
    case Handler::LinkIdentity:
        return m_customers->linkIdentity(call);
    case Handler::MergeCustomers:
        return m_customers->merge(call);
    case Handler::UndoMerge:
        return m_customers->undoMerge(call);
    case Handler::EraseCustomer:
        return m_customers->erase(call);
    case Handler::CreateTicket:
        return m_tickets->create(call);
    case Handler::UpdateTicket:
        return m_tickets->update(call);
    case Handler::CreateCallback:
        return m_callbacks->create(call);
    case Handler::Tickets:
        return m_reads->tickets(call);
    case Handler::Ticket:
        return m_reads->ticket(call);
    case Handler::Callbacks:
        return m_reads->callbacks(call);
    case Handler::Callback:
        return m_reads->callback(call);
    case Handler::Interaction:
        return m_reads->interaction(call);
    case Handler::SocialActivity:
        return m_reads->socialActivity(call);
    case Handler::KnowledgeArticles:
        return m_reads->knowledgeArticles(call);
    case Handler::KnowledgeArticle:
        return m_reads->knowledgeArticle(call);
    case Handler::AgentProfile:
        return m_reads->agent(call);
    case Handler::QueueStats:
    case Handler::SiteStats:
    case Handler::AllStats: {
        if (call.session.role != QLatin1String("supervisor") && call.session.role != QLatin1String("admin")) {
            throw ApiError(403, QStringLiteral("forbidden"),
                QStringLiteral("Only supervisors and admins may read queue statistics."));
        }
        const QJsonObject stats = handler == Handler::QueueStats ? m_statistics->queues()
            : handler == Handler::SiteStats                     ? m_statistics->sites()
                                                                : m_statistics->all();
        return ApiAnswer { 200, QJsonDocument(stats).toJson(QJsonDocument::Compact), false };
    }
    default:
        break;
    }
    throw ApiError(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
}
