#include "HubRoutes.h"

namespace {

using Method = QHttpServerRequest::Method;
using Handler = HubRoutes::Handler;

// Matches one path against a template, collecting the {id} values.
bool matches(const QString& pattern, const QString& path, QList<qint64>* ids)
{
    const QStringList want = pattern.split(QLatin1Char('/'));
    const QStringList have = path.split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    ids->clear();
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i).startsWith(QLatin1Char('{'))) {
            bool ok = false;
            const qint64 id = have.at(i).toLongLong(&ok);
            if (!ok || id <= 0 || have.at(i).startsWith(QLatin1Char('+')))
                return false;
            ids->append(id);
        } else if (want.at(i) != have.at(i)) {
            return false;
        }
    }
    return true;
}

} // namespace

const QList<HubRoutes::Route>& HubRoutes::all()
{
    static const QList<Route> routes {
        { Method::Post, QStringLiteral("/api/v1/login"), Handler::Login, false },
        { Method::Get, QStringLiteral("/api/v1/customers"), Handler::Customers, true },
        { Method::Get, QStringLiteral("/api/v1/customers/{id}"), Handler::Customer, true },
        { Method::Get, QStringLiteral("/api/v1/customers/{id}/interactions"), Handler::CustomerInteractions,
            true },
        { Method::Get, QStringLiteral("/api/v1/queues"), Handler::Queues, true },
        { Method::Get, QStringLiteral("/api/v1/agents"), Handler::Agents, true },
        { Method::Get, QStringLiteral("/api/v1/changes"), Handler::Changes, true },
        { Method::Get, QStringLiteral("/api/v1/events"), Handler::Events, true },
        { Method::Post, QStringLiteral("/api/v1/agents/{id}/state"), Handler::AgentState, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/notes"), Handler::InteractionNotes, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/disposition"),
            Handler::InteractionDisposition, true },
        { Method::Post, QStringLiteral("/api/v1/interactions"), Handler::CreateInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/offers/{id}/accept"), Handler::AcceptOffer, true },
        { Method::Post, QStringLiteral("/api/v1/offers/{id}/decline"), Handler::DeclineOffer, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/hold"), Handler::HoldInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/resume"), Handler::ResumeInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/transfer"), Handler::TransferInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/end"), Handler::EndInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/wrapup"), Handler::WrapUpInteraction, true },
        { Method::Post, QStringLiteral("/api/v1/interactions/{id}/replies"), Handler::InteractionReplies, true },
        { Method::Get, QStringLiteral("/api/v1/stats/queues"), Handler::QueueStats, true },
        { Method::Get, QStringLiteral("/api/v1/stats/sites"), Handler::SiteStats, true },
        { Method::Get, QStringLiteral("/api/v1/stats/all"), Handler::AllStats, true },
        { Method::Get, QStringLiteral("/api/v1/stats/agents"), Handler::AgentStats, true },
        { Method::Get, QStringLiteral("/api/v1/stats/trends"), Handler::TrendStats, true },
        { Method::Post, QStringLiteral("/api/v1/customers/{id}/identities"), Handler::LinkIdentity, true },
        { Method::Post, QStringLiteral("/api/v1/customers/merge"), Handler::MergeCustomers, true },
        { Method::Post, QStringLiteral("/api/v1/merges/{id}/undo"), Handler::UndoMerge, true },
        { Method::Delete, QStringLiteral("/api/v1/customers/{id}"), Handler::EraseCustomer, true },
        { Method::Post, QStringLiteral("/api/v1/tickets"), Handler::CreateTicket, true },
        { Method::Patch, QStringLiteral("/api/v1/tickets/{id}"), Handler::UpdateTicket, true },
        { Method::Post, QStringLiteral("/api/v1/callbacks"), Handler::CreateCallback, true },
        { Method::Get, QStringLiteral("/api/v1/tickets"), Handler::Tickets, true },
        { Method::Get, QStringLiteral("/api/v1/tickets/{id}"), Handler::Ticket, true },
        { Method::Get, QStringLiteral("/api/v1/callbacks"), Handler::Callbacks, true },
        { Method::Get, QStringLiteral("/api/v1/callbacks/{id}"), Handler::Callback, true },
        { Method::Get, QStringLiteral("/api/v1/interactions/{id}"), Handler::Interaction, true },
        { Method::Get, QStringLiteral("/api/v1/social"), Handler::SocialActivity, true },
        { Method::Get, QStringLiteral("/api/v1/knowledge"), Handler::KnowledgeArticles, true },
        { Method::Get, QStringLiteral("/api/v1/knowledge/{id}"), Handler::KnowledgeArticle, true },
        { Method::Get, QStringLiteral("/api/v1/agents/{id}"), Handler::AgentProfile, true },
        { Method::Post, QStringLiteral("/api/v1/social/events"), Handler::SocialEvents, true },
        { Method::Get, QStringLiteral("/api/v1/social/rules"), Handler::SocialRules, true },
        { Method::Put, QStringLiteral("/api/v1/social/rules"), Handler::ReplaceSocialRules, true },
        { Method::Get, QStringLiteral("/api/v1/merges"), Handler::Merges, true },
    };
    return routes;
}

QString HubRoutes::methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    case Method::Connect:
        return QStringLiteral("CONNECT");
    case Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

std::optional<HubRoutes::Match> HubRoutes::find(
    QHttpServerRequest::Method method, const QString& path, QStringList* allowed)
{
    allowed->clear();
    Match match;
    for (const Route& route : all()) {
        if (!matches(route.path, path, &match.ids))
            continue;
        if (route.method == method) {
            match.route = &route;
            return match;
        }
        allowed->append(methodName(route.method));
    }
    return std::nullopt;
}
