#include "ReadApi.h"

#include "ApiError.h"
#include "JsonInput.h"
#include "SchemaEnums.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <limits>

namespace {

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();
constexpr int kMaxListPage = 200;
constexpr int kDefaultListPage = 50;
constexpr int kMaxOffset = 1000000000;
constexpr int kMaxSearch = 200;

bool isSupervisor(const Session& session)
{
    return session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin");
}

QByteArray number(qint64 value) { return QByteArray::number(value); }

// What was typed, as an FTS5 query that cannot be a syntax error: each word
// quoted (so AND, OR, NEAR, * and quotes are only text), the last one a
// prefix, as in a search box.
QString ftsQuery(const QString& typed)
{
    QStringList words = typed.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& word : words)
        word = QLatin1Char('"') + word.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    if (!words.isEmpty())
        words.last() += QLatin1Char('*');
    return words.join(QLatin1Char(' '));
}

} // namespace

ReadApi::ReadApi(SqliteHubStorage& storage)
    : m_storage(storage)
    , m_ticketStatuses(SchemaEnums::allowed(storage.db(), "tickets", QStringLiteral("status")))
    , m_callbackStatuses(SchemaEnums::allowed(storage.db(), "callbacks", QStringLiteral("status")))
    , m_socialKinds(SchemaEnums::allowed(storage.db(), "social_activity", QStringLiteral("kind")))
{
}

// --- the routes ----------------------------------------------------------------

ApiAnswer ReadApi::tickets(const ApiCall& call)
{
    const QUrlQuery query = call.request.query();
    Query q { "tickets", {}, {}, {}, "updated_at DESC, id DESC" };
    if (const std::optional<qint64> customerId = queryId(query, QStringLiteral("customerId"))) {
        q.conditions << "customer_id = ?";
        q.values << *customerId;
    }
    const std::optional<qint64> assigneeId = queryId(query, QStringLiteral("assigneeId"));
    requireSelfOrSupervisor(call, assigneeId, QStringLiteral("assigneeId"));
    if (assigneeId) {
        q.conditions << "assignee_id = ?";
        q.values << *assigneeId;
    }
    const QString status = queryEnum(query, QStringLiteral("status"), m_ticketStatuses);
    if (!status.isEmpty()) {
        q.conditions << "status = ?";
        q.values << status;
    }
    return list(call, "tickets", QStringLiteral("ticket"), q);
}

ApiAnswer ReadApi::ticket(const ApiCall& call)
{
    return one(QStringLiteral("ticket"), call.ids.at(0), QStringLiteral("Ticket"));
}

ApiAnswer ReadApi::callbacks(const ApiCall& call)
{
    const QUrlQuery query = call.request.query();
    // Soonest due first: the order an agent works through them.
    Query q { "callbacks", {}, {}, {}, "due_at, id" };
    if (const std::optional<qint64> customerId = queryId(query, QStringLiteral("customerId"))) {
        q.conditions << "customer_id = ?";
        q.values << *customerId;
    }
    const std::optional<qint64> agentId = queryId(query, QStringLiteral("agentId"));
    requireSelfOrSupervisor(call, agentId, QStringLiteral("agentId"));
    if (agentId) {
        q.conditions << "agent_id = ?";
        q.values << *agentId;
    }
    const QString status = queryEnum(query, QStringLiteral("status"), m_callbackStatuses);
    if (!status.isEmpty()) {
        q.conditions << "status = ?";
        q.values << status;
    }
    if (query.hasQueryItem(QStringLiteral("dueBefore"))) {
        q.conditions << "due_at <= ?";
        q.values << JsonInput::queryInteger(query, QStringLiteral("dueBefore"), 0, 0, kMaxId);
    }
    return list(call, "callbacks", QStringLiteral("callback"), q);
}

ApiAnswer ReadApi::callback(const ApiCall& call)
{
    return one(QStringLiteral("callback"), call.ids.at(0), QStringLiteral("Callback"));
}

