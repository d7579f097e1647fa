#pragma once

#include <QHttpServerRequest>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// The hub's route table: every (method, path template) it serves, in one
// list that the server dispatches on and the OpenAPI test compares with
// hub/openapi.json, so the file cannot drift from what the hub does.
// Templates use OpenAPI's syntax: {id} is a positive integer segment.
class HubRoutes
{
public:
    enum class Handler {
        Login,
        Customers,
        Customer,
        CustomerInteractions,
        Queues,
        Agents,
        Changes,
        Events,
        AgentState,
        InteractionNotes,
        InteractionDisposition,
        // Served by ContactCentre.
        CreateInteraction,
        AcceptOffer,
        DeclineOffer,
        HoldInteraction,
        ResumeInteraction,
        TransferInteraction,
        EndInteraction,
        WrapUpInteraction,
        InteractionReplies,
        QueueStats,
        SiteStats,
        AllStats,
        AgentStats,
        TrendStats,
        LinkIdentity,
        MergeCustomers,
        UndoMerge,
        EraseCustomer,
        CreateTicket,
        UpdateTicket,
        CreateCallback,
        Tickets,
        Ticket,
        Callbacks,
        Callback,
        Interaction,
        SocialActivity,
        KnowledgeArticles,
        KnowledgeArticle,
        AgentProfile,
        SocialEvents,
        SocialRules,
        ReplaceSocialRules,
        Merges,
    };

    struct Route
    {
        QHttpServerRequest::Method method;
        QString path;
        Handler handler;
        bool needsToken;
    };

    struct Match
    {
        const Route* route = nullptr;
        QList<qint64> ids; // the {id} values in order
    };

    static const QList<Route>& all();
    static QString methodName(QHttpServerRequest::Method method);
    // The route for this method and path; if only the method is wrong,
    // allowed lists the methods the path accepts (for 405 and Allow).
    static std::optional<Match> find(
        QHttpServerRequest::Method method, const QString& path, QStringList* allowed);
};
