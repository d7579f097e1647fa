#include "LocalEffects.h"

#include "LocalMerge.h"
#include "store/CustomerSearchIndex.h"
#include "store/Database.h"
#include "sync/OutboxEntry.h"
#include "sync/SyncLogging.h"
#include "sync/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {

// The tables agents' actions write to; nothing else is ever named by a "local" block.
const QStringList kLocalTables { QStringLiteral("agents"), QStringLiteral("interactions"),
    QStringLiteral("messages"), QStringLiteral("tickets"), QStringLiteral("callbacks"),
    QStringLiteral("identities") };

QSet<QString> columnsOf(Database& db, const QString& table)
{
    const QByteArray sql = "SELECT name FROM pragma_table_info('" + table.toUtf8() + "')";
    Statement st(db.handle(), sql.constData());
    QSet<QString> columns;
    while (st.step())
        columns.insert(st.text(0));
    return columns;
}

bool rowExists(Database& db, const QString& table, qint64 id)
{
    const QByteArray sql = "SELECT count(*) FROM " + table.toUtf8() + " WHERE id = ?";
    Statement& st = db.cached(sql.constData());
    st.bind(1, id);
    const bool found = st.step() && st.int64(0) > 0;
    st.reset();
    return found;
}

std::optional<qint64> identityOwner(Database& db, qint64 identityId)
{
    Statement& st = db.cached("SELECT customer_id FROM identities WHERE id = ?");
    st.bind(1, identityId);
    const std::optional<qint64> owner = st.step() ? st.optInt64(0) : std::nullopt;
    st.reset();
    return owner;
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

bool LocalEffects::isLocalTable(const QString& table)
{
    return kLocalTables.contains(table);
}

qint64 LocalEffects::provisionalId(Database& db, const QString& table)
{
    Q_ASSERT(isLocalTable(table));
    const QByteArray sql = "SELECT min(0, coalesce(min(id), 0)) - 1 FROM " + table.toUtf8();
    return db.scalar(sql.constData());
}

QJsonObject LocalEffects::created(const QString& table, qint64 id)
{
    return QJsonObject { { QStringLiteral("table"), table }, { QStringLiteral("id"), id } };
}

QJsonObject LocalEffects::capture(Database& db, const QString& table, qint64 id, const QStringList& columns)
{
    Q_ASSERT(isLocalTable(table));
    QByteArrayList parts;
    for (const QString& column : columns)
        parts << "'" + column.toUtf8() + "', " + column.toUtf8();
    const QByteArray sql = "SELECT json_object(" + parts.join(", ") + "), coalesce(version, 0) FROM "
        + table.toUtf8() + " WHERE id = ?";
    Statement& st = db.cached(sql.constData());
    st.bind(1, id);
    QJsonObject item { { QStringLiteral("table"), table }, { QStringLiteral("id"), id } };
    if (st.step()) {
        item.insert(QStringLiteral("before"), QJsonDocument::fromJson(st.text(0).toUtf8()).object());
        item.insert(QStringLiteral("version"), st.int64(1));
    }
    st.reset();
    return item;
}

void LocalEffects::attach(Database& db) const
{
    // The backend's row for something made here arrives through the feed,
    // often before the answer to the command: it takes the temporary row's
    // place at once (identities must, or the UNIQUE(kind, network, value)
    // constraint would refuse the backend's row).
    db.exec("CREATE TEMP TRIGGER IF NOT EXISTS provisional_identity_yields BEFORE INSERT ON main.identities "
            "WHEN new.id > 0 BEGIN "
            "DELETE FROM identities WHERE id < 0 AND kind = new.kind AND network = new.network "
            "AND value = new.value; END");
    db.exec("CREATE TEMP TRIGGER IF NOT EXISTS provisional_message_yields AFTER INSERT ON main.messages "
            "WHEN new.id > 0 AND new.author = 'agent' BEGIN "
            "DELETE FROM messages WHERE id = (SELECT max(id) FROM main.messages WHERE id < 0 "
            "AND interaction_id = new.interaction_id AND kind = new.kind AND body = new.body); END");
}

void LocalEffects::delivered(Database& db, const OutboxEntry& entry, const QByteArray& response) const
{
    const QJsonObject answer = QJsonDocument::fromJson(response).object();
    const QJsonObject created = entry.local.value(QStringLiteral("created")).toObject();
    if (!created.isEmpty()) {
        const QString table = created.value(QStringLiteral("table")).toString();
        const qint64 provisional = created.value(QStringLiteral("id")).toInteger();
        // The answer is the change the command made: {"entity", "id", "data", ...}.
        QString answeredTable;
        for (const auto& [entity, name] : WireFormat::entityTables()) {
            if (entity == answer.value(QStringLiteral("entity")).toString())
                answeredTable = name;
        }
        const qint64 id = answer.value(QStringLiteral("id")).toInteger();
        if (isLocalTable(table) && answeredTable == table && id > 0 && provisional < 0)
            adopt(db, entry, table, provisional, id);
        else
            qCWarning(lcSync) << "the answer to" << entry.command << "names no" << table << "row; keeping row"
                              << provisional << "until the feed replaces it";
    }
    const qint64 mergedId = entry.local.value(QStringLiteral("merge")).toInteger();
    if (mergedId > 0 && entry.command == QLatin1String("customer.merge")) {
        std::optional<QJsonObject> record = LocalMerge::record(db, mergedId);
        const qint64 mergeId = answer.value(QStringLiteral("mergeId")).toInteger();
        if (record && mergeId > 0) {
            record->insert(QStringLiteral("mergeId"), mergeId);
            LocalMerge::saveRecord(db, *record);
            // An undo queued before the backend numbered the merge learns its number now.
            Statement& later
                = db.cached("SELECT id, payload FROM outbox WHERE entity_kind = 'merge' AND entity_id = ? "
                            "AND command = 'customer.unmerge'");
            later.bind(1, QString::number(mergedId));
            QList<QPair<qint64, QJsonObject>> rewritten;
            while (later.step()) {
                QJsonObject payload = QJsonDocument::fromJson(later.text(1).toUtf8()).object();
                payload.insert(QStringLiteral("path"), QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId));
                rewritten.append({ later.int64(0), payload });
            }
            later.reset();
            for (const auto& [id, payload] : rewritten)
                db.cached("UPDATE outbox SET payload = ? WHERE id = ?")
                    .bind(1, compact(payload))
                    .bind(2, id)
                    .run();
        }
    } else if (mergedId > 0 && entry.command == QLatin1String("customer.unmerge")) {
        LocalMerge::dropRecord(db, mergedId);
    }
}

