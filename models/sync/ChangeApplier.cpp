#include "ChangeApplier.h"

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

QString camelCase(const QString& column)
{
    QString key;
    bool upper = false;
    for (const QChar c : column) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        key += upper ? c.toUpper() : c;
        upper = false;
    }
    return key;
}

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

const QList<QPair<QString, QString>>& ChangeApplier::entityTables()
{
    // The hub's EntityCatalog names, in its dependency order.
    static const QList<QPair<QString, QString>> tables {
        { QStringLiteral("site"), QStringLiteral("sites") },
        { QStringLiteral("queue"), QStringLiteral("queues") },
        { QStringLiteral("agent"), QStringLiteral("agents") },
        { QStringLiteral("customer"), kCustomers },
        { QStringLiteral("identity"), kIdentities },
        { QStringLiteral("interaction"), kInteractions },
        { QStringLiteral("message"), QStringLiteral("messages") },
        { QStringLiteral("ticket"), QStringLiteral("tickets") },
        { QStringLiteral("socialActivity"), QStringLiteral("social_activity") },
        { QStringLiteral("knowledgeArticle"), QStringLiteral("knowledge_articles") },
        { QStringLiteral("callback"), QStringLiteral("callbacks") },
    };
    return tables;
}

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
    for (const auto& [entity, tableName] : entityTables()) {
        Table table;
        table.entity = entity;
        table.name = tableName;
        // PRAGMA cannot take a bound table name; the names are our constants.
        const QByteArray sql = "SELECT name, type, \"notnull\" FROM pragma_table_info('" + tableName.toUtf8() + "') ORDER BY cid";
        Statement st(m_db.handle(), sql.constData());
        while (st.step()) {
            Column column;
            column.name = st.text(0);
            column.key = camelCase(column.name);
            const QString type = st.text(1).toUpper();
            column.kind = type.contains(QLatin1String("INT")) ? Column::Kind::Integer
                : (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA"))
                      || type.contains(QLatin1String("DOUB")))
                ? Column::Kind::Real
                : Column::Kind::Text;
            // The id is the primary key: never NULL even though SQLite allows it.
            column.notNull = st.integer(2) != 0 || column.name == QLatin1String("id");
            if (column.name == QLatin1String("version")) {
                table.versioned = true;
                table.versionIndex = int(table.columns.size());
            }
            table.columns.append(column);
        }
        if (table.columns.isEmpty())
            throw StoreError(QStringLiteral("The store %1 has no table %2 to sync into.").arg(m_db.path(), tableName));
        QStringList names, marks, sets;
        for (const Column& column : table.columns) {
            names << column.name;
            marks << QStringLiteral("?");
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
    try {
        const bool resyncing = isResyncing();
        Transaction tx(m_db);
        m_db.exec("PRAGMA defer_foreign_keys = ON"); // reset by SQLite at commit
        for (const Parsed& change : parsed)
            write(change, result);
        if (resyncing && !more.toBool())
            sweepUnseen(result);
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

void ChangeApplier::write(const Parsed& change, ChangeBatchResult& result)
{
    const Table& table = *change.table;
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
    for (const Value& value : change.values) {
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
        const auto* value = std::get_if<qint64>(&change.values.at(i));
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
