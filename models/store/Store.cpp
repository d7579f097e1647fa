#include "Store.h"

#include "CustomerSearch.h"
#include "CustomerSearchIndex.h"
#include "Migrations.h"
#include "ReadSnapshot.h"
#include "StoreError.h"
#include "Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <sqlite3.h>

namespace {

constexpr const char* kCustomerColumns =
    "c.id, c.first_name, c.last_name, c.display_name, coalesce(c.company, ''), c.language, c.tier, c.vip,"
    " c.lifetime_value, coalesce(c.city, ''), coalesce(c.address, ''), coalesce(c.country, ''),"
    " c.consent_marketing, c.consent_recording, c.consent_profiling, c.crm_fields, c.created_at, c.updated_at";

Customer readCustomer(const Statement& st)
{
    Customer c;
    c.id = st.int64(0);
    c.firstName = st.text(1);
    c.lastName = st.text(2);
    c.displayName = st.text(3);
    c.company = st.text(4);
    c.language = st.text(5);
    c.tier = st.text(6);
    c.vip = st.int64(7) != 0;
    c.lifetimeValue = st.real(8);
    c.city = st.text(9);
    c.address = st.text(10);
    c.country = st.text(11);
    c.consentMarketing = st.int64(12) != 0;
    c.consentRecording = st.int64(13) != 0;
    c.consentProfiling = st.int64(14) != 0;
    c.crmFields = st.text(15);
    c.createdAt = st.int64(16);
    c.updatedAt = st.int64(17);
    return c;
}

QList<Customer> readCustomers(Statement& st)
{
    QList<Customer> result;
    while (st.step())
        result.append(readCustomer(st));
    st.reset();
    return result;
}

QString nullIfEmpty(const QString& s) { return s.isEmpty() ? QString() : s; }
// A null QString binds as SQL NULL; columns that are NOT NULL DEFAULT '' want ''.
QString emptyIfNull(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

} // namespace

Store::Store(const QString& path, IdentityNormalizer normalizer)
    : m_db((checkBeforeOpening(path), path),
           QFileInfo::exists(path) ? Database::Mode::ReadWrite : Database::Mode::Create)
    , m_normalizer(std::move(normalizer))
{
    checkSchema();
    // Only now, with the file known to be ours and not from the future, may we write to it.
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("PRAGMA synchronous = NORMAL");
    m_db.exec("PRAGMA foreign_keys = ON");
    Migrations::apply(m_db);
}

void Store::checkBeforeOpening(const QString& path)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isFile())
        throw StoreError(QStringLiteral("The database path %1 is not a file. Pass --db with the path of a "
                                        "database file.").arg(path));
    const QDir dir = file.absoluteDir();
    if (!dir.exists())
        throw StoreError(QStringLiteral("The folder of the database %1 does not exist. Create it or pass --db "
                                        "with another path.").arg(path));
}

void Store::checkSchema()
{
    const QString path = m_db.path();
    int version = 0;
    try {
        // The first read is where SQLite notices a file that is not a database.
        m_db.scalar("SELECT count(*) FROM sqlite_schema");
        version = Migrations::currentVersion(m_db);
        if (version == 0 && m_db.scalar("SELECT count(*) FROM sqlite_schema") > 0)
            throw StoreError(QString());
    } catch (const StoreError&) {
        throw StoreError(QStringLiteral("The database %1 is damaged or is not a Unisono database, so it was not "
                                        "opened and has not been changed. Restore it from a backup, or move it "
                                        "away and start again to sync a fresh copy.").arg(path));
    }
    if (version > Migrations::latestVersion()) {
        throw StoreError(QStringLiteral("The database %1 was written by a newer Unisono (schema version %2; this "
                                        "version understands up to %3). It has not been changed. Install the "
                                        "newer Unisono, or open another database with --db.")
                             .arg(path)
                             .arg(version)
                             .arg(Migrations::latestVersion()));
    }
    if (m_db.isReadOnly()) {
        throw StoreError(QStringLiteral("The database %1 is read-only, and Unisono must write to it (the outbox "
                                        "and sync state live there). Make the file and its folder writable, or "
                                        "open another database with --db.").arg(path));
    }
}