ApiAnswer ReadApi::interaction(const ApiCall& call)
{
    const qint64 id = call.ids.at(0);
    // The names an agent reads, as GET /customers/{id}/interactions gives them.
    const EntityCatalog::Entity& entity = m_storage.catalog().byName(QStringLiteral("interaction"));
    Statement& st = m_storage.db().cached(("SELECT json_set(" + entity.jsonColumns
        + ", '$.queueName', coalesce((SELECT q.name FROM queues q WHERE q.id = interactions.queue_id), ''), "
          "'$.agentName', coalesce((SELECT a.display_name FROM agents a WHERE a.id = interactions.agent_id), '')) "
          "FROM interactions WHERE id = ?")
            .constData());
    st.bind(1, id);
    const bool found = st.step();
    QByteArray body = found ? st.utf8(0).toByteArray() : QByteArray();
    st.reset();
    if (!found)
        throw ApiError::notFound(QStringLiteral("Interaction %1").arg(id));
    // The timeline in order; internal notes (kind "note") are for agents, who are the readers here.
    const QByteArray messages = rowsJson(QStringLiteral("message"), "WHERE interaction_id = ? ORDER BY sent_at, id", id);
    body.chop(1); // the row's closing brace
    body.append(",\"messages\":" + messages + '}');
    return ApiAnswer { 200, body, false };
}

ApiAnswer ReadApi::socialActivity(const ApiCall& call)
{
    const QUrlQuery query = call.request.query();
    Query q { "social_activity", {}, {}, {}, "posted_at DESC, id DESC" };
    if (const std::optional<qint64> customerId = queryId(query, QStringLiteral("customerId"))) {
        q.conditions << "customer_id = ?";
        q.values << *customerId;
    }
    const QString network = query.queryItemValue(QStringLiteral("network"), QUrl::FullyDecoded);
    if (network.size() > 50)
        throw ApiError::badField(QStringLiteral("network"), QStringLiteral("\"network\" is longer than 50 characters."));
    if (!network.isEmpty()) {
        q.conditions << "network = ?";
        q.values << network;
    }
    const QString kind = queryEnum(query, QStringLiteral("kind"), m_socialKinds);
    if (!kind.isEmpty()) {
        q.conditions << "kind = ?";
        q.values << kind;
    }
    return list(call, "socialActivity", QStringLiteral("socialActivity"), q);
}

ApiAnswer ReadApi::knowledgeArticles(const ApiCall& call)
{
    const QUrlQuery query = call.request.query();
    const QString typed = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (typed.size() > kMaxSearch) {
        throw ApiError::badField(
            QStringLiteral("q"), QStringLiteral("\"q\" is longer than %1 characters.").arg(kMaxSearch));
    }
    const QString match = ftsQuery(typed);
    // With words, best match first (FTS5's bm25 rank); without, newest first.
    Query q = match.isEmpty()
        ? Query { "knowledge_articles", {}, {}, {}, "updated_at DESC, id DESC" }
        : Query { "knowledge_articles JOIN (SELECT rowid AS hit, rank AS score FROM knowledge_search "
                  "WHERE knowledge_search MATCH ?) ON id = hit",
              { match }, {}, {}, "score, id" };
    const QString language = query.queryItemValue(QStringLiteral("language"), QUrl::FullyDecoded);
    if (language.size() > 10)
        throw ApiError::badField(QStringLiteral("language"), QStringLiteral("\"language\" is a code such as it or en."));
    if (!language.isEmpty()) {
        q.conditions << "language = ?";
        q.values << language;
    }
    return list(call, "articles", QStringLiteral("knowledgeArticle"), q);
}

ApiAnswer ReadApi::knowledgeArticle(const ApiCall& call)
{
    return one(QStringLiteral("knowledgeArticle"), call.ids.at(0), QStringLiteral("Knowledge article"));
}

ApiAnswer ReadApi::agent(const ApiCall& call)
{
    const qint64 id = call.ids.at(0);
    if (!isSupervisor(call.session) && call.session.agentId != id) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("An agent may read only their own profile; supervisors and admins read any."));
    }
    return one(QStringLiteral("agent"), id, QStringLiteral("Agent"));
}

// --- helpers -------------------------------------------------------------------

