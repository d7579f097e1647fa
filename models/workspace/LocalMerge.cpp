#include "LocalMerge.h"

#include "identity/MergeFields.h"
#include "store/CustomerSearchIndex.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "sync/WireFormat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Every table whose rows belong to a customer, as the hub's merge moves them.
const char* const kOwnedTables[] { "identities", "interactions", "tickets", "social_activity", "callbacks" };

QString recordKey(qint64 mergedId)
{
    return QStringLiteral("merge:%1").arg(mergedId);
}

// Sets the survivor's columns the record's "fields" took from the duplicate
// to their values in the record's row named `source` (the duplicate's row to
// merge, the survivor's own row before it to undo).
void setTakenFields(Database& db, qint64 survivorId, const QJsonObject& record, const QString& source, qint64 updatedAt)
{
    const QJsonObject fields = record.value(QStringLiteral("fields")).toObject();
    QByteArrayList assignments;
    // Column names come from the schema, never from the record.
    for (const QString& column : MergeFields::columns(db)) {
        if (fields.value(WireFormat::jsonKey(column)).toString() == MergeFields::sideKey(MergeFields::Side::Merged))
            assignments << column.toUtf8() + " = json_extract(?1, '$." + column.toUtf8() + "')";
    }
    if (assignments.isEmpty())
        return;
    const QByteArray sql = "UPDATE customers SET " + assignments.join(", ") + ", updated_at = ?2 WHERE id = ?3";
    db.cached(sql.constData())
        .bind(1, QString::fromUtf8(QJsonDocument(record.value(source).toObject()).toJson(QJsonDocument::Compact)))
        .bind(2, updatedAt)
        .bind(3, survivorId)
        .run();
}

QByteArrayList customerColumns(Database& db)
{
    Statement st(db.handle(), "SELECT name FROM pragma_table_info('customers') ORDER BY cid");
    QByteArrayList columns;
    while (st.step())
        columns << st.text(0).toUtf8();
    return columns;
}

QString idsJson(const QJsonArray& ids)
{
    return QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
}

// Moves the listed rows of every owned table from one customer to the other.
void moveRows(Database& db, const QJsonObject& moved, qint64 from, qint64 to)
{
    for (const char* table : kOwnedTables) {
        const QJsonArray ids = moved.value(QLatin1String(table)).toArray();
        if (ids.isEmpty())
            continue;
        const QByteArray sql = QByteArray("UPDATE ") + table
            + " SET customer_id = ?1 WHERE customer_id = ?2 AND id IN (SELECT value FROM json_each(?3))";
        db.cached(sql.constData()).bind(1, to).bind(2, from).bind(3, idsJson(ids)).run();
    }
}

} // namespace

QJsonObject LocalMerge::merge(Database& db, qint64 survivorId, qint64 mergedId, const QJsonObject& fields)
{
    const std::optional<QJsonObject> mergedRow = MergeFields::row(db, mergedId);
    if (!mergedRow)
        throw StoreError(QStringLiteral("Customer %1 is not in the local store.").arg(mergedId));
    const std::optional<QJsonObject> survivorRow = MergeFields::row(db, survivorId);
    if (!survivorRow)
        throw StoreError(QStringLiteral("Customer %1 is not in the local store.").arg(survivorId));

    QJsonObject moved;
    for (const char* table : kOwnedTables) {
        QJsonArray ids;
        const QByteArray sql = QByteArray("SELECT id FROM ") + table + " WHERE customer_id = ? ORDER BY id";
        Statement& st = db.cached(sql.constData());
        st.bind(1, mergedId);
        while (st.step())
            ids.append(st.int64(0));
        st.reset();
        moved.insert(QLatin1String(table), ids);
    }
    const QJsonObject record { { QStringLiteral("survivorId"), survivorId },
        { QStringLiteral("mergedId"), mergedId }, { QStringLiteral("row"), *mergedRow },
        { QStringLiteral("survivorRow"), *survivorRow },
        { QStringLiteral("fields"), MergeFields::resolve(db, *survivorRow, *mergedRow, fields) },
        { QStringLiteral("moved"), moved }, { QStringLiteral("mergedAt"), QDateTime::currentSecsSinceEpoch() } };
    redo(db, record);
    saveRecord(db, record);
    return record;
}