int Store::schemaVersion() { return Migrations::currentVersion(m_db); }

qint64 Store::addCustomer(const Customer& c)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Statement& st = m_db.cached(
        "INSERT INTO customers(first_name, last_name, display_name, company, language, tier, vip, lifetime_value,"
        " city, address, country, consent_marketing, consent_recording, consent_profiling, crm_fields,"
        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const QString display = c.displayName.isEmpty() ? (c.firstName + QLatin1Char(' ') + c.lastName).trimmed()
                                                    : c.displayName;
    st.bind(1, emptyIfNull(c.firstName))
        .bind(2, emptyIfNull(c.lastName))
        .bind(3, display)
        .bind(4, nullIfEmpty(c.company))
        .bind(5, c.language)
        .bind(6, c.tier)
        .bind(7, int(c.vip))
        .bind(8, c.lifetimeValue)
        .bind(9, nullIfEmpty(c.city))
        .bind(10, nullIfEmpty(c.address))
        .bind(11, nullIfEmpty(c.country))
        .bind(12, int(c.consentMarketing))
        .bind(13, int(c.consentRecording))
        .bind(14, int(c.consentProfiling))
        .bind(15, c.crmFields.isEmpty() ? QStringLiteral("{}") : c.crmFields)
        .bind(16, c.createdAt ? c.createdAt : now)
        .bind(17, c.updatedAt ? c.updatedAt : now)
        .run();
    const qint64 id = m_db.lastInsertId();
    CustomerSearchIndex::update(m_db, id);
    return id;
}