ApiAnswer ReadApi::list(const ApiCall& call, const char* key, const QString& entityName, const Query& query)
{
    const QUrlQuery parameters = call.request.query();
    const int limit
        = int(JsonInput::queryInteger(parameters, QStringLiteral("limit"), kDefaultListPage, 1, kMaxListPage));
    const int offset = int(JsonInput::queryInteger(parameters, QStringLiteral("offset"), 0, 0, kMaxOffset));
    const EntityCatalog::Entity& entity = m_storage.catalog().byName(entityName);
    QByteArray where;
    for (const QByteArray& condition : query.conditions)
        where += (where.isEmpty() ? " WHERE " : " AND ") + condition;
    const auto bindAll = [&query](Statement& st) {
        int index = 0;
        for (const QList<Value>* values : { &query.fromValues, &query.values }) {
            for (const Value& value : *values)
                std::visit([&st, &index](const auto& v) { st.bind(++index, v); }, value);
        }
        return index;
    };

    Statement& rows = m_storage.db().cached(
        ("SELECT " + entity.jsonColumns + " FROM " + query.from + where + " ORDER BY " + query.order + " LIMIT ? OFFSET ?")
            .constData());
    const int bound = bindAll(rows);
    rows.bind(bound + 1, limit).bind(bound + 2, offset);
    QByteArray array = "[";
    while (rows.step()) {
        if (array.size() > 1)
            array += ',';
        array.append(rows.utf8(0));
    }
    rows.reset();
    array += ']';

    Statement& count = m_storage.db().cached(("SELECT count(*) FROM " + query.from + where).constData());
    bindAll(count);
    const qint64 total = count.step() ? count.int64(0) : 0;
    count.reset();
    return ApiAnswer { 200,
        "{\"" + QByteArray(key) + "\":" + array + ",\"total\":" + number(total) + ",\"offset\":" + number(offset)
            + ",\"limit\":" + number(limit) + '}',
        false };
}

ApiAnswer ReadApi::one(const QString& entityName, qint64 id, const QString& what)
{
    const EntityCatalog::Entity& entity = m_storage.catalog().byName(entityName);
    Statement& st = m_storage.db().cached(
        ("SELECT " + entity.jsonColumns + " FROM " + entity.table.toUtf8() + " WHERE id = ?").constData());
    st.bind(1, id);
    const bool found = st.step();
    const QByteArray row = found ? st.utf8(0).toByteArray() : QByteArray();
    st.reset();
    if (!found)
        throw ApiError::notFound(QStringLiteral("%1 %2").arg(what).arg(id));
    return ApiAnswer { 200, row, false };
}

QByteArray ReadApi::rowsJson(const QString& entityName, const char* whereAndOrder, qint64 bindValue)
{
    const EntityCatalog::Entity& entity = m_storage.catalog().byName(entityName);
    Statement& st = m_storage.db().cached(
        ("SELECT " + entity.jsonColumns + " FROM " + entity.table.toUtf8() + ' ' + whereAndOrder).constData());
    st.bind(1, bindValue);
    QByteArray array = "[";
    while (st.step()) {
        if (array.size() > 1)
            array += ',';
        array.append(st.utf8(0));
    }
    st.reset();
    return array + ']';
}

void ReadApi::requireSelfOrSupervisor(const ApiCall& call, std::optional<qint64> agentId, const QString& field)
{
    if (agentId && !isSupervisor(call.session) && call.session.agentId != agentId) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("An agent may list only their own work (%1 = their own agent id); supervisors and "
                           "admins list anyone's.")
                .arg(field),
            field);
    }
}

std::optional<qint64> ReadApi::queryId(const QUrlQuery& query, const QString& name)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    return JsonInput::queryInteger(query, name, 0, 1, kMaxId);
}

QString ReadApi::queryEnum(const QUrlQuery& query, const QString& name, const QStringList& allowed)
{
    const QString value = query.queryItemValue(name, QUrl::FullyDecoded);
    if (query.hasQueryItem(name) && !allowed.contains(value)) {
        throw ApiError::badField(
            name, QStringLiteral("\"%1\" must be one of %2.").arg(name, allowed.join(QStringLiteral(", "))));
    }
    return value;
}
