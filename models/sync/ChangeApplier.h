#pragma once

#include "ChangeBatchResult.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

class Database;
class Statement;
namespace simdjson::dom {
class element;
class parser;
}

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
// malformed page writes nothing. Upserts are idempotent: one INSERT ... ON
// CONFLICT(id) DO UPDATE per row that changes a stored row only if the
// incoming version is at least the stored one. A tombstone deletes the row;
// ON DELETE CASCADE removes what hangs off it, and the customer search index
// is refreshed for every customer whose row or identities changed, so an
// erased customer leaves no trace (a first sync into an empty store builds
// the index once, in the transaction of its last page). Foreign keys are
// deferred to the commit because a page may carry a child before its parent.
//
// Pages are parsed with simdjson (Qt's JSON classes took a third of the
// time of applying a page) and written from the parser's UTF-8 without
// copies; the statements are prepared once per table.
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
    ~ChangeApplier();
    ChangeApplier(const ChangeApplier&) = delete;
    ChangeApplier& operator=(const ChangeApplier&) = delete;

    // What a page says about itself, known once it has been read and checked.
    struct PageHeader
    {
        qint64 next = 0;
        bool more = false;
        std::optional<qint64> floor; // a walk from 0: the feed's scan floor, if the backend sends one
    };
    // Called when the page has been read and checked, before anything is
    // written: the engine asks for the next page then, so the backend
    // prepares it while this one is being written.
    using PageChecked = std::function<void(const PageHeader&)>;
    ChangeBatchResult applyPage(const QByteArray& json, const PageChecked& checked = {});
    // Changes from the live stream (each one's JSON text) whose seqs run
    // first, first + 1, ... without a hole, applied as one page whose cursor
    // is the last one's seq; only valid when first follows the stored cursor.
    ChangeBatchResult applyChanges(const QList<QByteArray>& changes, qint64 first);

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
        std::string key; // camelCase JSON key
        enum class Kind { Integer, Real, Text } kind;
        bool notNull;
        int parent = -1; // index in m_tables of the table a foreign key points at
    };
    struct Table
    {
        QString entity;
        std::string entityUtf8;
        QString name;
        QByteArray nameUtf8;
        std::vector<Column> columns;
        int versionIndex = -1;
        int timeIndex = -1; // offered_at / sent_at: what the history window looks at
        int customerIndex = -1; // identities.customer_id
        int interactionIndex = -1; // interaction_id, where there is one
        // Column index of the n-th field of the last object read: the hub
        // writes every row of a table with its keys in the same order.
        std::vector<int> fieldOrder;
        std::unique_ptr<Statement> upsert, insert, update, remove, exists, before, highest;
        // identities: the columns of UNIQUE(kind, network, value), and who holds them.
        std::vector<int> uniqueColumns;
        std::unique_ptr<Statement> holders;
    };
    // A field's value, pointing into the parser's memory (or m_texts).
    using Value = std::variant<std::monostate, qint64, double, std::string_view>;
    struct Change
    {
        qint64 seq = 0;
        int table = -1; // -1: an entity this build does not know
        qint64 id = 0;
        bool isDelete = false;
        std::size_t values = 0; // offset of its columns' values in m_values
    };
    // Old references of rows the page touches, read before it is written.
    struct Before
    {
        std::optional<qint64> customer, interaction;
    };
    // What write() needs to know about the page it is part of.
    struct PageContext
    {
        bool atHead = false; // more = false: references must resolve now
        bool resyncing = false;
        qint64 historyCutoff = 0; // UTC seconds; 0 = no window
        QHash<int, QSet<qint64>> upserted; // table index -> ids the page writes (window and head checks only)
        std::vector<std::unordered_map<qint64, Before>> before; // by table index
    };

    void loadSchema();
    void beginPage();
    bool readChange(const simdjson::dom::element& value, QString* error);
    bool readColumns(Table& table, const simdjson::dom::element& data, const Change& change, QString* error);
    ChangeBatchResult apply(qint64 next, bool more, ChangeBatchResult result);
    void readBefore(PageContext& page);
    void write(const Change& change, const PageContext& page, ChangeBatchResult& result);
    static void bindValue(Statement& st, int index, const Value& value);
    bool rowExists(int table, qint64 id);
    bool outsideWindow(const Change& change, const PageContext& page);
    void repairDanglingReferences(ChangeBatchResult& result);
    void sweepUnseen(ChangeBatchResult& result);

    Database& m_db;
    std::vector<Table> m_tables;
    std::optional<bool> m_resyncing;
    int m_historyDays = 0;
    // The page being applied: its parser owns the text m_values points into.
    std::unique_ptr<simdjson::dom::parser> m_parser;
    std::vector<Change> m_changes;
    std::vector<Value> m_values;
    std::vector<Value> m_resolved; // a row's values after head-of-feed repairs
    std::vector<char> m_seen; // columns a row has a field for
    std::deque<std::string> m_texts; // JSON objects stored as text (crm_fields)
};