void LocalMerge::redo(Database& db, const QJsonObject& record)
{
    const qint64 survivorId = record.value(QStringLiteral("survivorId")).toInteger();
    const qint64 mergedId = record.value(QStringLiteral("mergedId")).toInteger();
    moveRows(db, record.value(QStringLiteral("moved")).toObject(), mergedId, survivorId);
    // The survivor takes the duplicate's values the agent kept; updated_at says
    // it changed, the version stays so the backend's copy of the merge replaces it.
    setTakenFields(db, survivorId, record, QStringLiteral("row"), QDateTime::currentSecsSinceEpoch());
    db.cached("DELETE FROM customers WHERE id = ?").bind(1, mergedId).run();
    CustomerSearchIndex::remove(db, mergedId);
    CustomerSearchIndex::update(db, survivorId);
}

void LocalMerge::undo(Database& db, const QJsonObject& record)
{
    const qint64 survivorId = record.value(QStringLiteral("survivorId")).toInteger();
    const qint64 mergedId = record.value(QStringLiteral("mergedId")).toInteger();
    Statement& present = db.cached("SELECT count(*) FROM customers WHERE id = ?");
    present.bind(1, mergedId);
    const bool exists = present.step() && present.int64(0) > 0;
    present.reset();
    if (!exists) {
        const QByteArrayList columns = customerColumns(db);
        QByteArrayList values;
        for (const QByteArray& column : columns)
            values << "json_extract(?1, '$." + column + "')";
        const QByteArray sql
            = "INSERT INTO customers(" + columns.join(", ") + ") VALUES (" + values.join(", ") + ")";
        const QJsonObject row = record.value(QStringLiteral("row")).toObject();
        db.cached(sql.constData())
            .bind(1, QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)))
            .run();
    }
    moveRows(db, record.value(QStringLiteral("moved")).toObject(), survivorId, mergedId);
    // The fields the survivor took go back to their values before the merge, as on the hub.
    const QJsonObject before = record.value(QStringLiteral("survivorRow")).toObject();
    if (!before.isEmpty())
        setTakenFields(db, survivorId, record, QStringLiteral("survivorRow"),
            before.value(QStringLiteral("updated_at")).toInteger());
    CustomerSearchIndex::update(db, mergedId);
    CustomerSearchIndex::update(db, survivorId);
}

std::optional<QJsonObject> LocalMerge::record(Database& db, qint64 mergedId)
{
    Statement& st = db.cached("SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, recordKey(mergedId));
    std::optional<QJsonObject> found;
    if (st.step())
        found = QJsonDocument::fromJson(st.text(0).toUtf8()).object();
    st.reset();
    return found;
}

QList<QJsonObject> LocalMerge::recordsInto(Database& db, qint64 survivorId)
{
    // A merge whose undo is on its way is not undoable twice.
    Statement& st = db.cached(
        "SELECT value FROM sync_state WHERE key LIKE 'merge:%' AND json_extract(value, '$.survivorId') = ? "
        "AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity_kind = 'merge' AND command = 'customer.unmerge' "
        "AND entity_id = substr(sync_state.key, 7)) "
        "ORDER BY json_extract(value, '$.mergedAt') DESC, key DESC");
    st.bind(1, survivorId);
    QList<QJsonObject> records;
    while (st.step())
        records << QJsonDocument::fromJson(st.text(0).toUtf8()).object();
    st.reset();
    return records;
}

void LocalMerge::saveRecord(Database& db, const QJsonObject& record)
{
    db.cached("INSERT INTO sync_state(key, value, updated_at) VALUES (?, ?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        .bind(1, recordKey(record.value(QStringLiteral("mergedId")).toInteger()))
        .bind(2, QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)))
        .bind(3, QDateTime::currentSecsSinceEpoch())
        .run();
}

void LocalMerge::dropRecord(Database& db, qint64 mergedId)
{
    db.cached("DELETE FROM sync_state WHERE key = ?").bind(1, recordKey(mergedId)).run();
}