void LocalEffects::adopt(
    Database& db, const OutboxEntry& entry, const QString& table, qint64 provisional, qint64 id)
{
    const std::optional<qint64> owner
        = table == QLatin1String("identities") ? identityOwner(db, provisional) : std::nullopt;
    if (rowExists(db, table, id)) {
        // The feed was first: the backend's row is here, the temporary one goes.
        const QByteArray sql = "DELETE FROM " + table.toUtf8() + " WHERE id = ?";
        db.cached(sql.constData()).bind(1, provisional).run();
    } else {
        // The backend's row will come with the same id and a version at least
        // as new: the feed's upsert then simply writes over this one.
        const QByteArray sql = "UPDATE " + table.toUtf8() + " SET id = ? WHERE id = ?";
        db.cached(sql.constData()).bind(1, id).bind(2, provisional).run();
    }
    if (owner)
        CustomerSearchIndex::update(db, *owner);

    // Commands queued behind the creation address the row by its temporary
    // id (PATCH /tickets/-3): they now name the backend's.
    const QString from = QString::number(provisional);
    const QString to = QString::number(id);
    Statement& later
        = db.cached("SELECT id, payload FROM outbox WHERE entity_kind = ? AND entity_id = ? AND id <> ?");
    later.bind(1, entry.entityKind).bind(2, from).bind(3, entry.id);
    QList<QPair<qint64, QJsonObject>> rewritten;
    while (later.step()) {
        QJsonObject payload = QJsonDocument::fromJson(later.text(1).toUtf8()).object();
        QStringList segments = payload.value(QStringLiteral("path")).toString().split(QLatin1Char('/'));
        for (QString& segment : segments) {
            if (segment == from)
                segment = to;
        }
        payload.insert(QStringLiteral("path"), segments.join(QLatin1Char('/')));
        QJsonObject local = payload.value(QStringLiteral("local")).toObject();
        QJsonArray updated = local.value(QStringLiteral("updated")).toArray();
        for (QJsonValueRef item : updated) {
            QJsonObject row = item.toObject();
            if (row.value(QStringLiteral("table")).toString() == table
                && row.value(QStringLiteral("id")).toInteger() == provisional) {
                row.insert(QStringLiteral("id"), id);
                item = row;
            }
        }
        if (!updated.isEmpty()) {
            local.insert(QStringLiteral("updated"), updated);
            payload.insert(QStringLiteral("local"), local);
        }
        rewritten.append({ later.int64(0), payload });
    }
    later.reset();
    if (entry.entityId == from) {
        for (const auto& [outboxId, payload] : rewritten) {
            db.cached("UPDATE outbox SET entity_id = ?, payload = ? WHERE id = ?")
                .bind(1, to)
                .bind(2, compact(payload))
                .bind(3, outboxId)
                .run();
        }
    }
}

