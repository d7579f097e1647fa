#include "CustomerApi.h"

#include "ApiError.h"
#include "CommandRequest.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "JsonInput.h"
#include "SqliteHubStorage.h"
#include "store/CustomerSearchIndex.h"
#include "store/Statement.h"
#include "sync/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

namespace {

bool isSupervisor(const Session& session)
{
    return session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin");
}

QString jsonIds(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();

} // namespace

CustomerApi::CustomerApi(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock)
    : m_storage(storage)
    , m_events(events)
    , m_clock(clock)
{
}

const QList<CustomerApi::Owned>& CustomerApi::ownedTables()
{
    // Every table whose rows belong to a customer (customer_id ... ON DELETE CASCADE).
    static const QList<Owned> tables { { "identity", "identities", false }, { "interaction", "interactions", true },
        { "ticket", "tickets", true }, { "socialActivity", "social_activity", true }, { "callback", "callbacks", true } };
    return tables;
}

ApiAnswer CustomerApi::answer(const CommandResult& result)
{
    if (!result.replayed)
        m_events.publishChanges(result.changes);
    return ApiAnswer { result.status, result.body, result.replayed };
}

void CustomerApi::requireCustomer(qint64 id)
{
    if (!m_storage.store().customer(id))
        throw ApiError::notFound(QStringLiteral("Customer %1").arg(id));
}

QList<qint64> CustomerApi::ids(const QByteArray& sql, qint64 bindValue)
{
    Statement& st = m_storage.db().cached(sql.constData());
    st.bind(1, bindValue);
    QList<qint64> result;
    while (st.step())
        result.append(st.int64(0));
    st.reset();
    return result;
}

QByteArray CustomerApi::rawRowJson()
{
    // json_object of every column as stored (no boolean or JSON conversion),
    // built from the live schema so a column added later is kept too.
    static QByteArray sql;
    if (sql.isEmpty()) {
        Statement st(m_storage.db().handle(), "SELECT name FROM pragma_table_info('customers') ORDER BY cid");
        QByteArrayList parts;
        while (st.step())
            parts << "'" + st.text(0).toUtf8() + "', " + st.text(0).toUtf8();
        sql = "SELECT json_object(" + parts.join(", ") + ") FROM customers WHERE id = ?";
    }
    return sql;
}

QByteArray CustomerApi::restoreSql()
{
    static QByteArray sql;
    if (sql.isEmpty()) {
        Statement st(m_storage.db().handle(), "SELECT name FROM pragma_table_info('customers') ORDER BY cid");
        QByteArrayList columns;
        QByteArrayList values;
        while (st.step()) {
            columns << st.text(0).toUtf8();
            values << "json_extract(?1, '$." + st.text(0).toUtf8() + "')";
        }
        sql = "INSERT INTO customers(" + columns.join(", ") + ") VALUES (" + values.join(", ") + ")";
    }
    return sql;
}

QStringList CustomerApi::mergeableColumns()
{
    static QStringList columns;
    if (columns.isEmpty()) {
        static const QStringList kept { QStringLiteral("id"), QStringLiteral("created_at"),
            QStringLiteral("updated_at"), QStringLiteral("version") };
        Statement st(m_storage.db().handle(), "SELECT name FROM pragma_table_info('customers') ORDER BY cid");
        while (st.step()) {
            if (!kept.contains(st.text(0)))
                columns.append(st.text(0));
        }
    }
    return columns;
}

QString CustomerApi::rawRow(qint64 customerId)
{
    Statement& row = m_storage.db().cached(rawRowJson().constData());
    row.bind(1, customerId);
    const QString json = row.step() ? row.text(0) : QString();
    row.reset();
    return json;
}

ApiAnswer CustomerApi::linkIdentity(const ApiCall& call)
{
    const qint64 customerId = call.ids.at(0);
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const QString kindKey = JsonInput::requiredString(command.body, QStringLiteral("kind"), 20);
    const std::optional<IdentityKind> kind = identityKindFromKey(kindKey);
    if (!kind) {
        throw ApiError::badField(
            QStringLiteral("kind"), QStringLiteral("\"kind\" must be phone, email, social, crm or chat."));
    }
    const QString value = JsonInput::requiredString(command.body, QStringLiteral("value"), 320);
    const QString network = JsonInput::optionalString(command.body, QStringLiteral("network"), 50);
    QString source = JsonInput::optionalString(command.body, QStringLiteral("source"), 50);
    if (source.isEmpty())
        source = QStringLiteral("agent");
    if (*kind == IdentityKind::Social && network.isEmpty())
        throw ApiError::badField(QStringLiteral("network"), QStringLiteral("A social identity needs \"network\"."));
    Store& store = m_storage.store();
    if (!store.normalizer().normalize(*kind, value)) {
        throw ApiError::badField(
            QStringLiteral("value"), QStringLiteral("\"%1\" is not a valid %2.").arg(value, kindKey));
    }
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        requireCustomer(customerId);
        if (const auto owner = store.customerByIdentity(*kind, value, network); owner && *owner != customerId) {
            throw ApiError(409, QStringLiteral("identity_taken"),
                QStringLiteral("This %1 belongs to customer %2; merge the two customers instead.")
                    .arg(kindKey)
                    .arg(*owner),
                QStringLiteral("value"));
        }
        const Identity identity = store.addIdentity(customerId, *kind, value, source, network);
        // An identity that was already linked answers its existing row.
        qint64 id = identity.id;
        if (const auto existing = store.customerByIdentity(*kind, value, network); existing) {
            Statement& st = m_storage.db().cached(
                "SELECT id FROM identities WHERE customer_id = ? AND kind = ? AND network = ? AND value = ?");
            st.bind(1, customerId).bind(2, kindKey).bind(3, identity.network).bind(4, identity.value);
            if (st.step())
                id = st.int64(0);
            st.reset();
        }
        return CommandOutcome { { m_storage.recordUpsert(QStringLiteral("identity"), id, command.context.now) }, {},
            201 };
    });
    return answer(result);
}

