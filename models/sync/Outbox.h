#pragma once

#include "OutboxEntry.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class Database;
class HttpTransport;
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
// The table (schema v1) has no method/path columns: the payload column holds
// {"method", "path", "body"}.
class Outbox : public QObject
{
    Q_OBJECT
public:
    static QString enqueue(Database& db, const QString& entityKind, const QString& entityId, const QString& command,
        const QByteArray& method, const QString& path, const QJsonObject& body);
    static qint64 backoffSeconds(int attempts);

    Outbox(Database& db, HttpTransport& transport, QObject* parent = nullptr);

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
    void countsChanged(int pending, int rejected);
    // The token was refused: the engine logs in again, then calls deliver().
    void unauthorized();

private:
    void finished(const OutboxEntry& entry, const HttpResponse& response);
    void scheduleNext();
    void emitCounts();

    Database& m_db;
    HttpTransport& m_transport;
    QUrl m_baseUrl;
    bool m_paused = true;
    QSet<QString> m_busyEntities;
    QSet<qint64> m_inFlight;
    QTimer m_timer;
    int m_lastPending = -1;
    int m_lastRejected = -1;
};
