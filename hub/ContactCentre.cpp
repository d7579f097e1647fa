#include "ContactCentre.h"

#include "AgentStatistics.h"
#include "ApiError.h"
#include "CallbackApi.h"
#include "CallbackScheduler.h"
#include "CustomerApi.h"
#include "InteractionApi.h"
#include "JsonInput.h"
#include "QueueStatistics.h"
#include "ReadApi.h"
#include "Router.h"
#include "SocialApi.h"
#include "SocialIntake.h"
#include "TicketApi.h"
#include "TrendStatistics.h"

#include <QDateTime>
#include <QJsonDocument>

using Handler = HubRoutes::Handler;

ContactCentre::ContactCentre(
    SqliteHubStorage& storage, EventBroadcaster& events, const HubOptions& options, QObject* parent)
    : QObject(parent)
    , m_clock(options.simSpeed)
    , m_router(std::make_unique<Router>(storage, events, m_clock, options.offerTimeoutMs))
    , m_socialIntake(std::make_unique<SocialIntake>(storage))
    , m_interactions(std::make_unique<InteractionApi>(storage, events, *m_router, *m_socialIntake, m_clock))
    , m_statistics(std::make_unique<QueueStatistics>(storage, events, m_clock, options.statsSince))
    , m_agentStatistics(std::make_unique<AgentStatistics>(storage, events, m_clock, *m_statistics))
    , m_trends(std::make_unique<TrendStatistics>(storage, m_clock, *m_statistics))
    , m_customers(std::make_unique<CustomerApi>(storage, events, m_clock))
    , m_tickets(std::make_unique<TicketApi>(storage, events, m_clock))
    , m_callbackScheduler(std::make_unique<CallbackScheduler>(storage, events, m_clock))
    , m_callbacks(std::make_unique<CallbackApi>(storage, events, *m_callbackScheduler, m_clock))
    , m_reads(std::make_unique<ReadApi>(storage))
    , m_social(std::make_unique<SocialApi>(storage, events, *m_socialIntake, m_clock))
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
    case Handler::SocialEvents:
        return m_social->receive(call);
    case Handler::SocialRules:
        return m_social->rules(call);
    case Handler::ReplaceSocialRules:
        return m_social->replaceRules(call);
    case Handler::Merges:
        return m_customers->merges(call);
    case Handler::QueueStats:
    case Handler::SiteStats:
    case Handler::AllStats:
    case Handler::AgentStats:
    case Handler::TrendStats:
        return statistics(handler, call);
    default:
        break;
    }
    throw ApiError(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
}

ApiAnswer ContactCentre::statistics(HubRoutes::Handler handler, const ApiCall& call)
{
    if (call.session.role != QLatin1String("supervisor") && call.session.role != QLatin1String("admin")) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and admins may read statistics."));
    }
    const QUrlQuery query = call.request.query();
    QJsonObject stats;
    switch (handler) {
    case Handler::QueueStats:
        stats = m_statistics->queues();
        break;
    case Handler::SiteStats:
        stats = m_statistics->sites();
        break;
    case Handler::AgentStats: {
        // A period of up to a year, in UTC seconds; the default is the statistics window.
        constexpr qint64 kYear = 366 * 24 * 3600;
        const qint64 from = JsonInput::queryInteger(query, QStringLiteral("from"), 0, 0, 4102444800);
        const qint64 to = JsonInput::queryInteger(query, QStringLiteral("to"), 0, 0, 4102444800);
        if (from > 0 && to > 0 && to <= from)
            throw ApiError::badField(QStringLiteral("to"), QStringLiteral("\"to\" must come after \"from\"."));
        if (from > 0 && (to > 0 ? to : m_clock.nowSecs()) - from > kYear)
            throw ApiError::badField(QStringLiteral("from"), QStringLiteral("A period may span at most a year."));
        stats = m_agentStatistics->agents(from, to);
        break;
    }
    case Handler::TrendStats:
        stats = m_trends->trends(
            JsonInput::queryInteger(query, QStringLiteral("bucketMinutes"), 30, 5, 240) * 60);
        break;
    default:
        stats = m_statistics->all();
        break;
    }
    return ApiAnswer { 200, QJsonDocument(stats).toJson(QJsonDocument::Compact), false };
}
