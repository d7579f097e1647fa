#include "ChangeApplier.h"

#include "WireFormat.h"

#include "SyncLogging.h"
#include "store/CustomerSearchIndex.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace {

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

bool isInteger(const QJsonValue& value, qint64* out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = value.toInteger(qint64(d));
    return true;
}

} // namespace

ChangeApplier::ChangeApplier(Database& db)
    : m_db(db)
{
    loadSchema();
    // A resync cut short by a crash starts over: the seen set was in memory.
    if (stateValue(m_db, "resync") == QLatin1String("1"))
        beginResync();
}

void ChangeApplier::loadSchema()
{
    for (const auto& [entity, tableName] : WireFormat::entityTables()) {
        Table table;
        table.entity = entity;
        table.name = tableName;
        // PRAGMA cannot take a bound table name; the names are our constants.
        const QByteArray sql = "SELECT name, type, \"notnull\" FROM pragma_table_info('" + tableName.toUtf8() + "') ORDER BY cid";
        Statement st(m_db.handle(), sql.constData());
        while (st.step()) {
            Column column;
            column.name = st.text(0);
            column.key = WireFormat::jsonKey(column.name);
            const QString type = st.text(1).toUpper();
            column.kind = type.contains(QLatin1String("INT")) ? Column::Kind::Integer
                : (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA"))
                      || type.contains(QLatin1String("DOUB")))
                ? Column::Kind::Real
                : Column::Kind::Text;
            // The id is the primary key: never NULL even though SQLite allows it.
            column.notNull = st.integer(2) != 0 || column.name == QLatin1String("id");
            if ((tableName == kInteractions && column.name == QLatin1String("offered_at"))
                || (tableName == kMessages && column.name == QLatin1String("sent_at")))
                table.timeIndex = int(table.columns.size());
            if (column.name == QLatin1String("version")) {
                table.versioned = true;
                table.versionIndex = int(table.columns.size());
            }
            table.columns.append(column);
        }
        if (table.columns.isEmpty())
            throw StoreError(QStringLiteral("The store %1 has no table %2 to sync into.").arg(m_db.path(), tableName));
        QStringList names, marks, sets;
        for (int i = 0; i < table.columns.size(); ++i) {
            const Column& column = table.columns.at(i);
            names << column.name;
            marks << QStringLiteral("?");
            // Setting id, even to itself, makes SQLite treat the row as a
            // changed parent key and scan every child table for references
            // (interactions.agent_id has no index): an agent's state change
            // would read the whole interaction history.
            if (column.name == QLatin1String("id"))
                table.idIndex = i;
            else
                sets << column.name + QStringLiteral(" = ?");
        }
        const auto has = [&table](const char* name) {
            for (const Column& column : table.columns)
                if (column.name == QLatin1String(name))
                    return true;
            return false;
        };
        // OR REPLACE: the id was checked first, so what REPLACE removes is an
        // older row holding the same unique value (an identity that moved to
        // another customer while our cursor was stale): the feed wins.
        table.insertSql = QStringLiteral("INSERT OR REPLACE INTO %1(%2) VALUES (%3)")
                              .arg(tableName, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))
                              .toUtf8();
        table.updateSql
            = QStringLiteral("UPDATE OR REPLACE %1 SET %2 WHERE id = ?").arg(tableName, sets.join(QLatin1Char(','))).toUtf8();
        table.selectSql = QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE id = ?")
                              .arg(table.versioned ? QStringLiteral("version") : QStringLiteral("0"),
                                  has("customer_id") ? QStringLiteral("customer_id") : QStringLiteral("NULL"),
                                  has("interaction_id") ? QStringLiteral("interaction_id") : QStringLiteral("NULL"),
                                  tableName)
                              .toUtf8();
        table.deleteSql = QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(tableName).toUtf8();
        m_byEntity.insert(entity, int(m_tables.size()));
        m_tables.append(table);
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
                for (int i = 0; i < m_tables.size(); ++i)
                    if (m_tables.at(i).name == parent)
                        column.parent = i;
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

ChangeBatchResult ChangeApplier::applyPage(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        ChangeBatchResult result;
        result.error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the change page is not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset)
            : QStringLiteral("the change page is not a JSON object");
        return result;
    }
    return applyPage(document.object());
}

ChangeBatchResult ChangeApplier::applyChange(const QJsonObject& change)
{
    const QJsonValue seq = change.value(QStringLiteral("seq"));
    return applyPage(QJsonObject { { QStringLiteral("changes"), QJsonArray { change } },
        { QStringLiteral("next"), seq }, { QStringLiteral("more"), false } });
}

