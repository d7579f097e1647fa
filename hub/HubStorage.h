#pragma once

#include "ChangeRecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

// A hub login and what it may do.
struct UserRecord
{
    QString login;
    QString passwordHash; // Argon2id, PHC string
    QString role; // agent, supervisor, admin
    std::optional<qint64> agentId;
};

// What a bearer token stands for.
struct Session
{
    QString login;
    QString role;
    std::optional<qint64> agentId;
    qint64 expiresAt = 0;
};

// Where a page of the change feed ended.
struct ChangePageEnd
{
    qint64 next = 0; // cursor for the following page
    bool more = false;
};

struct ChangePage : ChangePageEnd
{
    QList<ChangeRecord> changes;
};

// One change as the feed reads it: views into the stored row, valid only
// while the visitor runs, so a page is written out without copying a row.
struct ChangeView
{
    qint64 seq = 0;
    QByteArrayView entity;
    qint64 entityId = 0;
    QByteArrayView op;
    QByteArrayView payload; // compact JSON object text; empty for a delete
    qint64 changedAt = 0;
};

// Who sends a command and under which Idempotency-Key; requestHash tells a
// true retry from a different request reusing the key.
struct CommandContext
{
    QString login;
    QString idempotencyKey;
    QByteArray requestHash;
    qint64 now = 0;
};

struct CommandResult
{
    int status = 200;
    QByteArray body; // exactly what was (or is again) sent
    bool replayed = false; // the key was seen: nothing was written
    QList<ChangeRecord> changes;
};

// What a command wrote: its changes in feed order (the primary one, the
// entity the client asked about, is the response body) and fields added to
// the body.
struct CommandOutcome
{
    QList<ChangeRecord> changes;
    QJsonObject extra;
    int status = 200;
    int primary = 0; // which change is the body (changes stay in feed order)
};

// Everything the hub keeps, behind one interface so a PostgreSQL storage can
// replace SQLite later. Every command is one transaction that writes the
// entity, its change-feed row and the idempotency record together: a crash
// never leaves a change without its feed entry or a retried command applied
// twice. Refusals (unknown id, reused key) throw ApiError and write nothing.
class HubStorage
{
public:
    virtual ~HubStorage() = default;

    // Users and tokens (tokens are given and looked up by their SHA-256).
    virtual std::optional<UserRecord> user(const QString& login) = 0;
    virtual void addToken(const QByteArray& tokenHash, const Session& session) = 0;
    virtual std::optional<Session> session(const QByteArray& tokenHash) = 0;
    // Drops expired tokens and idempotency records older than a day (a client
    // retries within minutes; Stripe keeps keys 24 h for the same reason).
    virtual int purgeExpired(qint64 now) = 0;

    // Reads, as the API returns them.
    virtual QJsonArray searchCustomers(const QString& typed, int offset, int limit) = 0;
    // The profile with "identities" and "interactionCount"; nullopt if unknown.
    virtual std::optional<QJsonObject> customer(qint64 id) = 0;
    // {"interactions": [...], "total": n}, newest first; nullopt if the customer is unknown.
    virtual std::optional<QJsonObject> customerInteractions(qint64 customerId, int offset, int limit) = 0;
    virtual QJsonArray queues() = 0;
    virtual QJsonArray agents() = 0;

    // The change feed. Cursors 0 < since < changeFloor() are expired (410).
    virtual qint64 changeFloor() = 0;
    virtual qint64 latestSeq() = 0;
    virtual ChangePage changes(qint64 since, int limit) = 0;
    // The same page, each change handed to visit in seq order without copies
    // (GET /changes writes the JSON straight from the stored payloads).
    virtual ChangePageEnd visitChanges(
        qint64 since, int limit, const std::function<void(const ChangeView&)>& visit)
        = 0;

    // Commands.
    virtual CommandResult setAgentState(
        const CommandContext& context, qint64 agentId, const QString& state, const QString& reason)
        = 0;
    virtual CommandResult addNote(const CommandContext& context, qint64 interactionId, const QString& text)
        = 0;
    virtual CommandResult setDisposition(const CommandContext& context, qint64 interactionId,
        const QString& disposition, const QString& contactReason)
        = 0;
};
