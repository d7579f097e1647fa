#include "Outbox.h"

#include "HttpTransport.h"
#include "OutboxEffects.h"
#include "SyncLogging.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace {

constexpr int kMaxInFlight = 8;
constexpr qint64 kFirstRetrySeconds = 2;
constexpr qint64 kMaxRetrySeconds = 3600;

QString entityKey(const OutboxEntry& entry) { return entry.entityKind + QLatin1Char('/') + entry.entityId; }

OutboxEntry readEntry(const Statement& st)
{
    OutboxEntry entry;
    entry.id = st.int64(0);
    entry.idempotencyKey = st.text(1);
    entry.entityKind = st.text(2);
    entry.entityId = st.text(3);
    entry.command = st.text(4);
    const QJsonObject payload = QJsonDocument::fromJson(st.text(5).toUtf8()).object();
    entry.method = payload.value(QStringLiteral("method")).toString().toLatin1();
    entry.path = payload.value(QStringLiteral("path")).toString();
    entry.body = QJsonDocument(payload.value(QStringLiteral("body")).toObject()).toJson(QJsonDocument::Compact);
    entry.local = payload.value(QStringLiteral("local")).toObject();
    entry.barrier = payload.value(QStringLiteral("barrier")).toBool();
    entry.attempts = st.integer(6);
    entry.nextAttemptAt = st.int64(7);
    entry.rejected = st.text(8) == QLatin1String("rejected");
    entry.lastError = st.text(9);
    return entry;
}

constexpr const char* kColumns
    = "id, idempotency_key, entity_kind, entity_id, command, payload, attempts, next_attempt_at, state, last_error";

// What the server said, for the agent: the API's error.message, else the start of the body.
QString serverReason(const HttpResponse& response)
{
    const QJsonObject error
        = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        return message;
    return QStringLiteral("HTTP %1: %2").arg(response.status).arg(QString::fromUtf8(response.body.left(200)).simplified());
}

} // namespace

QString Outbox::enqueue(Database& db, const QString& entityKind, const QString& entityId, const QString& command,
    const QByteArray& method, const QString& path, const QJsonObject& body)
{
    return enqueue(db, entityKind, entityId, command, method, path, body, Options());
}

QString Outbox::enqueue(Database& db, const QString& entityKind, const QString& entityId, const QString& command,
    const QByteArray& method, const QString& path, const QJsonObject& body, const Options& options)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject payload { { QStringLiteral("method"), QString::fromLatin1(method) },
        { QStringLiteral("path"), path }, { QStringLiteral("body"), body } };
    if (!options.local.isEmpty())
        payload.insert(QStringLiteral("local"), options.local);
    if (options.barrier)
        payload.insert(QStringLiteral("barrier"), true);
    db.cached("INSERT INTO outbox(idempotency_key, entity_kind, entity_id, command, payload, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, key)
        .bind(2, entityKind)
        .bind(3, entityId)
        .bind(4, command)
        .bind(5, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)))
        .bind(6, QDateTime::currentSecsSinceEpoch())
        .run();
    return key;
}

qint64 Outbox::backoffSeconds(int attempts)
{
    // ×5 per retry: 2 s, 10 s, 50 s, ~4 min, ~21 min, then an hour.
    qint64 seconds = kFirstRetrySeconds;
    for (int i = 1; i < attempts && seconds < kMaxRetrySeconds; ++i)
        seconds *= 5;
    return std::min(seconds, kMaxRetrySeconds);
}

Outbox::Outbox(Database& db, HttpTransport& transport, const OutboxEffects* effects, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_transport(transport)
    , m_effects(effects)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Outbox::deliver);
    if (m_effects)
        m_effects->attach(m_db);
}

void Outbox::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        deliver();
}

QList<OutboxEntry> Outbox::entries()
{
    Statement& st = m_db.cached((QByteArray("SELECT ") + kColumns + " FROM outbox ORDER BY id").constData());
    QList<OutboxEntry> result;
    while (st.step())
        result.append(readEntry(st));
    st.reset();
    return result;
}