ApiAnswer CustomerApi::merge(const ApiCall& call)
{
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const qint64 survivorId = JsonInput::requiredInteger(command.body, QStringLiteral("survivorId"), 1, kMaxId);
    const qint64 mergedId = JsonInput::requiredInteger(command.body, QStringLiteral("mergedId"), 1, kMaxId);
    if (survivorId == mergedId) {
        throw ApiError::badField(
            QStringLiteral("mergedId"), QStringLiteral("A customer cannot be merged into itself."));
    }
    // "fields": {"city": "merged", "tier": "survivor"}, in the feed's names.
    QHash<QString, QString> chosen; // column -> survivor | merged
    {
        const QJsonValue fields = command.body.value(QStringLiteral("fields"));
        if (!fields.isUndefined() && !fields.isNull() && !fields.isObject()) {
            throw ApiError::badField(QStringLiteral("fields"),
                QStringLiteral("\"fields\" must be an object of field names to \"survivor\" or \"merged\"."));
        }
        QHash<QString, QString> columnOf;
        for (const QString& column : mergeableColumns())
            columnOf.insert(WireFormat::jsonKey(column), column);
        const QJsonObject object = fields.toObject();
        for (auto field = object.begin(); field != object.end(); ++field) {
            const QString path = QStringLiteral("fields.") + field.key();
            if (!columnOf.contains(field.key())) {
                QStringList names = columnOf.keys();
                names.sort();
                throw ApiError::badField(path,
                    QStringLiteral("\"%1\" is not a customer field a merge chooses; use %2.")
                        .arg(field.key(), names.join(QStringLiteral(", "))));
            }
            const QString side = field.value().toString();
            if (side != QLatin1String("survivor") && side != QLatin1String("merged"))
                throw ApiError::badField(path, QStringLiteral("\"%1\" must be \"survivor\" or \"merged\".").arg(path));
            chosen.insert(columnOf.value(field.key()), side);
        }
    }
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        requireCustomer(survivorId);
        requireCustomer(mergedId);
        const qint64 now = command.context.now;
        Database& db = m_storage.db();
        const QString survivorRowText = rawRow(survivorId);
        const QString mergedRow = rawRow(mergedId);
        const QJsonObject survivorRow = QJsonDocument::fromJson(survivorRowText.toUtf8()).object();
        const QJsonObject mergedRowJson = QJsonDocument::fromJson(mergedRow.toUtf8()).object();
        // Per field: the agent's choice, else the newest record's value where
        // it has one (an empty field never wins over a value).
        const bool mergedIsNewer = mergedRowJson.value(QStringLiteral("updated_at")).toInteger()
            > survivorRow.value(QStringLiteral("updated_at")).toInteger();
        // No CRM fields ('{}') is as empty as a missing city.
        auto empty = [](const QJsonValue& value) {
            return value.isNull()
                || (value.isString() && (value.toString().isEmpty() || value.toString() == QLatin1String("{}")));
        };
        QJsonObject choices;
        QStringList taken;
        for (const QString& column : mergeableColumns()) {
            const QJsonValue mine = survivorRow.value(column);
            const QJsonValue theirs = mergedRowJson.value(column);
            QString side = chosen.value(column);
            if (side.isEmpty())
                side = (empty(mine) && !empty(theirs)) || (mergedIsNewer && !empty(theirs)) ? QStringLiteral("merged")
                                                                                          : QStringLiteral("survivor");
            choices.insert(WireFormat::jsonKey(column), side);
            if (side == QLatin1String("merged") && mine != theirs)
                taken.append(column);
        }
        QJsonObject moved;
        QList<ChangeRecord> changes;
        if (!taken.isEmpty()) {
            QStringList assignments;
            for (const QString& column : taken)
                assignments.append(QStringLiteral("%1 = json_extract(?1, '$.%1')").arg(column));
            // Column names come from the schema, never from the request.
            Statement update(db.handle(),
                QStringLiteral("UPDATE customers SET %1, updated_at = ?2, version = version + 1 WHERE id = ?3")
                    .arg(assignments.join(QStringLiteral(", ")))
                    .toUtf8()
                    .constData());
            update.bind(1, mergedRow).bind(2, now).bind(3, survivorId);
            update.step();
            changes.append(m_storage.recordUpsert(QStringLiteral("customer"), survivorId, now));
        }
        for (const Owned& owned : ownedTables()) {
            const QList<qint64> rows
                = ids("SELECT id FROM " + QByteArray(owned.table) + " WHERE customer_id = ? ORDER BY id", mergedId);
            moved.insert(QLatin1String(owned.table), QJsonArray::fromVariantList([&] {
                QVariantList list;
                for (qint64 id : rows)
                    list.append(id);
                return list;
            }()));
            db.cached(("UPDATE " + QByteArray(owned.table) + " SET customer_id = ?"
                          + (owned.versioned ? ", version = version + 1" : "") + " WHERE customer_id = ?")
                          .constData())
                .bind(1, survivorId)
                .bind(2, mergedId)
                .run();
            for (qint64 id : rows)
                changes.append(m_storage.recordUpsert(QLatin1String(owned.entity), id, now));
        }
        db.cached("DELETE FROM customers WHERE id = ?").bind(1, mergedId).run();
        CustomerSearchIndex::remove(db, mergedId);
        CustomerSearchIndex::update(db, survivorId);
        changes.prepend(m_storage.recordDelete(QStringLiteral("customer"), mergedId, now, false));
        db.cached("INSERT INTO customer_merges(survivor_id, merged_id, merged_row, moved, merged_by, merged_at, "
                  "survivor_row, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, survivorId)
            .bind(2, mergedId)
            .bind(3, mergedRow)
            .bind(4, QString::fromUtf8(QJsonDocument(moved).toJson(QJsonDocument::Compact)))
            .bind(5, command.context.login)
            .bind(6, now)
            .bind(7, survivorRowText)
            .bind(8, QString::fromUtf8(QJsonDocument(choices).toJson(QJsonDocument::Compact)))
            .run();
        // Feed order is seq order; the tombstone was written after the moves.
        std::sort(changes.begin(), changes.end(),
            [](const ChangeRecord& a, const ChangeRecord& b) { return a.seq < b.seq; });
        CommandOutcome outcome { changes,
            QJsonObject { { QStringLiteral("mergeId"), db.lastInsertId() }, { QStringLiteral("survivorId"), survivorId },
                { QStringLiteral("mergedId"), mergedId }, { QStringLiteral("moved"), moved },
                { QStringLiteral("fields"), choices } },
            200 };
        outcome.primary = int(changes.size()) - 1;
        return outcome;
    });
    return answer(result);
}