std::optional<ChangeApplier::Parsed> ChangeApplier::parseChange(const QJsonValue& value, QString* error, int* skipped) const
{
    if (!value.isObject()) {
        *error = QStringLiteral("a change is not an object");
        return std::nullopt;
    }
    const QJsonObject change = value.toObject();
    Parsed parsed;
    qint64 id = 0;
    if (!isInteger(change.value(QStringLiteral("seq")), &parsed.seq) || parsed.seq <= 0) {
        *error = QStringLiteral("a change has no valid seq");
        return std::nullopt;
    }
    const QJsonValue entity = change.value(QStringLiteral("entity"));
    const QJsonValue op = change.value(QStringLiteral("op"));
    if (!entity.isString() || !isInteger(change.value(QStringLiteral("id")), &id) || id <= 0 || !op.isString()) {
        *error = QStringLiteral("change %1 lacks a valid entity, id or op").arg(parsed.seq);
        return std::nullopt;
    }
    parsed.id = id;
    if (op.toString() == QLatin1String("delete")) {
        parsed.isDelete = true;
    } else if (op.toString() != QLatin1String("upsert")) {
        *error = QStringLiteral("change %1 has an unknown op \"%2\"").arg(parsed.seq).arg(op.toString());
        return std::nullopt;
    }
    const auto table = m_byEntity.constFind(entity.toString());
    if (table == m_byEntity.cend()) {
        // An entity a newer hub added: nothing of ours refers to it.
        ++*skipped;
        qCDebug(lcSync) << "skipping change" << parsed.seq << "of unknown entity" << entity.toString();
        return Parsed {};
    }
    parsed.table = &m_tables.at(*table);
    if (parsed.isDelete)
        return parsed;
    const QJsonValue dataValue = change.value(QStringLiteral("data"));
    if (!dataValue.isObject()) {
        *error = QStringLiteral("upsert %1 has no data object").arg(parsed.seq);
        return std::nullopt;
    }
    const QJsonObject data = dataValue.toObject();
    for (const Column& column : parsed.table->columns) {
        const auto field = data.constFind(column.key);
        const auto fail = [&](const QString& why) {
            *error = QStringLiteral("%1 %2 (change %3): \"%4\" %5")
                         .arg(parsed.table->entity)
                         .arg(id)
                         .arg(parsed.seq)
                         .arg(column.key, why);
        };
        if (field == data.constEnd()) {
            fail(QStringLiteral("is missing"));
            return std::nullopt;
        }
        const QJsonValue v = *field;
        if (v.isNull()) {
            if (column.notNull) {
                fail(QStringLiteral("is null"));
                return std::nullopt;
            }
            parsed.values.append(std::monostate {});
            continue;
        }
        qint64 integer = 0;
        switch (column.kind) {
        case Column::Kind::Integer:
            if (v.isBool()) // yes/no columns travel as JSON booleans
                parsed.values.append(qint64(v.toBool() ? 1 : 0));
            else if (isInteger(v, &integer))
                parsed.values.append(integer);
            else {
                fail(QStringLiteral("is not an integer"));
                return std::nullopt;
            }
            break;
        case Column::Kind::Real:
            if (!v.isDouble()) {
                fail(QStringLiteral("is not a number"));
                return std::nullopt;
            }
            parsed.values.append(v.toDouble());
            break;
        case Column::Kind::Text:
            if (v.isString())
                parsed.values.append(v.toString());
            else if (v.isObject()) // JSON columns (crm_fields) travel as objects
                parsed.values.append(QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
            else if (v.isArray())
                parsed.values.append(QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)));
            else {
                fail(QStringLiteral("is not a string"));
                return std::nullopt;
            }
            break;
        }
    }
    if (const Value& rowId = parsed.values.at(0); !std::holds_alternative<qint64>(rowId) || std::get<qint64>(rowId) != id) {
        // Column 0 is id in every domain table.
        *error = QStringLiteral("change %1: data.id does not match id %2").arg(parsed.seq).arg(id);
        return std::nullopt;
    }
    return parsed;
}