int Outbox::pendingCount() { return int(m_db.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'")); }

int Outbox::rejectedCount() { return int(m_db.scalar("SELECT count(*) FROM outbox WHERE state = 'rejected'")); }

void Outbox::emitCounts()
{
    const int pending = pendingCount();
    const int rejected = rejectedCount();
    if (pending == m_lastPending && rejected == m_lastRejected)
        return;
    m_lastPending = pending;
    m_lastRejected = rejected;
    Q_EMIT countsChanged(pending, rejected);
}

void Outbox::deliver()
{
    emitCounts();
    if (m_paused || !m_baseUrl.isValid())
        return;
    // The head of each entity's queue, if it is due; a rejected head blocks
    // its entity. A barrier goes only when nothing older is pending, and
    // nothing younger goes while a barrier is pending.
    Statement& st = m_db.cached((QByteArray("SELECT ") + kColumns
        + " FROM outbox o WHERE o.id = (SELECT min(id) FROM outbox p WHERE p.entity_kind = o.entity_kind "
          "AND p.entity_id = o.entity_id) AND o.state = 'pending' AND o.next_attempt_at <= ? "
          "AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.id < o.id AND b.state = 'pending' "
          "AND (json_extract(o.payload, '$.barrier') OR json_extract(b.payload, '$.barrier'))) ORDER BY o.id")
                                   .constData());
    st.bind(1, QDateTime::currentSecsSinceEpoch());
    QList<OutboxEntry> due;
    while (st.step() && m_inFlight.size() + due.size() < kMaxInFlight) {
        OutboxEntry entry = readEntry(st);
        if (!m_inFlight.contains(entry.id) && !m_busyEntities.contains(entityKey(entry)))
            due.append(entry);
    }
    st.reset();
    for (const OutboxEntry& entry : due) {
        m_inFlight.insert(entry.id);
        m_busyEntities.insert(entityKey(entry));
        HttpRequest request;
        request.method = entry.method;
        request.url = m_baseUrl.resolved(QUrl(entry.path));
        request.body = entry.body;
        request.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
            { QByteArrayLiteral("Idempotency-Key"), entry.idempotencyKey.toLatin1() } };
        m_transport.send(request, this, [this, entry](const HttpResponse& response) { finished(entry, response); });
    }
    scheduleNext();
}

void Outbox::finished(const OutboxEntry& entry, const HttpResponse& response)
{
    m_inFlight.remove(entry.id);
    m_busyEntities.remove(entityKey(entry));
    const int status = response.status;
    if (response.isSuccess()) {
        settle(entry, [&] {
            if (m_effects)
                m_effects->delivered(m_db, entry, response.body);
        });
        qCDebug(lcSync) << "delivered" << entry.command << entry.idempotencyKey << status;
        Q_EMIT delivered(entry.id, entry.idempotencyKey, status);
    } else if (response.transportOk() && status == 401) {
        // Not the command's fault: it goes again once the engine has a token.
        setPaused(true);
        Q_EMIT unauthorized();
    } else if (response.transportOk() && status >= 400 && status < 500 && status != 408 && status != 429) {
        const QString reason = serverReason(response);
        m_db.cached("UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ? WHERE id = ?")
            .bind(1, reason)
            .bind(2, entry.id)
            .run();
        qCWarning(lcSync) << "the backend rejected" << entry.command << "for" << entityKey(entry) << ":" << reason;
        Q_EMIT rejected(entry.id, reason);
    } else {
        const QString why = response.transportOk() ? serverReason(response) : response.error;
        const qint64 wait = backoffSeconds(entry.attempts + 1);
        m_db.cached("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
            .bind(1, QDateTime::currentSecsSinceEpoch() + wait)
            .bind(2, why)
            .bind(3, entry.id)
            .run();
        qCInfo(lcSync) << "delivery of" << entry.command << "failed (" << why << "); retrying in" << wait << "s";
    }
    deliver();
}

void Outbox::scheduleNext()
{
    const qint64 next = m_db.scalar("SELECT coalesce(min(next_attempt_at), 0) FROM outbox WHERE state = 'pending'");
    if (next == 0 || m_paused) {
        m_timer.stop();
        return;
    }
    const qint64 waitMs = std::max<qint64>(0, next - QDateTime::currentSecsSinceEpoch()) * 1000;
    // Entries already due but blocked behind an in-flight one are picked up
    // when that one finishes; the timer is for the backoff.
    if (waitMs > 0 || m_inFlight.isEmpty())
        m_timer.start(int(std::clamp<qint64>(waitMs, 250, kMaxRetrySeconds * 1000)));
}

void Outbox::retryNow()
{
    m_db.exec("UPDATE outbox SET next_attempt_at = 0 WHERE state = 'pending'");
    deliver();
}

void Outbox::retry(qint64 id)
{
    m_db.cached("UPDATE outbox SET state = 'pending', next_attempt_at = 0, last_error = NULL WHERE id = ?").bind(1, id).run();
    deliver();
}

void Outbox::discard(qint64 id)
{
    Statement& st = m_db.cached((QByteArray("SELECT ") + kColumns + " FROM outbox WHERE id = ?").constData());
    st.bind(1, id);
    const std::optional<OutboxEntry> entry = st.step() ? std::optional<OutboxEntry>(readEntry(st)) : std::nullopt;
    st.reset();
    // Only a command the backend refused: a pending one may be on the wire.
    if (!entry || !entry->rejected)
        return;
    settle(*entry, [&] {
        if (m_effects)
            m_effects->discarded(m_db, *entry);
    });
    Q_EMIT discarded(id);
    deliver();
}

void Outbox::settle(const OutboxEntry& entry, const std::function<void()>& effect)
{
    try {
        Transaction tx(m_db);
        effect();
        m_db.cached("DELETE FROM outbox WHERE id = ?").bind(1, entry.id).run();
        tx.commit();
    } catch (const StoreError& error) {
        // The command is done either way; sending it again would not mend
        // the local row, and the feed brings the backend's version of it.
        qCWarning(lcSync) << "could not settle the local effect of" << entry.command << "for"
                          << entityKey(entry) << ":" << error.message();
        m_db.cached("DELETE FROM outbox WHERE id = ?").bind(1, entry.id).run();
    }
}