ApiAnswer CustomerApi::undoMerge(const ApiCall& call)
{
    const qint64 mergeId = call.ids.at(0);
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        Database& db = m_storage.db();
        Statement& audit = db.cached("SELECT survivor_id, merged_id, merged_row, moved, merged_by, undone_at, "
                                     "survivor_row, fields FROM customer_merges WHERE id = ?");
        audit.bind(1, mergeId);
        if (!audit.step()) {
            audit.reset();
            throw ApiError::notFound(QStringLiteral("Merge %1").arg(mergeId));
        }
        const qint64 survivorId = audit.int64(0);
        const qint64 mergedId = audit.int64(1);
        const QString mergedRow = audit.text(2);
        const QJsonObject moved = QJsonDocument::fromJson(audit.text(3).toUtf8()).object();
        const QString mergedBy = audit.text(4);
        const bool undone = !audit.isNull(5);
        const QString survivorRow = audit.isNull(6) ? QString() : audit.text(6);
        const QJsonObject choices = QJsonDocument::fromJson(audit.text(7).toUtf8()).object();
        audit.reset();
        if (!isSupervisor(call.session) && mergedBy != call.session.login) {
            throw ApiError(403, QStringLiteral("forbidden"),
                QStringLiteral("Only the agent who merged, a supervisor or an admin may undo a merge."));
        }
        if (undone)
            throw ApiError(409, QStringLiteral("already_undone"), QStringLiteral("Merge %1 was already undone.").arg(mergeId));
        if (!m_storage.store().customer(survivorId)) {
            throw ApiError(409, QStringLiteral("survivor_gone"),
                QStringLiteral("Customer %1 no longer exists (erased?); the merge cannot be undone.").arg(survivorId));
        }
        if (m_storage.store().customer(mergedId)) {
            throw ApiError(409, QStringLiteral("id_taken"),
                QStringLiteral("Customer id %1 was given to a new customer; the merge cannot be undone.").arg(mergedId));
        }
        const qint64 now = command.context.now;
        db.cached(restoreSql().constData()).bind(1, mergedRow).run();
        QList<ChangeRecord> changes { m_storage.recordUpsert(QStringLiteral("customer"), mergedId, now) };
        if (!survivorRow.isEmpty()) {
            // The fields the survivor took from the duplicate go back to their
            // values before the merge (a version later, so every copy takes
            // them); fields the merge left alone keep any later edit.
            const QJsonObject before = QJsonDocument::fromJson(survivorRow.toUtf8()).object();
            const QJsonObject current = QJsonDocument::fromJson(rawRow(survivorId).toUtf8()).object();
            QStringList assignments;
            for (const QString& column : mergeableColumns()) {
                if (choices.value(WireFormat::jsonKey(column)).toString() == QLatin1String("merged")
                    && before.value(column) != current.value(column))
                    assignments.append(QStringLiteral("%1 = json_extract(?1, '$.%1')").arg(column));
            }
            if (!assignments.isEmpty()) {
                assignments.append(QStringLiteral("updated_at = json_extract(?1, '$.updated_at')"));
                Statement update(db.handle(),
                    QStringLiteral("UPDATE customers SET %1, version = version + 1 WHERE id = ?2")
                        .arg(assignments.join(QStringLiteral(", ")))
                        .toUtf8()
                        .constData());
                update.bind(1, survivorRow).bind(2, survivorId);
                update.step();
                changes.append(m_storage.recordUpsert(QStringLiteral("customer"), survivorId, now));
            }
        }
        for (const Owned& owned : ownedTables()) {
            QList<qint64> rows;
            for (const QJsonValue& id : moved.value(QLatin1String(owned.table)).toArray())
                rows.append(id.toInteger());
            if (rows.isEmpty())
                continue;
            // Only rows still with the survivor go back (one erased since stays erased).
            const QByteArray sql = "UPDATE " + QByteArray(owned.table) + " SET customer_id = ?1"
                + (owned.versioned ? ", version = version + 1" : "") + " WHERE customer_id = ?2 AND id IN "
                  "(SELECT value FROM json_each(?3)) RETURNING id";
            Statement& st = db.cached(sql.constData());
            st.bind(1, mergedId).bind(2, survivorId).bind(3, jsonIds(rows));
            QList<qint64> back;
            while (st.step())
                back.append(st.int64(0));
            st.reset();
            std::sort(back.begin(), back.end());
            for (qint64 id : back)
                changes.append(m_storage.recordUpsert(QLatin1String(owned.entity), id, now));
        }
        CustomerSearchIndex::update(db, mergedId);
        CustomerSearchIndex::update(db, survivorId);
        db.cached("UPDATE customer_merges SET undone_by = ?, undone_at = ? WHERE id = ?")
            .bind(1, command.context.login)
            .bind(2, now)
            .bind(3, mergeId)
            .run();
        return CommandOutcome { changes,
            QJsonObject { { QStringLiteral("mergeId"), mergeId }, { QStringLiteral("survivorId"), survivorId },
                { QStringLiteral("mergedId"), mergedId } },
            200 };
    });
    return answer(result);
}