Identity Store::addIdentity(qint64 customerId, IdentityKind kind, const QString& rawValue, const QString& source,
                            const QString& network)
{
    const std::optional<QString> value = m_normalizer.normalize(kind, rawValue);
    if (!value) {
        throw StoreError(QStringLiteral("\"%1\" is not a valid %2; check the value and try again.")
                             .arg(rawValue, QLatin1String(identityKindKey(kind))));
    }
    Identity identity;
    identity.customerId = customerId;
    identity.kind = kind;
    identity.network = kind == IdentityKind::Social ? network.trimmed().toLower() : QString();
    identity.value = *value;
    identity.rawValue = rawValue;
    identity.source = source;
    identity.createdAt = QDateTime::currentSecsSinceEpoch();
    // Normalised once above; the owner is looked up by that value, not by normalising again.
    Statement& existing = m_db.cached("SELECT id, customer_id FROM identities WHERE kind = ? AND network = ? AND value = ?");
    existing.bind(1, identityKindKey(kind))
        .bind(2, identity.network.isNull() ? QStringLiteral("") : identity.network)
        .bind(3, identity.value);
    const std::optional<qint64> owner = existing.step() ? std::optional<qint64>(existing.int64(1)) : std::nullopt;
    const qint64 existingId = owner ? existing.int64(0) : 0;
    existing.reset();
    if (owner && *owner != customerId) {
        throw StoreError(QStringLiteral("The %1 %2 already belongs to customer %3; merge the customers instead.")
                             .arg(QLatin1String(identityKindKey(kind)), *value)
                             .arg(*owner));
    }
    if (owner) {
        // Re-adding an identity the customer already has is not an error; report the existing row.
        identity.id = existingId;
        return identity;
    }
    m_db.cached("INSERT INTO identities(customer_id, kind, network, value, raw_value, source, verified, created_at)"
                " VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, customerId)
        .bind(2, identityKindKey(kind))
        .bind(3, identity.network.isNull() ? QStringLiteral("") : identity.network)
        .bind(4, identity.value)
        .bind(5, rawValue)
        .bind(6, source)
        .bind(7, 0)
        .bind(8, identity.createdAt)
        .run();
    identity.id = m_db.lastInsertId();
    CustomerSearchIndex::update(m_db, customerId);
    return identity;
}

qint64 Store::addInteraction(const Interaction& i)
{
    m_db.cached("INSERT INTO interactions(customer_id, channel, direction, status, queue_id, agent_id, site_id,"
                " subject, language, offered_at, answered_at, ended_at, wait_seconds, handle_seconds, disposition,"
                " contact_reason, sentiment, csat, revenue) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, i.customerId)
        .bind(2, channelKey(i.channel))
        .bind(3, i.inbound ? "inbound" : "outbound")
        .bind(4, i.status)
        .bind(5, i.queueId)
        .bind(6, i.agentId)
        .bind(7, i.siteId)
        .bind(8, nullIfEmpty(i.subject))
        .bind(9, nullIfEmpty(i.language))
        .bind(10, i.offeredAt)
        .bind(11, i.answeredAt)
        .bind(12, i.endedAt)
        .bind(13, i.waitSeconds)
        .bind(14, i.handleSeconds)
        .bind(15, nullIfEmpty(i.disposition))
        .bind(16, nullIfEmpty(i.contactReason))
        .bind(17, i.sentiment)
        .bind(18, i.csat)
        .bind(19, i.revenue)
        .run();
    return m_db.lastInsertId();
}

qint64 Store::addMessage(qint64 interactionId, qint64 sentAt, const QString& author, const QString& authorName,
                         const QString& body, std::optional<double> sentiment)
{
    m_db.cached("INSERT INTO messages(interaction_id, sent_at, author, author_name, body, sentiment)"
                " VALUES (?,?,?,?,?,?)")
        .bind(1, interactionId)
        .bind(2, sentAt)
        .bind(3, author)
        .bind(4, nullIfEmpty(authorName))
        .bind(5, body)
        .bind(6, sentiment)
        .run();
    return m_db.lastInsertId();
}

void Store::reindexCustomer(qint64 customerId) { CustomerSearchIndex::update(m_db, customerId); }

qint64 Store::customerCount() { return m_db.scalar("SELECT count(*) FROM customers"); }

bool Store::hasCustomers() { return m_db.scalar("SELECT EXISTS(SELECT 1 FROM customers)") != 0; }

std::optional<Customer> Store::customer(qint64 id)
{
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns + " FROM customers c WHERE c.id = ?";
    Statement& st = m_db.cached(sql.constData());
    st.bind(1, id);
    std::optional<Customer> result;
    if (st.step())
        result = readCustomer(st);
    st.reset();
    return result;
}

QList<Identity> Store::identities(qint64 customerId)
{
    Statement& st = m_db.cached("SELECT id, kind, network, value, coalesce(raw_value, ''), source, verified,"
                                " created_at FROM identities WHERE customer_id = ? ORDER BY kind, id");
    st.bind(1, customerId);
    QList<Identity> result;
    while (st.step()) {
        Identity identity;
        identity.id = st.int64(0);
        identity.customerId = customerId;
        identity.kind = identityKindFromKey(st.text(1)).value_or(IdentityKind::Crm);
        identity.network = st.text(2);
        identity.value = st.text(3);
        identity.rawValue = st.text(4);
        identity.source = st.text(5);
        identity.verified = st.int64(6) != 0;
        identity.createdAt = st.int64(7);
        result.append(identity);
    }
    st.reset();
    return result;
}

QList<Customer> Store::customers(int offset, int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns
        + " FROM customers c ORDER BY c.display_name COLLATE NOCASE, c.id LIMIT ? OFFSET ?";
    Statement& st = m_db.cached(sql.constData());
    st.bind(1, limit).bind(2, offset);
    return readCustomers(st);
}

CustomerMatches Store::findCustomers(const QString& typed, int offset, int limit, Counting counting)
{
    // One more than the page needs tells whether more follow; never fewer
    // than the alphabetical limit, so that every page agrees on the order.
    const int page = std::max(0, offset) + std::max(0, limit);
    const int enough = counting == Counting::CountMatches
        ? CustomerSearch::kMaxMatches + 1
        : std::min(std::max(page, CustomerSearch::kAlphabeticalUpTo), CustomerSearch::kMaxMatches) + 1;
    // The matches, their names and the page's customers from one version of the store.
    const ReadSnapshot snapshot(m_db);
    const std::optional<CustomerSearch::Matches> matches = CustomerSearch::find(m_db, typed, enough);
    if (!matches)
        return { customers(offset, limit), 0, false };
    CustomerMatches result;
    result.capped = !matches->complete;
    result.total = int(matches->customerIds.size()) - (result.capped ? 1 : 0);
    const int end = std::min(result.total, page);
    for (int i = std::max(0, offset); i < end; ++i) {
        // A customer erased between the two reads is simply not on the page.
        if (std::optional<Customer> c = customer(matches->customerIds.at(i)))
            result.customers.append(std::move(*c));
    }
    return result;
}

std::optional<qint64> Store::customerByIdentity(IdentityKind kind, const QString& rawValue, const QString& network)
{
    const std::optional<QString> value = m_normalizer.normalize(kind, rawValue);
    if (!value)
        return std::nullopt;
    Statement& st = m_db.cached("SELECT customer_id FROM identities WHERE kind = ? AND network = ? AND value = ?");
    st.bind(1, identityKindKey(kind))
        .bind(2, kind == IdentityKind::Social ? network.trimmed().toLower() : QStringLiteral(""))
        .bind(3, *value);
    std::optional<qint64> result;
    if (st.step())
        result = st.int64(0);
    st.reset();
    return result;
}

qint64 Store::interactionCount(qint64 customerId)
{
    Statement& st = m_db.cached("SELECT count(*) FROM interactions WHERE customer_id = ?");
    st.bind(1, customerId);
    const qint64 count = st.step() ? st.int64(0) : 0;
    st.reset();
    return count;
}

namespace {

constexpr const char* kInteractionColumns =
    "SELECT i.id, i.channel, i.direction, i.status, i.queue_id, i.agent_id, i.site_id,"
    " coalesce(i.subject, ''), coalesce(i.language, ''), i.offered_at, i.answered_at, i.ended_at,"
    " i.wait_seconds, i.handle_seconds, coalesce(i.disposition, ''), coalesce(i.contact_reason, ''),"
    " i.sentiment, i.csat, i.revenue, coalesce(q.name, ''), coalesce(a.display_name, '')"
    " FROM interactions i LEFT JOIN queues q ON q.id = i.queue_id LEFT JOIN agents a ON a.id = i.agent_id";

QList<Interaction> readInteractions(Statement& st, qint64 customerId)
{
    QList<Interaction> result;
    while (st.step()) {
        Interaction i;
        i.id = st.int64(0);
        i.customerId = customerId;
        i.channel = channelFromKey(st.text(1)).value_or(Channel::Voice);
        i.inbound = st.text(2) == QLatin1String("inbound");
        i.status = st.text(3);
        i.queueId = st.optInt64(4);
        i.agentId = st.optInt64(5);
        i.siteId = st.optInt64(6);
        i.subject = st.text(7);
        i.language = st.text(8);
        i.offeredAt = st.int64(9);
        i.answeredAt = st.optInt64(10);
        i.endedAt = st.optInt64(11);
        i.waitSeconds = st.optInt64(12);
        i.handleSeconds = st.optInt64(13);
        i.disposition = st.text(14);
        i.contactReason = st.text(15);
        i.sentiment = st.optReal(16);
        i.csat = st.optInt64(17);
        i.revenue = st.optReal(18);
        i.queueName = st.text(19);
        i.agentName = st.text(20);
        result.append(i);
    }
    st.reset();
    return result;
}

} // namespace

QList<Interaction> Store::interactions(qint64 customerId, int offset, int limit)
{
    static const QByteArray sql = QByteArray(kInteractionColumns)
        + " WHERE i.customer_id = ? ORDER BY i.offered_at DESC, i.id DESC LIMIT ? OFFSET ?";
    Statement& st = m_db.cached(sql.constData());
    st.bind(1, customerId).bind(2, limit).bind(3, offset);
    return readInteractions(st, customerId);
}
