#include "SqliteHubStorage.h"

#include "ApiError.h"
#include "DefaultUsers.h"
#include "HubLogging.h"
#include "HubSchema.h"
#include "PasswordHasher.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

// How the change feed stays complete while it is pruned
// ------------------------------------------------------
// Like CouchDB's by-sequence index, the feed may forget a change only when a
// later change of the same entity makes it redundant: the latest upsert of
// every live entity is never pruned, however old. So since=0 always replays a
// complete picture of everything that exists, in one total order, without a
// separate snapshot API. What is pruned, once it falls out of the window of
// the newest --retain-changes seqs:
//   - upserts superseded by a later change of the same entity;
//   - tombstones (a client starting from 0 never had the entity).
// A pruned upsert hides nothing: a later change of the same entity, with a
// higher seq, is still in the feed (or is a tombstone). Only a pruned
// tombstone can be missed, so floor is the highest pruned TOMBSTONE seq and
// the feed answers 410 for 0 < since < floor; the client then resyncs from
// since=0. (Counting pruned upserts too made every fresh client paging from
// 0 on a busy hub hit 410 at its second page, for ever.) Inside the window every change is
// kept, so SSE Last-Event-ID resume replays exactly what a client missed.
//
// A scan from since=0 may page below the floor all the same, and every page
// reports the floor so it can (scanFloor): when a tombstone is pruned, every
// earlier change of its entity is already gone (they have lower seqs and are
// superseded), so a scan that began after the pruning never meets the entity
// and needs no tombstone for it. What a scan cannot miss is a tombstone
// pruned while it is under way, of an entity it may already hold. The sweep
// prunes tombstones only above the last swept seq, which is at least the
// floor, so that always raises the floor; pruneAfter drops only changes that
// a later change of the same entity supersedes, which the scan will still
// read. Hence: floor unchanged since the scan's first page = nothing missed;
// floor risen = 410, and the client scans again.
//
// The window is swept incrementally in the command's own transaction: rows
// between the last swept seq and the new cutoff are checked once, and a
// row already outside the window is dropped as soon as a new change
// supersedes it. Each command thus costs a couple of index probes, never a
// scan of the whole log.

