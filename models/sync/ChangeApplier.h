#pragma once

#include "ChangeBatchResult.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

class Database;

// Writes the backend's change feed into the local store. One page is one
// transaction together with the new cursor (sync_state 'cursor'), so a crash
// leaves either the whole page and its cursor or neither: no gap, no
// duplicate (CouchDB's checkpoint-after-batch rule).
//
// The store has the hub's domain schema, and the hub serialises rows from the
// live schema (every column under its camelCase name), so applying is
// generic: each table's columns come from PRAGMA table_info. A field the store
// has no column for (a newer hub) is ignored; a column with no field, a wrong
// JSON type or a NULL for a NOT NULL column makes the page malformed, and a
// malformed page writes nothing. Upserts are idempotent: a row is written only
// if its version is at least the stored one. A tombstone deletes the row;
// ON DELETE CASCADE removes what hangs off it, and the customer search index
// is refreshed for every customer whose row or identities changed, so an
// erased customer leaves no trace. Foreign keys are deferred to the commit
// because a page may carry a child before its parent.
//
// After 410 (cursor expired) the engine resyncs from 0: beginResync() marks
// every row the feed delivers, and the last page of the resync deletes the
// rows it did not deliver (entities deleted while the cursor was too old to
// see their tombstones). The outbox is not touched.
class ChangeApplier
{
public:
    explicit ChangeApplier(Database& db);

    ChangeBatchResult applyPage(const QByteArray& json);
    ChangeBatchResult applyPage(const QJsonObject& page);
    // One change from the live stream, applied as a one-change page whose
    // cursor is its seq; only valid when seq follows the stored cursor.
    ChangeBatchResult applyChange(const QJsonObject& change);

    // Starts (or restarts after a crash) a full resync: cursor 0, marker set.
    void beginResync();
    bool isResyncing();

    static qint64 storedCursor(Database& db);
    static QString stateValue(Database& db, const char* key);
    static void setStateValue(Database& db, const char* key, const QString& value);

    // The feed's entity names and the tables they live in, parents first.
    static const QList<QPair<QString, QString>>& entityTables();

private:
    struct Column
    {
        QString name;
        QString key; // camelCase JSON key
        enum class Kind { Integer, Real, Text } kind;
        bool notNull;
    };
    struct Table
    {
        QString entity;
        QString name;
        QList<Column> columns;
        bool versioned = false;
        int versionIndex = -1;
        QByteArray insertSql, updateSql, selectSql, deleteSql;
    };
    using Value = std::variant<std::monostate, qint64, double, QString>;
    struct Parsed
    {
        qint64 seq = 0;
        const Table* table = nullptr;
        qint64 id = 0;
        bool isDelete = false;
        QList<Value> values;
    };

    void loadSchema();
    std::optional<Parsed> parseChange(const QJsonValue& value, QString* error, int* skipped) const;
    void write(const Parsed& change, ChangeBatchResult& result);
    void sweepUnseen(ChangeBatchResult& result);

    Database& m_db;
    QList<Table> m_tables;
    QHash<QString, int> m_byEntity;
    std::optional<bool> m_resyncing;
};
