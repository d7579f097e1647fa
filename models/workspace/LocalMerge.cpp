#include "LocalMerge.h"

#include "store/CustomerSearchIndex.h"
#include "store/Database.h"
#include "store/StoreError.h"

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

QJsonObject LocalMerge::merge(Database& db, qint64 survivorId, qint64 mergedId)
{
    const QByteArrayList columns = customerColumns(db);
    QByteArrayList parts;
    for (const QByteArray& column : columns)
        parts << "'" + column + "', " + column;
    const QByteArray rowSql = "SELECT json_object(" + parts.join(", ") + ") FROM customers WHERE id = ?";
    Statement& row = db.cached(rowSql.constData());
    row.bind(1, mergedId);
    if (!row.step()) {
        row.reset();
        throw StoreError(QStringLiteral("Customer %1 is not in the local store.").arg(mergedId));
    }
    const QJsonObject mergedRow = QJsonDocument::fromJson(row.text(0).toUtf8()).object();
    row.reset();

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
        { QStringLiteral("mergedId"), mergedId }, { QStringLiteral("row"), mergedRow },
        { QStringLiteral("moved"), moved } };
    redo(db, record);
    saveRecord(db, record);
    return record;
}

void LocalMerge::redo(Database& db, const QJsonObject& record)
{
    const qint64 survivorId = record.value(QStringLiteral("survivorId")).toInteger();
    const qint64 mergedId = record.value(QStringLiteral("mergedId")).toInteger();
    moveRows(db, record.value(QStringLiteral("moved")).toObject(), mergedId, survivorId);
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