ChangeBatchResult ChangeApplier::applyPage(const QJsonObject& page)
{
    ChangeBatchResult result;
    const QJsonValue changes = page.value(QStringLiteral("changes"));
    qint64 next = 0;
    const QJsonValue more = page.value(QStringLiteral("more"));
    if (!changes.isArray() || !isInteger(page.value(QStringLiteral("next")), &next) || next < 0 || !more.isBool()) {
        result.error = QStringLiteral("the change page lacks changes, next or more");
        return result;
    }
    // Everything is checked before anything is written.
    QList<Parsed> parsed;
    const QJsonArray list = changes.toArray();
    parsed.reserve(list.size());
    qint64 highest = 0;
    for (const QJsonValue& value : list) {
        std::optional<Parsed> change = parseChange(value, &result.error, &result.skipped);
        if (!change)
            return result;
        highest = std::max(highest, change->seq);
        if (change->table)
            parsed.append(std::move(*change));
    }
    if (next < highest) {
        result.error = QStringLiteral("the page's next (%1) is below its last change (%2)").arg(next).arg(highest);
        return result;
    }
    PageContext context;
    context.atHead = !more.toBool();
    if (m_historyDays > 0)
        context.historyCutoff = QDateTime::currentSecsSinceEpoch() - m_historyDays * kSecondsPerDay;
    try {
        for (const Parsed& change : parsed) {
            if (!change.isDelete && !outsideWindow(change, context))
                context.upserted[int(change.table - m_tables.constData())].insert(change.id);
        }
        const bool resyncing = isResyncing();
        // Before the head a parent may still be on its way (see the class comment).
        const ForeignKeysOff foreignKeys(m_db, !context.atHead);
        Transaction tx(m_db);
        m_db.exec("PRAGMA defer_foreign_keys = ON"); // reset by SQLite at commit
        for (const Parsed& change : parsed)
            write(change, context, result);
        if (resyncing && context.atHead)
            sweepUnseen(result);
        if (!context.atHead) {
            setStateValue(m_db, "unchecked_references", QStringLiteral("1"));
        } else if (stateValue(m_db, "unchecked_references") == QLatin1String("1")) {
            repairDanglingReferences(result);
            setStateValue(m_db, "unchecked_references", QStringLiteral("0"));
        }
        // Derived data in the same transaction as the rows it comes from;
        // update() removes the entry of a customer that no longer exists.
        for (const qint64 customerId : std::as_const(result.customerIds))
            CustomerSearchIndex::update(m_db, customerId);
        setStateValue(m_db, "cursor", QString::number(next));
        setStateValue(m_db, "last_sync_at", QString::number(QDateTime::currentSecsSinceEpoch()));
        tx.commit();
        if (resyncing && !more.toBool())
            m_resyncing = false;
    } catch (const StoreError& error) {
        ChangeBatchResult failed;
        failed.error = QStringLiteral("the page could not be stored: %1").arg(error.message());
        return failed;
    }
    result.ok = true;
    result.cursor = next;
    result.more = more.toBool();
    return result;
}

bool ChangeApplier::rowExists(int table, qint64 id)
{
    Statement& st = m_db.cached(m_tables.at(table).selectSql.constData());
    st.bind(1, id);
    const bool exists = st.step();
    st.reset();
    return exists;
}

bool ChangeApplier::outsideWindow(const Parsed& change, const PageContext& page)
{
    const Table& table = *change.table;
    if (!page.historyCutoff || table.timeIndex < 0)
        return false;
    const auto* time = std::get_if<qint64>(&change.values.at(table.timeIndex));
    if (!time || *time >= page.historyCutoff)
        return false;
    // Old history the store already holds (HistoryFetcher brought it in)
    // stays current; only what is not local is left out.
    const int self = int(change.table - m_tables.constData());
    if (table.name == kInteractions)
        return !rowExists(self, change.id);
    // A message older than the window belongs to an interaction older than
    // the window: written only if that interaction is, or is about to be, local.
    for (int i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns.at(i);
        const auto* parentId = std::get_if<qint64>(&change.values.at(i));
        if (column.parent >= 0 && m_tables.at(column.parent).name == kInteractions && parentId)
            return !page.upserted.value(column.parent).contains(*parentId) && !rowExists(column.parent, *parentId);
    }
    return false;
}

