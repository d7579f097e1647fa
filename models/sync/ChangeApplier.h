#pragma once

#include "ChangeBatchResult.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QSet>
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
// The feed is compacted (the hub prunes superseded changes), so a sync from
// an old cursor can meet a child whose parent's only surviving change comes
// pages later. Pages with more to come are therefore applied with foreign
// keys off; the page that reaches the head (more = false) checks the whole
// store and does what ON DELETE would have done to what is still dangling
// (delete or set NULL): the feed is consistent at its head, not in between.
// On pages at the head a reference to a row the store does not have is
// resolved the same way row by row, so such a page never fails on a parent
// the backend no longer sends (outside the history window, say).
//
// History window (setHistoryDays): an interaction that began before the
// window and is not already local is not written, nor are its messages;
// HistoryFetcher brings them in on demand through writeRows().
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

    // Interactions older than this many days are left to HistoryFetcher; 0
    // keeps everything.
    void setHistoryDays(int days) { m_historyDays = days; }
    int historyDays() const { return m_historyDays; }

    // Rows from another read of the backend (HistoryFetcher: a customer's
    // older interactions), in the feed's JSON form, written through the same
    // checks and upserts as the feed but outside the history window and
    // without touching the cursor. One transaction.
    ChangeBatchResult writeRows(const QString& entity, const QJsonArray& rows);

    // Starts (or restarts after a crash) a full resync: cursor 0, marker set.
    void beginResync();
    bool isResyncing();

    static qint64 storedCursor(Database& db);
    static QString stateValue(Database& db, const char* key);
    static void setStateValue(Database& db, const char* key, const QString& value);

private:
    struct Column
    {
        QString name;
        QString key; // camelCase JSON key
        enum class Kind { Integer, Real, Text } kind;
        bool notNull;
        int parent = -1; // index in m_tables of the table a foreign key points at
    };
    struct Table
    {
        QString entity;
        QString name;
        QList<Column> columns;
        bool versioned = false;
        int versionIndex = -1;
        int timeIndex = -1; // offered_at / sent_at: what the history window looks at
        int idIndex = -1; // not in updateSql's SET list
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
    // What write() needs to know about the page it is part of.
    struct PageContext
    {
        bool atHead = false; // more = false: references must resolve now
        qint64 historyCutoff = 0; // UTC seconds; 0 = no window
        QHash<int, QSet<qint64>> upserted; // table index -> ids the page writes
    };

    void loadSchema();
    std::optional<Parsed> parseChange(const QJsonValue& value, QString* error, int* skipped) const;
    void write(const Parsed& change, const PageContext& page, ChangeBatchResult& result);
    bool rowExists(int table, qint64 id);
    bool outsideWindow(const Parsed& change, const PageContext& page);
    void repairDanglingReferences(ChangeBatchResult& result);
    void sweepUnseen(ChangeBatchResult& result);

    Database& m_db;
    QList<Table> m_tables;
    QHash<QString, int> m_byEntity;
    std::optional<bool> m_resyncing;
    int m_historyDays = 0;
};
