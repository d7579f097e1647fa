#pragma once

#include "OutboxEntry.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <functional>

class Database;
class HttpTransport;
class OutboxEffects;
struct HttpResponse;

// Agent writes on their way to the backend (DESIGN.md: nothing lost, nothing
// applied twice). enqueue() is called inside the transaction of the local
// effect, so the command exists exactly when its effect does; each command
// gets an Idempotency-Key once and reuses it on every attempt, so a retry
// after a lost answer is a replay at the hub, not a second note.
//
// Delivery runs in order per entity (the second command of an interaction
// waits for the first), independent entities in parallel. A network error,
// 5xx, 408 or 429 retries with a backoff that grows ×5 from 2 s and is capped
// at an hour (Nextcloud's habit); any other 4xx is the server saying no:
// the entry turns 'rejected' with the server's reason and blocks its entity
// until the agent retries or discards it. Everything is in the outbox table,
// so pending commands survive restarts.
//
// Order across entities where the backend needs it: a barrier command (an
// agent's state change, which the backend refuses while one of their
// interactions is unfinished) waits until every older pending command is
// acknowledged, and younger commands wait for it. Rejected commands are out
// of the line until retried, so they block only their own entity.
//
// A command may say how its local effect is reconciled (Options::local,
// read by the OutboxEffects given to the constructor): on acknowledgement
// and on discard, the effect is settled in the same transaction that
// removes the command.
//
// The table (schema v1) has no method/path columns: the payload column holds
// {"method", "path", "body", "local", "barrier"}.
class Outbox : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QJsonObject local;
        bool barrier = false;
    };

    static QString enqueue(Database& db, const QString& entityKind, const QString& entityId, const QString& command,
        const QByteArray& method, const QString& path, const QJsonObject& body);
    static QString enqueue(Database& db, const QString& entityKind, const QString& entityId, const QString& command,
        const QByteArray& method, const QString& path, const QJsonObject& body, const Options& options);
    static qint64 backoffSeconds(int attempts);

    // effects, when given, must outlive the outbox.
    Outbox(Database& db, HttpTransport& transport, const OutboxEffects* effects = nullptr, QObject* parent = nullptr);

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    // While paused (offline, logging in) nothing is sent.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    QList<OutboxEntry> entries();
    int pendingCount();
    int rejectedCount();

public Q_SLOTS:
    // Sends whatever is due; call after enqueueing from another connection.
    void deliver();
    // The backend is reachable again: pending entries go now, not at their backoff time.
    void retryNow();
    // The agent's answers to a rejected command.
    void retry(qint64 id);
    void discard(qint64 id);

Q_SIGNALS:
    void delivered(qint64 id, const QString& idempotencyKey, int status);
    void rejected(qint64 id, const QString& reason);
    // The agent gave up a rejected command; its local effect is undone.
    void discarded(qint64 id);
    void countsChanged(int pending, int rejected);
    // The token was refused: the engine logs in again, then calls deliver().
    void unauthorized();

private:
    void finished(const OutboxEntry& entry, const HttpResponse& response);
    // Removes the command and runs effect, in one transaction.
    void settle(const OutboxEntry& entry, const std::function<void()>& effect);
    void scheduleNext();
    void emitCounts();

    Database& m_db;
    HttpTransport& m_transport;
    const OutboxEffects* m_effects = nullptr;
    QUrl m_baseUrl;
    bool m_paused = true;
    QSet<QString> m_busyEntities;
    QSet<qint64> m_inFlight;
    QTimer m_timer;
    int m_lastPending = -1;
    int m_lastRejected = -1;
};
