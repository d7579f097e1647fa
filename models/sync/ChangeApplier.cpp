#include "ChangeApplier.h"

#include "WireFormat.h"

#include "SyncLogging.h"
#include "store/CustomerSearchIndex.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <limits>
#include <simdjson.h>

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

const QString kCustomers = QStringLiteral("customers");
const QString kIdentities = QStringLiteral("identities");
const QString kInteractions = QStringLiteral("interactions");
const QString kMessages = QStringLiteral("messages");
constexpr qint64 kSecondsPerDay = 86'400;

// Foreign keys cannot be switched inside a transaction: this wraps one.
class ForeignKeysOff
{
public:
    ForeignKeysOff(Database& db, bool off)
        : m_db(db)
        , m_off(off)
    {
        if (m_off)
            m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff()
    {
        if (m_off)
            m_db.exec("PRAGMA foreign_keys = ON");
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& m_db;
    bool m_off;
};

// A JSON number that is a whole number a double holds exactly (the feed's
// producers may write 5 as 5.0).
bool isInteger(const element& value, qint64* out)
{
    switch (value.type()) {
    case element_type::INT64: {
        int64_t n = 0;
        if (value.get_int64().get(n))
            return false;
        *out = qint64(n);
        return true;
    }
    case element_type::DOUBLE: {
        double d = 0;
        if (value.get_double().get(d) || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
            return false;
        *out = qint64(d);
        return true;
    }
    default:
        return false;
    }
}

bool field(const simdjson::dom::object& object, std::string_view key, element* out)
{
    return !object.at_key(key).get(*out);
}

QString utf8(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

} // namespace

ChangeApplier::ChangeApplier(Database& db)
    : m_db(db)
    , m_parser(std::make_unique<simdjson::dom::parser>())
{
    loadSchema();
    // A resync cut short by a crash starts over: the seen set was in memory.
    if (stateValue(m_db, "resync") == QLatin1String("1"))
        beginResync();
}

ChangeApplier::~ChangeApplier() = default;

void ChangeApplier::loadSchema()
{
    for (const auto& [entity, tableName] : WireFormat::entityTables()) {
        Table table;
        table.entity = entity;
        table.entityUtf8 = entity.toStdString();
        table.name = tableName;
        table.nameUtf8 = tableName.toUtf8();
        // PRAGMA cannot take a bound table name; the names are our constants.
        const QByteArray sql = "SELECT name, type, \"notnull\" FROM pragma_table_info('" + table.nameUtf8 + "') ORDER BY cid";
        Statement st(m_db.handle(), sql.constData());
        while (st.step()) {
            Column column;
            column.name = st.text(0);
            column.key = WireFormat::jsonKey(column.name).toStdString();
            const QString type = st.text(1).toUpper();
            column.kind = type.contains(QLatin1String("INT")) ? Column::Kind::Integer
                : (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA"))
                      || type.contains(QLatin1String("DOUB")))
                ? Column::Kind::Real
                : Column::Kind::Text;
            // The id is the primary key: never NULL even though SQLite allows it.
            column.notNull = st.integer(2) != 0 || column.name == QLatin1String("id");
            const int index = int(table.columns.size());
            if ((tableName == kInteractions && column.name == QLatin1String("offered_at"))
                || (tableName == kMessages && column.name == QLatin1String("sent_at")))
                table.timeIndex = index;
            if (column.name == QLatin1String("version"))
                table.versionIndex = index;
            if (tableName == kIdentities && column.name == QLatin1String("customer_id"))
                table.customerIndex = index;
            if (column.name == QLatin1String("interaction_id"))
                table.interactionIndex = index;
            table.columns.push_back(std::move(column));
        }
        if (table.columns.empty())
            throw StoreError(QStringLiteral("The store %1 has no table %2 to sync into.").arg(m_db.path(), tableName));
        if (table.columns.front().name != QLatin1String("id"))
            throw StoreError(QStringLiteral("The table %1 of the store %2 does not begin with its id.").arg(tableName, m_db.path()));
        QStringList names, marks, sets, updates;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const QString& name = table.columns[i].name;
            names << name;
            marks << QStringLiteral("?%1").arg(i + 1);
            if (i > 0) {
                sets << QStringLiteral("%1 = excluded.%1").arg(name);
                updates << QStringLiteral("%1 = ?%2").arg(name).arg(i + 1);
            }
        }
        const QString versionGuard = table.versionIndex < 0 ? QString()
            : QStringLiteral(" WHERE excluded.version >= %1.version").arg(tableName);
        // One statement whether the row is new or not, and the version guard
        // inside it: a replay of an older state changes nothing.
        const QByteArray upsert = QStringLiteral("INSERT INTO %1(%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4%5")
                                      .arg(tableName, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')),
                                          sets.join(QLatin1Char(',')), versionGuard)
                                      .toUtf8();
        // When another row holds one of the row's unique values, these
        // replace that row (same binds): it is older than the feed (an
        // identity that moved to another customer while our cursor was stale).
        const QByteArray insert = QStringLiteral("INSERT OR REPLACE INTO %1(%2) VALUES (%3)")
                                      .arg(tableName, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))
                                      .toUtf8();
        const QByteArray update = QStringLiteral("UPDATE OR REPLACE %1 SET %2 WHERE id = ?1%3")
                                      .arg(tableName, updates.join(QLatin1Char(',')),
                                          table.versionIndex < 0
                                              ? QString()
                                              : QStringLiteral(" AND version <= ?%1").arg(table.versionIndex + 1))
                                      .toUtf8();
        table.upsert = std::make_unique<Statement>(m_db.handle(), upsert.constData());
        table.insert = std::make_unique<Statement>(m_db.handle(), insert.constData());
        table.update = std::make_unique<Statement>(m_db.handle(), update.constData());
        table.remove = std::make_unique<Statement>(m_db.handle(), "DELETE FROM " + table.nameUtf8 + " WHERE id = ?");
        table.exists = std::make_unique<Statement>(m_db.handle(), "SELECT 1 FROM " + table.nameUtf8 + " WHERE id = ?");
        if (tableName == kIdentities) {
            // UNIQUE(kind, network, value): who holds a value a row brings.
            for (const char* name : { "kind", "network", "value" })
                for (std::size_t i = 0; i < table.columns.size(); ++i)
                    if (table.columns[i].name == QLatin1String(name))
                        table.uniqueColumns.push_back(int(i));
            if (table.uniqueColumns.size() == 3)
                table.holders = std::make_unique<Statement>(
                    m_db.handle(), "SELECT customer_id FROM identities WHERE kind = ? AND network = ? AND value = ? AND id <> ?");
        }
        if (table.customerIndex >= 0 || table.interactionIndex >= 0) {
            // What the rows a page touches referred to before it, in one read.
            const QByteArray before = "SELECT id, " + QByteArray(table.customerIndex >= 0 ? "customer_id" : "NULL") + ", "
                + QByteArray(table.interactionIndex >= 0 ? "interaction_id" : "NULL") + " FROM " + table.nameUtf8
                + " WHERE id IN (SELECT value FROM json_each(?))";
            table.before = std::make_unique<Statement>(m_db.handle(), before.constData());
            table.highest = std::make_unique<Statement>(m_db.handle(), "SELECT coalesce(max(id), 0) FROM " + table.nameUtf8);
        }
        m_tables.push_back(std::move(table));
    }
    // Foreign keys once every table is known (social_activity points at itself).
    for (Table& table : m_tables) {
        Statement st(m_db.handle(), "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
        st.bind(1, table.name);
        while (st.step()) {
            const QString from = st.text(0), parent = st.text(1);
            for (Column& column : table.columns) {
                if (column.name != from)
                    continue;
                for (std::size_t i = 0; i < m_tables.size(); ++i)
                    if (m_tables[i].name == parent)
                        column.parent = int(i);
            }
        }
    }
}

qint64 ChangeApplier::storedCursor(Database& db) { return stateValue(db, "cursor").toLongLong(); }

QString ChangeApplier::stateValue(Database& db, const char* key)
{
    Statement& st = db.cached("SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    const QString value = st.step() ? st.text(0) : QString();
    st.reset();
    return value;
}

void ChangeApplier::setStateValue(Database& db, const char* key, const QString& value)
{
    db.cached("INSERT INTO sync_state(key, value, updated_at) VALUES (?, ?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        .bind(1, key)
        .bind(2, value)
        .bind(3, QDateTime::currentSecsSinceEpoch())
        .run();
}

void ChangeApplier::beginResync()
{
    // The seen set lives in a TEMP table of this connection: it is as long
    // lived as the marker's meaning ("since this resync began"); after a
    // restart the marker makes the engine begin again from 0.
    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS sync_seen(tbl TEXT NOT NULL, id INTEGER NOT NULL, "
              "PRIMARY KEY(tbl, id)) WITHOUT ROWID");
    Transaction tx(m_db);
    m_db.exec("DELETE FROM temp.sync_seen");
    setStateValue(m_db, "cursor", QStringLiteral("0"));
    setStateValue(m_db, "resync", QStringLiteral("1"));
    tx.commit();
    m_resyncing = true;
}

bool ChangeApplier::isResyncing()
{
    if (!m_resyncing)
        m_resyncing = stateValue(m_db, "resync") == QLatin1String("1");
    return *m_resyncing;
}

void ChangeApplier::beginPage()
{
    m_changes.clear();
    m_values.clear();
    m_texts.clear();
}

ChangeBatchResult ChangeApplier::applyPage(const QByteArray& json, const PageChecked& checked)
{
    ChangeBatchResult result;
    beginPage();
    element document;
    if (const auto error = m_parser->parse(json.constData(), std::size_t(json.size())).get(document)) {
        result.error = QStringLiteral("the change page is not JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(error)));
        return result;
    }
    simdjson::dom::object page;
    simdjson::dom::array changes;
    element changesValue, nextValue, moreValue;
    qint64 next = 0;
    bool more = false;
    if (document.get_object().get(page) || !field(page, "changes", &changesValue) || changesValue.get_array().get(changes)
        || !field(page, "next", &nextValue) || !isInteger(nextValue, &next) || next < 0 || !field(page, "more", &moreValue)
        || moreValue.get_bool().get(more)) {
        result.error = QStringLiteral("the change page lacks changes, next or more");
        return result;
    }
    // Everything is checked before anything is written.
    m_changes.reserve(changes.size());
    qint64 highest = 0;
    for (const element change : changes) {
        if (!readChange(change, &result.error))
            return result;
        highest = std::max(highest, m_changes.back().seq);
    }
    if (next < highest) {
        result.error = QStringLiteral("the page's next (%1) is below its last change (%2)").arg(next).arg(highest);
        return result;
    }
    if (checked) {
        PageHeader header { next, more, std::nullopt };
        element floorValue;
        qint64 floor = 0;
        if (field(page, "floor", &floorValue) && isInteger(floorValue, &floor))
            header.floor = floor;
        checked(header);
    }
    return apply(next, more, result);
}

ChangeBatchResult ChangeApplier::applyChanges(const QList<QByteArray>& changes, qint64 first)
{
    // One parse for the lot: the texts are joined into a page. Each must
    // then have been exactly one change with the seq its event said, so a
    // text that is not one JSON object cannot shape the page.
    QByteArray json = QByteArrayLiteral("{\"changes\":[");
    for (const QByteArray& change : changes) {
        if (json.size() > 12)
            json += ',';
        json += change;
    }
    const qint64 last = first + changes.size() - 1;
    json += "],\"next\":" + QByteArray::number(last) + ",\"more\":false}";
    ChangeBatchResult result;
    beginPage();
    element document;
    simdjson::dom::object page;
    simdjson::dom::array array;
    if (m_parser->parse(json.constData(), std::size_t(json.size())).get(document) || document.get_object().get(page)
        || page.size() != 3 || page["changes"].get_array().get(array) || array.size() != std::size_t(changes.size())) {
        result.error = QStringLiteral("the live changes %1 to %2 are not one JSON change each").arg(first).arg(last);
        return result;
    }
    for (const element change : array) {
        if (!readChange(change, &result.error))
            return result;
        const qint64 expected = first + qint64(m_changes.size()) - 1;
        if (m_changes.back().seq != expected) {
            result.error = QStringLiteral("the event %1 carries change %2").arg(expected).arg(m_changes.back().seq);
            return result;
        }
    }
    return apply(last, false, result);
}

bool ChangeApplier::readChange(const element& value, QString* error)
{
    simdjson::dom::object change;
    if (value.get_object().get(change)) {
        *error = QStringLiteral("a change is not an object");
        return false;
    }
    Change parsed;
    element seq, entity, id, op;
    if (!field(change, "seq", &seq) || !isInteger(seq, &parsed.seq) || parsed.seq <= 0) {
        *error = QStringLiteral("a change has no valid seq");
        return false;
    }
    std::string_view entityName, opName;
    if (!field(change, "entity", &entity) || entity.get_string().get(entityName) || !field(change, "id", &id)
        || !isInteger(id, &parsed.id) || parsed.id <= 0 || !field(change, "op", &op) || op.get_string().get(opName)) {
        *error = QStringLiteral("change %1 lacks a valid entity, id or op").arg(parsed.seq);
        return false;
    }
    if (opName == "delete") {
        parsed.isDelete = true;
    } else if (opName != "upsert") {
        *error = QStringLiteral("change %1 has an unknown op \"%2\"").arg(parsed.seq).arg(utf8(opName));
        return false;
    }
    const auto table = std::find_if(
        m_tables.cbegin(), m_tables.cend(), [entityName](const Table& t) { return t.entityUtf8 == entityName; });
    if (table == m_tables.cend()) {
        // An entity a newer hub added: nothing of ours refers to it.
        qCDebug(lcSync) << "skipping change" << parsed.seq << "of unknown entity" << utf8(entityName);
        m_changes.push_back(parsed);
        return true;
    }
    parsed.table = int(table - m_tables.cbegin());
    parsed.values = m_values.size();
    if (!parsed.isDelete) {
        element data;
        if (!field(change, "data", &data) || data.type() != element_type::OBJECT) {
            *error = QStringLiteral("upsert %1 has no data object").arg(parsed.seq);
            return false;
        }
        if (!readColumns(m_tables[std::size_t(parsed.table)], data, parsed, error))
            return false;
    }
    m_changes.push_back(parsed);
    return true;
}

bool ChangeApplier::readColumns(Table& table, const element& data, const Change& change, QString* error)
{
    const std::size_t count = table.columns.size();
    m_values.resize(change.values + count);
    Value* values = m_values.data() + change.values;
    // Which columns got a value: a field may repeat, a column must not be missing.
    std::vector<char>& seen = m_seen;
    seen.assign(count, 0);
    std::size_t found = 0;
    std::size_t position = 0;
    const auto fail = [&](const Column& column, const char* why) {
        *error = QStringLiteral("%1 %2 (change %3): \"%4\" %5")
                     .arg(table.entity)
                     .arg(change.id)
                     .arg(change.seq)
                     .arg(QString::fromStdString(column.key), QLatin1String(why));
        return false;
    };
    simdjson::dom::object object;
    if (data.get_object().get(object))
        return false; // checked by the caller
    for (const simdjson::dom::key_value_pair field : object) {
        // The guess from the last row first, then a search.
        int index = position < table.fieldOrder.size() ? table.fieldOrder[position] : -1;
        if (index < 0 || table.columns[std::size_t(index)].key != field.key) {
            index = -1;
            for (std::size_t i = 0; i < count; ++i) {
                if (table.columns[i].key == field.key) {
                    index = int(i);
                    break;
                }
            }
            if (position >= table.fieldOrder.size())
                table.fieldOrder.resize(position + 1, -1);
            table.fieldOrder[position] = index;
        }
        ++position;
        if (index < 0)
            continue; // a field of a newer hub
        const Column& column = table.columns[std::size_t(index)];
        Value& value = values[index];
        if (!seen[std::size_t(index)]) {
            seen[std::size_t(index)] = 1;
            ++found;
        }
        const element v = field.value;
        if (v.is_null()) {
            if (column.notNull)
                return fail(column, "is null");
            value = std::monostate {};
            continue;
        }
        switch (column.kind) {
        case Column::Kind::Integer: {
            qint64 integer = 0;
            bool flag = false;
            if (!v.get_bool().get(flag)) // yes/no columns travel as JSON booleans
                value = qint64(flag ? 1 : 0);
            else if (isInteger(v, &integer))
                value = integer;
            else
                return fail(column, "is not an integer");
            break;
        }
        case Column::Kind::Real: {
            double real = 0;
            if (!v.is_number() || v.get_double().get(real))
                return fail(column, "is not a number");
            value = real;
            break;
        }
        case Column::Kind::Text: {
            std::string_view text;
            if (!v.get_string().get(text))
                value = text;
            else if (v.is_object() || v.is_array()) // JSON columns (crm_fields) travel as objects
                value = std::string_view(m_texts.emplace_back(simdjson::minify(v)));
            else
                return fail(column, "is not a string");
            break;
        }
        }
    }
    if (found < count) {
        for (std::size_t i = 0; i < count; ++i)
            if (!seen[i])
                return fail(table.columns[i], "is missing");
    }
    if (const auto* rowId = std::get_if<qint64>(&values[0]); !rowId || *rowId != change.id) {
        // Column 0 is id in every domain table.
        *error = QStringLiteral("change %1: data.id does not match id %2").arg(change.seq).arg(change.id);
        return false;
    }
    return true;
}

ChangeBatchResult ChangeApplier::apply(qint64 next, bool more, ChangeBatchResult result)
{
    for (const Change& change : m_changes)
        if (change.table < 0)
            ++result.skipped;
    PageContext context;
    context.atHead = !more;
    if (m_historyDays > 0)
        context.historyCutoff = QDateTime::currentSecsSinceEpoch() - m_historyDays * kSecondsPerDay;
    try {
        context.resyncing = isResyncing();
        if (context.atHead || context.historyCutoff) {
            for (const Change& change : m_changes) {
                if (change.table >= 0 && !change.isDelete && !outsideWindow(change, context))
                    context.upserted[change.table].insert(change.id);
            }
        }
        readBefore(context);
        // Before the head a parent may still be on its way (see the class comment).
        const ForeignKeysOff foreignKeys(m_db, !context.atHead);
        Transaction tx(m_db);
        m_db.exec("PRAGMA defer_foreign_keys = ON"); // reset by SQLite at commit
        // A first sync into an empty store leaves the customer search index
        // to its last page, which builds it in one ordered pass: page by
        // page, each customer's entry would be written again for every page
        // that brings one of its identities. The mark is stored with the
        // pages, so a sync that resumes after a crash still builds the index
        // at the end; searches meanwhile find what was indexed before (nothing).
        bool searchDeferred = stateValue(m_db, "search_deferred") == QLatin1String("1");
        if (!searchDeferred && more && storedCursor(m_db) == 0
            && m_db.scalar("SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1)") == 0) {
            searchDeferred = true;
            setStateValue(m_db, "search_deferred", QStringLiteral("1"));
        }
        for (const Change& change : m_changes)
            if (change.table >= 0)
                write(change, context, result);
        if (context.resyncing && context.atHead)
            sweepUnseen(result);
        if (!context.atHead) {
            setStateValue(m_db, "unchecked_references", QStringLiteral("1"));
        } else if (stateValue(m_db, "unchecked_references") == QLatin1String("1")) {
            repairDanglingReferences(result);
            setStateValue(m_db, "unchecked_references", QStringLiteral("0"));
        }
        // Derived data in the same transaction as the rows it comes from;
        // update() removes the entry of a customer that no longer exists.
        if (searchDeferred) {
            if (context.atHead) {
                CustomerSearchIndex::rebuild(m_db);
                setStateValue(m_db, "search_deferred", QStringLiteral("0"));
            }
        } else {
            QList<qint64> customers(result.customerIds.cbegin(), result.customerIds.cend());
            std::sort(customers.begin(), customers.end());
            for (const qint64 customerId : std::as_const(customers))
                CustomerSearchIndex::update(m_db, customerId);
        }
        setStateValue(m_db, "cursor", QString::number(next));
        setStateValue(m_db, "last_sync_at", QString::number(QDateTime::currentSecsSinceEpoch()));
        tx.commit();
        if (context.resyncing && context.atHead)
            m_resyncing = false;
    } catch (const StoreError& error) {
        ChangeBatchResult failed;
        failed.error = QStringLiteral("the page could not be stored: %1").arg(error.message());
        return failed;
    }
    result.ok = true;
    result.cursor = next;
    result.more = more;
    return result;
}

void ChangeApplier::readBefore(PageContext& page)
{
    page.before.resize(m_tables.size());
    std::vector<qint64> lowest(m_tables.size(), std::numeric_limits<qint64>::max());
    for (const Change& change : m_changes)
        if (change.table >= 0)
            lowest[std::size_t(change.table)] = std::min(lowest[std::size_t(change.table)], change.id);
    for (std::size_t i = 0; i < m_tables.size(); ++i) {
        const Table& table = m_tables[i];
        if (!table.before || lowest[i] == std::numeric_limits<qint64>::max())
            continue;
        // A page of rows newer than any stored one (an initial sync: the
        // feed sends ids in ascending order) has nothing to read.
        Statement& highest = *table.highest;
        const qint64 stored = highest.step() ? highest.int64(0) : 0;
        highest.reset();
        if (lowest[i] > stored)
            continue;
        QByteArray ids;
        for (const Change& change : m_changes) {
            if (change.table != int(i))
                continue;
            ids += ids.isEmpty() ? '[' : ',';
            ids += QByteArray::number(change.id);
        }
        ids += ']';
        Statement& st = *table.before;
        st.bindStatic(1, std::string_view(ids.constData(), std::size_t(ids.size())));
        while (st.step())
            page.before[i].emplace(st.int64(0), Before { st.optInt64(1), st.optInt64(2) });
        st.reset();
    }
}

bool ChangeApplier::rowExists(int table, qint64 id)
{
    Statement& st = *m_tables[std::size_t(table)].exists;
    st.bind(1, id);
    const bool exists = st.step();
    st.reset();
    return exists;
}

bool ChangeApplier::outsideWindow(const Change& change, const PageContext& page)
{
    const Table& table = m_tables[std::size_t(change.table)];
    if (!page.historyCutoff || table.timeIndex < 0)
        return false;
    const Value* values = m_values.data() + change.values;
    const auto* time = std::get_if<qint64>(&values[table.timeIndex]);
    if (!time || *time >= page.historyCutoff)
        return false;
    // Old history the store already holds (HistoryFetcher brought it in)
    // stays current; only what is not local is left out.
    if (table.name == kInteractions)
        return !rowExists(change.table, change.id);
    // A message older than the window belongs to an interaction older than
    // the window: written only if that interaction is, or is about to be, local.
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        const auto* parentId = std::get_if<qint64>(&values[i]);
        if (column.parent >= 0 && m_tables[std::size_t(column.parent)].name == kInteractions && parentId)
            return !page.upserted.value(column.parent).contains(*parentId) && !rowExists(column.parent, *parentId);
    }
    return false;
}

void ChangeApplier::write(const Change& change, const PageContext& page, ChangeBatchResult& result)
{
    const Table& table = m_tables[std::size_t(change.table)];
    if (!change.isDelete && outsideWindow(change, page)) {
        ++result.skipped; // older than the history window: HistoryFetcher's business
        return;
    }
    const Value* values = m_values.data() + change.values;
    if (!change.isDelete && page.atHead) {
        // At the head every parent has been sent: one the store does not have
        // is outside the window or gone, and ON DELETE says what that means.
        bool copied = false;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const Column& column = table.columns[i];
            const auto* parentId = std::get_if<qint64>(&values[i]);
            if (column.parent < 0 || !parentId || page.upserted.value(column.parent).contains(*parentId)
                || rowExists(column.parent, *parentId))
                continue;
            if (column.notNull) {
                ++result.skipped;
                return;
            }
            if (!copied) {
                m_resolved.assign(values, values + table.columns.size());
                copied = true;
            }
            m_resolved[i] = std::monostate {};
        }
        if (copied)
            values = m_resolved.data();
    }

    const bool isCustomer = table.name == kCustomers;
    if (const auto before = page.before[std::size_t(change.table)].find(change.id);
        before != page.before[std::size_t(change.table)].end()) {
        if (before->second.customer)
            result.customerIds.insert(*before->second.customer);
        if (before->second.interaction)
            result.interactionIds.insert(*before->second.interaction);
    }
    if (table.name == kInteractions)
        result.interactionIds.insert(change.id);
    if (isCustomer)
        result.customerIds.insert(change.id);

    if (change.isDelete) {
        if (isCustomer) {
            // Their cascade-deleted interactions must leave the open views too.
            Statement& st = m_db.cached("SELECT id FROM interactions WHERE customer_id = ?");
            st.bind(1, change.id);
            while (st.step())
                result.interactionIds.insert(st.int64(0));
            st.reset();
        }
        table.remove->bind(1, change.id).run();
        if (m_db.changes() > 0)
            ++result.applied;
        else
            ++result.skipped;
        return;
    }

    if (page.resyncing)
        m_db.cached("INSERT OR IGNORE INTO temp.sync_seen(tbl, id) VALUES (?, ?)").bind(1, table.nameUtf8.constData()).bind(2, change.id).run();
    const auto bindAll = [&](Statement& st) {
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            bindValue(st, int(i) + 1, values[i]);
    };
    bindAll(*table.upsert);
    if (!table.upsert->runUnlessUnique()) {
        if (table.holders) {
            // The customer who had the value loses it from the search index.
            for (std::size_t i = 0; i < table.uniqueColumns.size(); ++i)
                bindValue(*table.holders, int(i) + 1, values[table.uniqueColumns[i]]);
            table.holders->bind(int(table.uniqueColumns.size()) + 1, change.id);
            while (table.holders->step())
                result.customerIds.insert(table.holders->int64(0));
            table.holders->reset();
        }
        Statement& replace = rowExists(change.table, change.id) ? *table.update : *table.insert;
        bindAll(replace);
        replace.run();
    }
    if (m_db.changes() == 0) {
        ++result.skipped; // a replay of an older state
        return;
    }
    ++result.applied;

    if (table.customerIndex >= 0)
        if (const auto* customer = std::get_if<qint64>(&values[table.customerIndex]))
            result.customerIds.insert(*customer);
    if (table.interactionIndex >= 0 && table.name != QLatin1String("tickets") && table.name != QLatin1String("callbacks"))
        if (const auto* interaction = std::get_if<qint64>(&values[table.interactionIndex]))
            result.interactionIds.insert(*interaction);
}

void ChangeApplier::bindValue(Statement& st, int index, const Value& value)
{
    if (const auto* n = std::get_if<qint64>(&value))
        st.bind(index, *n);
    else if (const auto* d = std::get_if<double>(&value))
        st.bind(index, *d);
    else if (const auto* s = std::get_if<std::string_view>(&value))
        st.bindStatic(index, *s);
    else
        st.bindNull(index);
}

void ChangeApplier::sweepUnseen(ChangeBatchResult& result)
{
    // Children first, so the cascade has less to do and the ids we report
    // are the ones that really went.
    for (auto it = m_tables.crbegin(); it != m_tables.crend(); ++it) {
        const bool identities = it->name == kIdentities;
        const QByteArray sql = "DELETE FROM " + it->nameUtf8
            + " WHERE id NOT IN (SELECT id FROM temp.sync_seen WHERE tbl = ?) RETURNING id, "
            + (identities ? "customer_id" : "NULL");
        Statement& st = m_db.cached(sql.constData());
        st.bind(1, it->name);
        int removed = 0;
        while (st.step()) {
            ++removed;
            if (it->name == kCustomers)
                result.customerIds.insert(st.int64(0));
            else if (identities)
                result.customerIds.insert(st.int64(1));
            else if (it->name == kInteractions)
                result.interactionIds.insert(st.int64(0));
        }
        st.reset();
        if (removed)
            qCInfo(lcSync) << "resync removed" << removed << "rows of" << it->name << "that the backend no longer has";
    }
    m_db.exec("DELETE FROM temp.sync_seen");
    setStateValue(m_db, "resync", QStringLiteral("0"));
}

void ChangeApplier::repairDanglingReferences(ChangeBatchResult& result)
{
    // What ON DELETE would have done had the parents been there with foreign
    // keys on: the parent is not at the head of the feed, so it is gone (or
    // outside the history window). A few passes, since a SET NULL or DELETE
    // cannot create a new dangling reference but a cascade may expose one
    // the check listed under another table.
    for (int pass = 0; pass < 4; ++pass) {
        struct Fix
        {
            QString table;
            qint64 rowid;
            QString column;
            bool remove;
        };
        QList<Fix> fixes;
        {
            Statement check(m_db.handle(), "PRAGMA foreign_key_check");
            while (check.step()) {
                Fix fix { check.text(0), check.int64(1), QString(), true };
                Statement& key = m_db.cached(
                    "SELECT f.\"from\", f.on_delete, t.\"notnull\" FROM pragma_foreign_key_list(?1) f "
                    "JOIN pragma_table_info(?1) t ON t.name = f.\"from\" WHERE f.id = ?2");
                key.bind(1, fix.table).bind(2, check.int64(3));
                if (key.step()) {
                    fix.column = key.text(0);
                    fix.remove = key.text(1) != QLatin1String("SET NULL") || key.integer(2) != 0;
                }
                key.reset();
                fixes.append(fix);
            }
        }
        if (fixes.isEmpty())
            return;
        qCInfo(lcSync) << "resolving" << fixes.size() << "references to rows the backend no longer sends";
        for (const Fix& fix : std::as_const(fixes)) {
            // Names come from SQLite's own catalogue, not from the backend.
            const QByteArray table = fix.table.toUtf8();
            if (fix.table == kInteractions)
                result.interactionIds.insert(fix.rowid);
            if (fix.table == kIdentities) {
                Statement& owner = m_db.cached("SELECT customer_id FROM identities WHERE rowid = ?");
                owner.bind(1, fix.rowid);
                if (owner.step())
                    result.customerIds.insert(owner.int64(0));
                owner.reset();
            }
            if (fix.remove) {
                m_db.cached(QByteArray("DELETE FROM " + table + " WHERE rowid = ?").constData()).bind(1, fix.rowid).run();
            } else {
                m_db.cached(QByteArray("UPDATE " + table + " SET \"" + fix.column.toUtf8() + "\" = NULL WHERE rowid = ?")
                                .constData())
                    .bind(1, fix.rowid)
                    .run();
            }
        }
    }
}

ChangeBatchResult ChangeApplier::writeRows(const QString& entity, const QJsonArray& rows)
{
    ChangeBatchResult result;
    beginPage();
    // The rows in the shape of feed changes, so they pass the same checks.
    QJsonArray changes;
    for (const QJsonValue& row : rows) {
        const QJsonObject data = row.toObject();
        changes.append(QJsonObject { { QStringLiteral("seq"), 1 }, { QStringLiteral("entity"), entity },
            { QStringLiteral("id"), data.value(QStringLiteral("id")) }, { QStringLiteral("op"), QStringLiteral("upsert") },
            { QStringLiteral("data"), data } });
    }
    const QByteArray json = QJsonDocument(changes).toJson(QJsonDocument::Compact);
    simdjson::dom::array list;
    if (m_parser->parse(json.constData(), std::size_t(json.size())).get_array().get(list)) {
        result.error = QStringLiteral("the rows could not be read");
        return result;
    }
    for (const element change : list) {
        if (!readChange(change, &result.error))
            return result;
        if (m_changes.back().table < 0) {
            result.error = QStringLiteral("the store has no table for %1 rows").arg(entity);
            return result;
        }
    }
    PageContext context;
    context.atHead = true; // a direct read is the backend's current state
    for (const Change& change : m_changes)
        context.upserted[change.table].insert(change.id);
    try {
        context.resyncing = isResyncing();
        readBefore(context);
        Transaction tx(m_db);
        m_db.exec("PRAGMA defer_foreign_keys = ON");
        for (const Change& change : m_changes)
            write(change, context, result);
        for (const qint64 customerId : std::as_const(result.customerIds))
            CustomerSearchIndex::update(m_db, customerId);
        tx.commit();
    } catch (const StoreError& error) {
        ChangeBatchResult failed;
        failed.error = QStringLiteral("the rows could not be stored: %1").arg(error.message());
        return failed;
    }
    result.ok = true;
    result.cursor = storedCursor(m_db);
    return result;
}