void ChangeApplier::write(const Parsed& change, const PageContext& page, ChangeBatchResult& result)
{
    const Table& table = *change.table;
    if (!change.isDelete && outsideWindow(change, page)) {
        ++result.skipped; // older than the history window: HistoryFetcher's business
        return;
    }
    QList<Value> resolved;
    if (!change.isDelete && page.atHead) {
        // At the head every parent has been sent: one the store does not have
        // is outside the window or gone, and ON DELETE says what that means.
        for (int i = 0; i < table.columns.size(); ++i) {
            const Column& column = table.columns.at(i);
            const auto* parentId = std::get_if<qint64>(&change.values.at(i));
            if (column.parent < 0 || !parentId || page.upserted.value(column.parent).contains(*parentId)
                || rowExists(column.parent, *parentId))
                continue;
            if (column.notNull) {
                ++result.skipped;
                return;
            }
            if (resolved.isEmpty())
                resolved = change.values;
            resolved[i] = std::monostate {};
        }
    }
    const QList<Value>& values = resolved.isEmpty() ? change.values : resolved;
    Statement& select = m_db.cached(table.selectSql.constData());
    select.bind(1, change.id);
    const bool exists = select.step();
    const qint64 storedVersion = exists ? select.int64(0) : 0;
    const std::optional<qint64> oldCustomer = exists ? select.optInt64(1) : std::nullopt;
    const std::optional<qint64> oldInteraction = exists ? select.optInt64(2) : std::nullopt;
    select.reset();

    const bool isCustomer = table.name == kCustomers;
    if (table.name == kIdentities && oldCustomer)
        result.customerIds.insert(*oldCustomer);
    if (oldInteraction)
        result.interactionIds.insert(*oldInteraction);
    if (table.name == kInteractions)
        result.interactionIds.insert(change.id);
    if (isCustomer)
        result.customerIds.insert(change.id);

    if (change.isDelete) {
        if (!exists) {
            ++result.skipped;
            return;
        }
        if (isCustomer) {
            // Their cascade-deleted interactions must leave the open views too.
            Statement& st = m_db.cached("SELECT id FROM interactions WHERE customer_id = ?");
            st.bind(1, change.id);
            while (st.step())
                result.interactionIds.insert(st.int64(0));
            st.reset();
        }
        m_db.cached(table.deleteSql.constData()).bind(1, change.id).run();
        ++result.applied;
        return;
    }

    if (isResyncing())
        m_db.cached("INSERT OR IGNORE INTO temp.sync_seen(tbl, id) VALUES (?, ?)").bind(1, table.name).bind(2, change.id).run();
    if (exists && table.versioned) {
        const qint64 incoming = std::get<qint64>(change.values.at(table.versionIndex));
        if (incoming < storedVersion) {
            ++result.skipped; // a replay of an older state
            return;
        }
    }
    Statement& st = m_db.cached(exists ? table.updateSql.constData() : table.insertSql.constData());
    int index = 1;
    for (int column = 0; column < values.size(); ++column) {
        if (exists && column == table.idIndex)
            continue; // bound last, in WHERE
        const Value& value = values.at(column);
        if (const auto* i = std::get_if<qint64>(&value))
            st.bind(index, *i);
        else if (const auto* d = std::get_if<double>(&value))
            st.bind(index, *d);
        else if (const auto* s = std::get_if<QString>(&value))
            st.bind(index, s->isNull() ? QStringLiteral("") : *s);
        else
            st.bindNull(index);
        ++index;
    }
    if (exists)
        st.bind(index, change.id);
    st.run();
    ++result.applied;

    for (int i = 0; i < table.columns.size(); ++i) {
        const auto* value = std::get_if<qint64>(&values.at(i));
        if (!value)
            continue;
        if (table.name == kIdentities && table.columns.at(i).name == QLatin1String("customer_id"))
            result.customerIds.insert(*value);
        else if (table.columns.at(i).name == QLatin1String("interaction_id") && table.name != QLatin1String("tickets")
            && table.name != QLatin1String("callbacks"))
            result.interactionIds.insert(*value);
    }
}

void ChangeApplier::sweepUnseen(ChangeBatchResult& result)
{
    // Children first, so the cascade has less to do and the ids we report
    // are the ones that really went.
    for (auto it = m_tables.crbegin(); it != m_tables.crend(); ++it) {
        const bool identities = it->name == kIdentities;
        const QByteArray sql = "DELETE FROM " + it->name.toUtf8()
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
    QList<Parsed> parsed;
    parsed.reserve(rows.size());
    PageContext context;
    context.atHead = true; // a direct read is the backend's current state
    for (const QJsonValue& row : rows) {
        // The row in the shape of a feed change, so it passes the same checks.
        const QJsonObject data = row.toObject();
        const QJsonObject change { { QStringLiteral("seq"), 1 }, { QStringLiteral("entity"), entity },
            { QStringLiteral("id"), data.value(QStringLiteral("id")) }, { QStringLiteral("op"), QStringLiteral("upsert") },
            { QStringLiteral("data"), data } };
        std::optional<Parsed> one = parseChange(change, &result.error, &result.skipped);
        if (!one)
            return result;
        if (!one->table) {
            result.error = QStringLiteral("the store has no table for %1 rows").arg(entity);
            return result;
        }
        context.upserted[int(one->table - m_tables.constData())].insert(one->id);
        parsed.append(std::move(*one));
    }
    try {
        Transaction tx(m_db);
        m_db.exec("PRAGMA defer_foreign_keys = ON");
        for (const Parsed& change : parsed)
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