namespace {

constexpr const char* kFloorKey = "feed_floor";
constexpr const char* kSweptKey = "feed_swept_through";
constexpr const char* kBaselineKey = "feed_baseline_seq";

QJsonObject parseObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

SqliteHubStorage::SqliteHubStorage(const QString& path, qint64 retainChanges)
    : m_store(path)
    , m_retainChanges(retainChanges)
{
    HubSchema::apply(m_store.db());
    m_catalog = std::make_unique<EntityCatalog>(m_store.db());
}

SqliteHubStorage::~SqliteHubStorage() = default;

void SqliteHubStorage::bootstrap()
{
    ensureDefaultUsers();
    ensureBaseline();
    // --retain-changes may be smaller than at the last run.
    Transaction tx(m_store.db());
    sweepWindow(latestSeq() - m_retainChanges);
    tx.commit();
}

void SqliteHubStorage::ensureDefaultUsers()
{
    Database& db = m_store.db();
    if (db.scalar("SELECT count(*) FROM users") > 0)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<DefaultUser> users = DefaultUsers::all();
    auto agentBy = [&db](const char* sql, const QString& value) {
        Statement& st = db.cached(sql);
        st.bind(1, value);
        std::optional<qint64> id;
        if (st.step())
            id = st.int64(0);
        st.reset();
        return id;
    };
    Transaction tx(db);
    // An agents row with the same login speaks for the user. Failing that
    // (demo data names agents after people), the first agent of the role
    // that no user speaks for yet, so "agent1" signs in as a real demo agent
    // with a site and skills. Failing that, a new row. Exact logins are
    // claimed first so no fallback takes a row another user is named after.
    QList<std::optional<qint64>> agentIds;
    for (const DefaultUser& user : users)
        agentIds.append(agentBy("SELECT id FROM agents WHERE login = ?", user.login));
    for (qsizetype i = 0; i < users.size(); ++i) {
        const DefaultUser& user = users.at(i);
        std::optional<qint64>& agentId = agentIds[i];
        for (qint64 candidate = 0; !agentId;) {
            Statement& st = db.cached("SELECT id FROM agents WHERE role = ? AND id > ? ORDER BY id LIMIT 1");
            st.bind(1, user.role).bind(2, candidate);
            const std::optional<qint64> next = st.step() ? std::optional<qint64>(st.int64(0)) : std::nullopt;
            st.reset();
            if (!next)
                break;
            candidate = *next;
            if (!agentIds.contains(candidate))
                agentId = candidate;
        }
        if (!agentId) {
            db.cached("INSERT INTO agents(login, display_name, role, skills, languages, state) "
                      "VALUES (?, ?, ?, '', 'it,en', 'logged_out')")
                .bind(1, user.login)
                .bind(2, user.displayName)
                .bind(3, user.role)
                .run();
            agentId = db.lastInsertId();
            // Before the baseline the new row is covered by it; after, it needs its own change.
            if (stateValue(kBaselineKey) > 0)
                recordUpsert(QStringLiteral("agent"), *agentId, now);
        }
        db.cached(
              "INSERT INTO users(login, password_hash, role, agent_id, created_at) VALUES (?, ?, ?, ?, ?)")
            .bind(1, user.login)
            .bind(2, PasswordHasher::hash(user.password))
            .bind(3, user.role)
            .bind(4, agentId)
            .bind(5, now)
            .run();
    }
    tx.commit();
    qCInfo(lcHubAuth) << "created the default users" << DefaultUsers::helpText().simplified();
}

void SqliteHubStorage::ensureBaseline()
{
    Database& db = m_store.db();
    if (stateValue(kBaselineKey) > 0)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Transaction tx(db);
    for (const EntityCatalog::Entity& entity : m_catalog->all()) {
        const QByteArray sql = "INSERT INTO changes(entity, entity_id, op, payload, changed_at) SELECT '"
            + entity.name.toUtf8() + "', id, 'upsert', " + entity.jsonColumns + ", ? FROM "
            + entity.table.toUtf8() + " ORDER BY id";
        Statement st(db.handle(), sql.constData());
        st.bind(1, now).run();
    }
    // Marks the baseline as done even on an empty database (seq 0 stays "not done").
    setStateValue(kBaselineKey, std::max<qint64>(latestSeq(), 1));
    tx.commit();
    qCInfo(lcHubStore) << "change feed baseline written up to seq" << latestSeq();
}

qint64 SqliteHubStorage::stateValue(const char* key)
{
    Statement& st = m_store.db().cached("SELECT value FROM hub_state WHERE key = ?");
    st.bind(1, key);
    const qint64 value = st.step() ? st.text(0).toLongLong() : 0;
    st.reset();
    return value;
}

void SqliteHubStorage::setStateValue(const char* key, qint64 value)
{
    m_store.db()
        .cached("INSERT INTO hub_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                "excluded.value")
        .bind(1, key)
        .bind(2, QString::number(value))
        .run();
}

// --- users and tokens ------------------------------------------------------

std::optional<UserRecord> SqliteHubStorage::user(const QString& login)
{
    Statement& st
        = m_store.db().cached("SELECT login, password_hash, role, agent_id FROM users WHERE login = ?");
    st.bind(1, login);
    std::optional<UserRecord> result;
    if (st.step())
        result = UserRecord { st.text(0), st.text(1), st.text(2), st.optInt64(3) };
    st.reset();
    return result;
}

void SqliteHubStorage::addToken(const QByteArray& tokenHash, const Session& session)
{
    m_store.db()
        .cached("INSERT INTO tokens(token, login, role, expires_at) VALUES (?, ?, ?, ?)")
        .bind(1, tokenHash.constData())
        .bind(2, session.login)
        .bind(3, session.role)
        .bind(4, session.expiresAt)
        .run();
}

std::optional<Session> SqliteHubStorage::session(const QByteArray& tokenHash)
{
    Statement& st = m_store.db().cached("SELECT t.login, t.role, u.agent_id, t.expires_at FROM tokens t "
                                        "JOIN users u ON u.login = t.login WHERE t.token = ?");
    st.bind(1, tokenHash.constData());
    std::optional<Session> result;
    if (st.step())
        result = Session { st.text(0), st.text(1), st.optInt64(2), st.int64(3) };
    st.reset();
    return result;
}

int SqliteHubStorage::purgeExpired(qint64 now)
{
    constexpr qint64 kIdempotencySeconds = 24 * 3600;
    Database& db = m_store.db();
    db.cached("DELETE FROM tokens WHERE expires_at <= ?").bind(1, now).run();
    int purged = db.changes();
    db.cached("DELETE FROM idempotency WHERE created_at <= ?").bind(1, now - kIdempotencySeconds).run();
    purged += db.changes();
    return purged;
}

// --- reads -------------------------------------------------------------------

QList<QJsonObject> SqliteHubStorage::rowsByIds(const QString& entityName, const QList<qint64>& ids)
{
    const EntityCatalog::Entity& entity = m_catalog->byName(entityName);
    QJsonArray idArray;
    for (qint64 id : ids)
        idArray.append(id);
    const QByteArray sql = "SELECT id, " + entity.jsonColumns + " FROM " + entity.table.toUtf8()
        + " WHERE id IN (SELECT value FROM json_each(?))";
    Statement& st = m_store.db().cached(sql.constData());
    st.bind(1, QString::fromUtf8(QJsonDocument(idArray).toJson(QJsonDocument::Compact)));
    QHash<qint64, QJsonObject> byId;
    while (st.step())
        byId.insert(st.int64(0), parseObject(st.text(1)));
    st.reset();
    QList<QJsonObject> result;
    for (qint64 id : ids)
        result.append(byId.value(id));
    return result;
}

QJsonArray SqliteHubStorage::rowsWhere(
    const QString& entityName, const char* whereAndOrder, std::optional<qint64> bindValue)
{
    const EntityCatalog::Entity& entity = m_catalog->byName(entityName);
    const QByteArray sql
        = "SELECT " + entity.jsonColumns + " FROM " + entity.table.toUtf8() + " " + whereAndOrder;
    Statement& st = m_store.db().cached(sql.constData());
    if (bindValue)
        st.bind(1, *bindValue);
    QJsonArray result;
    while (st.step())
        result.append(parseObject(st.text(0)));
    st.reset();
    return result;
}

QJsonArray SqliteHubStorage::searchCustomers(const QString& typed, int offset, int limit)
{
    // The Store ranks (FTS5, phone digits, prefixes); the catalog serialises,
    // so a customer looks the same here as in the change feed.
    QList<qint64> ids;
    for (const Customer& customer : m_store.searchCustomers(typed, offset, limit))
        ids.append(customer.id);
    QJsonArray result;
    for (const QJsonObject& row : rowsByIds(QStringLiteral("customer"), ids))
        result.append(row);
    return result;
}

std::optional<QJsonObject> SqliteHubStorage::customer(qint64 id)
{
    const QList<QJsonObject> rows = rowsByIds(QStringLiteral("customer"), { id });
    if (rows.first().isEmpty())
        return std::nullopt;
    QJsonObject customer = rows.first();
    customer.insert(QStringLiteral("identities"),
        rowsWhere(QStringLiteral("identity"), "WHERE customer_id = ? ORDER BY kind, id", id));
    customer.insert(QStringLiteral("interactionCount"), m_store.interactionCount(id));
    return customer;
}

std::optional<QJsonObject> SqliteHubStorage::customerInteractions(qint64 customerId, int offset, int limit)
{
    if (!m_store.customer(customerId))
        return std::nullopt;
    const QList<Interaction> interactions = m_store.interactions(customerId, offset, limit);
    QList<qint64> ids;
    for (const Interaction& interaction : interactions)
        ids.append(interaction.id);
    const QList<QJsonObject> rows = rowsByIds(QStringLiteral("interaction"), ids);
    QJsonArray list;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows.at(i);
        // The names an agent reads, so the timeline needs no second request.
        row.insert(QStringLiteral("queueName"), interactions.at(i).queueName);
        row.insert(QStringLiteral("agentName"), interactions.at(i).agentName);
        list.append(row);
    }
    return QJsonObject { { QStringLiteral("interactions"), list },
        { QStringLiteral("total"), m_store.interactionCount(customerId) } };
}

QJsonArray SqliteHubStorage::queues()
{
    return rowsWhere(QStringLiteral("queue"), "ORDER BY name, id", {});
}

QJsonArray SqliteHubStorage::agents()
{
    return rowsWhere(QStringLiteral("agent"), "ORDER BY display_name COLLATE NOCASE, id", {});
}

// --- change feed -------------------------------------------------------------

qint64 SqliteHubStorage::changeFloor()
{
    return stateValue(kFloorKey);
}

qint64 SqliteHubStorage::latestSeq()
{
    // sqlite_sequence remembers the highest seq ever given, even if pruned.
    return m_store.db().scalar(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)");
}

ChangePage SqliteHubStorage::changes(qint64 since, int limit)
{
    ChangePage page;
    static_cast<ChangePageEnd&>(page) = visitChanges(since, limit, [&page](const ChangeView& change) {
        page.changes.append(ChangeRecord { change.seq, QString::fromUtf8(change.entity), change.entityId,
            QString::fromUtf8(change.op), change.payload.toByteArray(), change.changedAt });
    });
    return page;
}

ChangePageEnd SqliteHubStorage::visitChanges(
    qint64 since, int limit, const std::function<void(const ChangeView&)>& visit)
{
    // One writer on one thread and seq given at insert inside the writing
    // transaction: a seq is never visible before a smaller one, so unlike
    // Zendesk's export the feed need not hold back the last moment's changes.
    Statement& st = m_store.db().cached("SELECT seq, entity, entity_id, op, payload, changed_at FROM changes "
                                        "WHERE seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, since).bind(2, qint64(limit) + 1);
    ChangePageEnd end { since, false };
    int count = 0;
    while (st.step()) {
        if (count == limit) {
            end.more = true;
            break;
        }
        const ChangeView change { st.int64(0), st.utf8(1), st.int64(2), st.utf8(3), st.utf8(4), st.int64(5) };
        visit(change);
        end.next = change.seq;
        ++count;
    }
    st.reset();
    return end;
}

ChangeRecord SqliteHubStorage::recordUpsert(const QString& entityName, qint64 id, qint64 now)
{
    const EntityCatalog::Entity& entity = m_catalog->byName(entityName);
    Database& db = m_store.db();
    const QByteArray sql
        = "INSERT INTO changes(entity, entity_id, op, payload, changed_at) SELECT ?, id, 'upsert', "
        + entity.jsonColumns + ", ? FROM " + entity.table.toUtf8() + " WHERE id = ? RETURNING seq, payload";
    Statement& st = db.cached(sql.constData());
    st.bind(1, entityName).bind(2, now).bind(3, id);
    ChangeRecord change;
    if (!st.step()) {
        st.reset();
        throw ApiError(
            500, QStringLiteral("internal"), QStringLiteral("The changed %1 vanished.").arg(entityName));
    }
    change.seq = st.int64(0);
    change.payload = st.text(1).toUtf8();
    st.reset();
    change.entity = entityName;
    change.entityId = id;
    change.op = QStringLiteral("upsert");
    change.changedAt = now;
    pruneAfter(change);
    return change;
}

void SqliteHubStorage::raiseFloor(qint64 seq)
{
    if (seq > changeFloor())
        setStateValue(kFloorKey, seq);
}

void SqliteHubStorage::sweepWindow(qint64 cutoff)
{
    const qint64 swept = stateValue(kSweptKey);
    if (cutoff <= swept)
        return;
    Statement& st
        = m_store.db().cached("DELETE FROM changes WHERE seq > ? AND seq <= ? AND (op = 'delete' OR EXISTS ("
                              "SELECT 1 FROM changes later WHERE later.entity = changes.entity AND "
                              "later.entity_id = changes.entity_id"
                              " AND later.seq > changes.seq)) RETURNING seq, op");
    st.bind(1, swept).bind(2, cutoff);
    qint64 highest = 0;
    int pruned = 0;
    while (st.step()) {
        if (st.text(1) == QLatin1String("delete"))
            highest = std::max(highest, st.int64(0));
        ++pruned;
    }
    st.reset();
    raiseFloor(highest);
    setStateValue(kSweptKey, cutoff);
    if (pruned)
        qCDebug(lcHubStore) << "pruned" << pruned << "changes up to seq" << cutoff;
}

void SqliteHubStorage::pruneAfter(const ChangeRecord& change)
{
    sweepWindow(change.seq - m_retainChanges);
    // An older change of this entity that is already outside the window was
    // kept only because it was the latest; now it is not.
    Statement& st = m_store.db().cached("DELETE FROM changes WHERE entity = ? AND entity_id = ? AND seq < ? "
                                        "AND seq <= ? RETURNING seq, op");
    st.bind(1, change.entity).bind(2, change.entityId).bind(3, change.seq).bind(4, stateValue(kSweptKey));
    qint64 highest = 0;
    while (st.step())
        if (st.text(1) == QLatin1String("delete"))
            highest = std::max(highest, st.int64(0));
    st.reset();
    raiseFloor(highest);
}

// --- commands ----------------------------------------------------------------

CommandResult SqliteHubStorage::runCommand(
    const CommandContext& context, int successStatus, const Write& write)
{
    return runCommand(context, [&] { return CommandOutcome { { write() }, {}, successStatus }; });
}

CommandResult SqliteHubStorage::runCommand(
    const CommandContext& context, const std::function<CommandOutcome()>& write)
{
    Database& db = m_store.db();
    Transaction tx(db);
    Statement& find = db.cached("SELECT request_hash, status, response_body FROM idempotency "
                                "WHERE login = ? AND key = ?");
    find.bind(1, context.login).bind(2, context.idempotencyKey);
    if (find.step()) {
        const QByteArray storedHash = find.text(0).toLatin1();
        CommandResult replay { find.integer(1), find.text(2).toUtf8(), true, {} };
        find.reset();
        if (storedHash != context.requestHash) {
            throw ApiError(422, QStringLiteral("idempotency_key_reused"),
                QStringLiteral("This Idempotency-Key was already used for a different request; "
                               "use a new key for a new command."),
                QStringLiteral("Idempotency-Key"));
        }
        return replay;
    }
    find.reset();

    const CommandOutcome outcome = write(); // throws ApiError: the transaction rolls back
    QJsonObject body = outcome.changes.isEmpty() ? QJsonObject() : outcome.changes.at(outcome.primary).toJson();
    for (auto field = outcome.extra.begin(); field != outcome.extra.end(); ++field)
        body.insert(field.key(), field.value());
    CommandResult result { outcome.status, QJsonDocument(body).toJson(QJsonDocument::Compact), false,
        outcome.changes };
    db.cached("INSERT INTO idempotency(key, login, request_hash, status, response_body, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, context.idempotencyKey)
        .bind(2, context.login)
        .bind(3, context.requestHash.constData())
        .bind(4, result.status)
        .bind(5, QString::fromUtf8(result.body))
        .bind(6, context.now)
        .run();
    tx.commit();
    return result;
}

QList<ChangeRecord> SqliteHubStorage::runInternal(const std::function<QList<ChangeRecord>()>& write)
{
    Transaction tx(m_store.db());
    QList<ChangeRecord> changes = write();
    tx.commit();
    return changes;
}

ChangeRecord SqliteHubStorage::recordDelete(const QString& entity, qint64 id, qint64 now, bool purgeHistory)
{
    Database& db = m_store.db();
    if (purgeHistory) {
        db.cached("DELETE FROM changes WHERE entity = ? AND entity_id = ?").bind(1, entity).bind(2, id).run();
    }
    Statement& st = db.cached("INSERT INTO changes(entity, entity_id, op, payload, changed_at) "
                              "VALUES (?, ?, 'delete', NULL, ?) RETURNING seq");
    st.bind(1, entity).bind(2, id).bind(3, now);
    ChangeRecord change;
    st.step();
    change.seq = st.int64(0);
    st.reset();
    change.entity = entity;
    change.entityId = id;
    change.op = QStringLiteral("delete");
    change.changedAt = now;
    pruneAfter(change);
    return change;
}

CommandResult SqliteHubStorage::setAgentState(
    const CommandContext& context, qint64 agentId, const QString& state, const QString& reason)
{
    return runCommand(context, 200, [&] {
        Database& db = m_store.db();
        db.cached("UPDATE agents SET state = ?, state_reason = ?, state_since = ?, version = version + 1 "
                  "WHERE id = ?")
            .bind(1, state)
            .bind(2, reason.isEmpty() ? QString() : reason)
            .bind(3, context.now)
            .bind(4, agentId)
            .run();
        if (db.changes() == 0)
            throw ApiError::notFound(QStringLiteral("Agent %1").arg(agentId));
        return recordUpsert(QStringLiteral("agent"), agentId, context.now);
    });
}

CommandResult SqliteHubStorage::addNote(
    const CommandContext& context, qint64 interactionId, const QString& text)
{
    return runCommand(context, 201, [&] {
        Database& db = m_store.db();
        Statement& exists = db.cached("SELECT count(*) FROM interactions WHERE id = ?");
        exists.bind(1, interactionId);
        const bool found = exists.step() && exists.int64(0) > 0;
        exists.reset();
        if (!found)
            throw ApiError::notFound(QStringLiteral("Interaction %1").arg(interactionId));
        Statement& author = db.cached("SELECT coalesce(a.display_name, u.login) FROM users u "
                                      "LEFT JOIN agents a ON a.id = u.agent_id WHERE u.login = ?");
        author.bind(1, context.login);
        const QString authorName = author.step() ? author.text(0) : context.login;
        author.reset();
        // A note sits on the interaction's timeline like a message, but
        // kind = 'note' keeps it internal: it is never shown or sent to the customer.
        db.cached("INSERT INTO messages(interaction_id, sent_at, author, author_name, body, kind) "
                  "VALUES (?, ?, 'agent', ?, ?, 'note')")
            .bind(1, interactionId)
            .bind(2, context.now)
            .bind(3, authorName)
            .bind(4, text)
            .run();
        return recordUpsert(QStringLiteral("message"), db.lastInsertId(), context.now);
    });
}

CommandResult SqliteHubStorage::setDisposition(const CommandContext& context, qint64 interactionId,
    const QString& disposition, const QString& contactReason)
{
    return runCommand(context, 200, [&] {
        Database& db = m_store.db();
        db.cached("UPDATE interactions SET disposition = ?, contact_reason = ?, version = version + 1 WHERE "
                  "id = ?")
            .bind(1, disposition)
            .bind(2, contactReason)
            .bind(3, interactionId)
            .run();
        if (db.changes() == 0)
            throw ApiError::notFound(QStringLiteral("Interaction %1").arg(interactionId));
        return recordUpsert(QStringLiteral("interaction"), interactionId, context.now);
    });
}
