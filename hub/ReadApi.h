#pragma once

#include "ApiCall.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>
#include <variant>

class SqliteHubStorage;

// The read endpoints over the contact centre's plain rows: tickets and
// callbacks (filtered lists and one by id), an interaction with its messages,
// social activity, knowledge articles (full-text search) and one agent's
// profile. Rows are serialised by the EntityCatalog exactly as the change
// feed carries them and copied into the answer as SQLite wrote them; every
// filter is checked first (400 naming the query parameter) and bound as a
// parameter.
//
// Roles: what the change feed gives every signed-in user, these reads give
// too (the desktop shows the tickets, callbacks and social activity of the
// customer in front of the agent, who also takes unassigned tickets from the
// pool). Another agent's work list (assigneeId, agentId) and another agent's
// profile are for supervisors and admins only (403), like GET /agents.
class ReadApi
{
public:
    explicit ReadApi(SqliteHubStorage& storage);

    ApiAnswer tickets(const ApiCall& call);
    ApiAnswer ticket(const ApiCall& call);
    ApiAnswer callbacks(const ApiCall& call);
    ApiAnswer callback(const ApiCall& call);
    ApiAnswer interaction(const ApiCall& call);
    ApiAnswer socialActivity(const ApiCall& call);
    ApiAnswer knowledgeArticles(const ApiCall& call);
    ApiAnswer knowledgeArticle(const ApiCall& call);
    ApiAnswer agent(const ApiCall& call);

private:
    using Value = std::variant<qint64, QString>;
    // One list: rows of `entity` from `from` (its table, or a join whose
    // binds come first), the conditions ANDed, in `order`, paged.
    struct Query
    {
        QByteArray from;
        QList<Value> fromValues;
        QList<QByteArray> conditions; // each with one ?
        QList<Value> values;
        QByteArray order;
    };

    ApiAnswer list(const ApiCall& call, const char* key, const QString& entity, const Query& query);
    ApiAnswer one(const QString& entity, qint64 id, const QString& what);
    QByteArray rowsJson(const QString& entity, const char* whereAndOrder, qint64 bindValue);
    // An agent may name only themselves where a filter picks an agent's work.
    static void requireSelfOrSupervisor(const ApiCall& call, std::optional<qint64> agentId, const QString& field);
    static std::optional<qint64> queryId(const QUrlQuery& query, const QString& name);
    static QString queryEnum(const QUrlQuery& query, const QString& name, const QStringList& allowed);

    SqliteHubStorage& m_storage;
    QStringList m_ticketStatuses;
    QStringList m_callbackStatuses;
    QStringList m_socialKinds;
};