void LocalEffects::discarded(Database& db, const OutboxEntry& entry) const
{
    const QJsonObject created = entry.local.value(QStringLiteral("created")).toObject();
    if (!created.isEmpty()) {
        const QString table = created.value(QStringLiteral("table")).toString();
        const qint64 provisional = created.value(QStringLiteral("id")).toInteger();
        if (isLocalTable(table) && provisional < 0) {
            const std::optional<qint64> owner
                = table == QLatin1String("identities") ? identityOwner(db, provisional) : std::nullopt;
            const QByteArray sql = "DELETE FROM " + table.toUtf8() + " WHERE id = ?";
            db.cached(sql.constData()).bind(1, provisional).run();
            if (owner)
                CustomerSearchIndex::update(db, *owner);
            // Changes queued for a row that will never exist can never be delivered.
            if (entry.entityId == QString::number(provisional)) {
                db.cached("DELETE FROM outbox WHERE entity_kind = ? AND entity_id = ? AND id <> ?")
                    .bind(1, entry.entityKind)
                    .bind(2, entry.entityId)
                    .bind(3, entry.id)
                    .run();
            }
        }
    }
    const QJsonArray updated = entry.local.value(QStringLiteral("updated")).toArray();
    for (const QJsonValue& item : updated)
        restore(db, item.toObject());

    const qint64 mergedId = entry.local.value(QStringLiteral("merge")).toInteger();
    if (mergedId > 0) {
        if (const std::optional<QJsonObject> record = LocalMerge::record(db, mergedId)) {
            if (entry.command == QLatin1String("customer.merge")) {
                LocalMerge::undo(db, *record);
                LocalMerge::dropRecord(db, mergedId);
            } else if (entry.command == QLatin1String("customer.unmerge")) {
                LocalMerge::redo(db, *record);
            }
        }
    }
}

void LocalEffects::restore(Database& db, const QJsonObject& updated)
{
    const QString table = updated.value(QStringLiteral("table")).toString();
    const QJsonObject before = updated.value(QStringLiteral("before")).toObject();
    if (!isLocalTable(table) || before.isEmpty())
        return;
    const QSet<QString> columns = columnsOf(db, table);
    QByteArrayList assignments;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!columns.contains(it.key()))
            return; // not a block this code wrote: leave the row alone
        assignments << it.key().toUtf8() + " = json_extract(?1, '$." + it.key().toUtf8() + "')";
    }
    // Only the state this command changed: a newer version from the backend stays.
    const QByteArray sql = "UPDATE " + table.toUtf8() + " SET " + assignments.join(", ")
        + " WHERE id = ?2 AND coalesce(version, 0) = ?3";
    db.cached(sql.constData())
        .bind(1, compact(before))
        .bind(2, updated.value(QStringLiteral("id")).toInteger())
        .bind(3, updated.value(QStringLiteral("version")).toInteger())
        .run();
}