ApiAnswer CustomerApi::erase(const ApiCall& call)
{
    if (!isSupervisor(call.session)) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and admins may erase a customer."));
    }
    const qint64 customerId = call.ids.at(0);
    const CommandRequest command = CommandRequest::parse(call, m_clock.nowSecs());
    const CommandResult result = m_storage.runCommand(command.context, [&] {
        requireCustomer(customerId);
        Database& db = m_storage.db();
        const QList<qint64> live = ids("SELECT id FROM interactions WHERE customer_id = ? AND status IN "
                                       "('queued','offered','active','held','wrap_up')",
            customerId);
        if (!live.isEmpty()) {
            throw ApiError(409, QStringLiteral("interaction_in_progress"),
                QStringLiteral("Customer %1 has interaction %2 in progress; end it before erasing the customer.")
                    .arg(customerId)
                    .arg(live.first()));
        }
        const qint64 now = command.context.now;
        struct Doomed
        {
            QString entity;
            QList<qint64> ids;
        };
        QList<Doomed> doomed;
        doomed.append({ QStringLiteral("message"),
            ids("SELECT m.id FROM messages m JOIN interactions i ON i.id = m.interaction_id "
                "WHERE i.customer_id = ? ORDER BY m.id",
                customerId) });
        QJsonObject counts;
        for (const Owned& owned : ownedTables()) {
            doomed.append({ QLatin1String(owned.entity),
                ids("SELECT id FROM " + QByteArray(owned.table) + " WHERE customer_id = ? ORDER BY id", customerId) });
        }
        // Other customers' tickets that pointed at these interactions lose the link (ON DELETE SET NULL).
        const QList<qint64> relinked = ids("SELECT t.id FROM tickets t JOIN interactions i ON i.id = t.interaction_id "
                                           "WHERE i.customer_id = ?1 AND coalesce(t.customer_id, 0) <> ?1",
            customerId);
        db.cached("DELETE FROM customers WHERE id = ?").bind(1, customerId).run();
        CustomerSearchIndex::remove(db, customerId);
        db.cached("DELETE FROM customer_merges WHERE survivor_id = ?1 OR merged_id = ?1").bind(1, customerId).run();
        QList<ChangeRecord> changes { m_storage.recordDelete(QStringLiteral("customer"), customerId, now, true) };
        for (const Doomed& rows : doomed) {
            counts.insert(rows.entity, rows.ids.size());
            for (qint64 id : rows.ids)
                changes.append(m_storage.recordDelete(rows.entity, id, now, true));
        }
        for (qint64 id : relinked)
            changes.append(m_storage.recordUpsert(QStringLiteral("ticket"), id, now));
        return CommandOutcome { changes, QJsonObject { { QStringLiteral("erased"), counts } }, 200 };
    });
    return answer(result);
}

ApiAnswer CustomerApi::merges(const ApiCall& call)
{
    if (!isSupervisor(call.session)) {
        throw ApiError(403, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and admins may read the merge audit."));
    }
    const QUrlQuery query = call.request.query();
    const qint64 customerId = JsonInput::queryInteger(query, QStringLiteral("customerId"), 0, 1, kMaxId);
    const qint64 limit = JsonInput::queryInteger(query, QStringLiteral("limit"), 100, 1, 500);
    // Who merged or unmerged what, and when, newest first; with customerId
    // only the merges that customer took part in (as survivor or duplicate).
    Statement& st = m_storage.db().cached(
        "SELECT id, survivor_id, merged_id, merged_by, merged_at, undone_by, undone_at, coalesce(fields, '{}'), moved "
        "FROM customer_merges WHERE ?1 = 0 OR survivor_id = ?1 OR merged_id = ?1 ORDER BY id DESC LIMIT ?2");
    st.bind(1, customerId).bind(2, limit);
    QJsonArray merges;
    while (st.step()) {
        merges.append(QJsonObject { { QStringLiteral("id"), st.int64(0) }, { QStringLiteral("survivorId"), st.int64(1) },
            { QStringLiteral("mergedId"), st.int64(2) }, { QStringLiteral("mergedBy"), st.text(3) },
            { QStringLiteral("mergedAt"), st.int64(4) },
            { QStringLiteral("undoneBy"), st.isNull(5) ? QJsonValue() : QJsonValue(st.text(5)) },
            { QStringLiteral("undoneAt"), st.isNull(6) ? QJsonValue() : QJsonValue(st.int64(6)) },
            { QStringLiteral("fields"), QJsonDocument::fromJson(st.text(7).toUtf8()).object() },
            { QStringLiteral("moved"), QJsonDocument::fromJson(st.text(8).toUtf8()).object() } });
    }
    st.reset();
    return ApiAnswer { 200, QJsonDocument(QJsonObject { { QStringLiteral("merges"), merges } }).toJson(QJsonDocument::Compact),
        false };
}
