#pragma once

#include "ApiCall.h"
#include "ChangeRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class EventBroadcaster;
class HubClock;
class SqliteHubStorage;

// Keeping customer records right: linking an identity (normalised as the
// store does, phones to E.164), merging a duplicate into a survivor and
// undoing it, and erasure on request (GDPR art. 17).
//
// A merge moves the duplicate's identities, interactions, tickets, social
// activity and callbacks to the survivor and deletes the duplicate; the
// audit row (customer_merges) keeps the duplicate's row exactly as stored
// and the ids that moved, so undo re-creates it byte for byte under its old
// id and moves exactly those rows back. Per field of the customer record the
// survivor keeps its value or takes the duplicate's ("fields"); by default
// the newest record's value wins where it has one (a value beats an empty
// field). The survivor's row before the merge is audited too, so undo puts
// back the fields it took. Supervisors read the audit (GET /api/v1/merges).
//
// Erasure (supervisors and admins) deletes the customer and everything of
// theirs, writes a tombstone per row to the feed and removes every earlier
// feed entry of those rows and the merge audits naming the customer, so no
// copy of the data stays in the hub. It is refused while an interaction of
// the customer is still in progress.
class CustomerApi
{
public:
    CustomerApi(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock);

    ApiAnswer linkIdentity(const ApiCall& call);
    ApiAnswer merge(const ApiCall& call);
    ApiAnswer undoMerge(const ApiCall& call);
    ApiAnswer erase(const ApiCall& call);
    ApiAnswer merges(const ApiCall& call);

private:
    struct Owned
    {
        const char* entity;
        const char* table;
        bool versioned; // has a version column to bump (identities have none)
    };
    static const QList<Owned>& ownedTables();
    ApiAnswer answer(const CommandResult& result);
    void requireCustomer(qint64 id);
    QList<qint64> ids(const QByteArray& sql, qint64 bindValue);
    QByteArray rawRowJson();
    QByteArray restoreSql();
    // The customer columns a merge chooses between (not id, timestamps, version).
    QStringList mergeableColumns();
    // The customer's row as stored, as JSON text (rawRowJson).
    QString rawRow(qint64 customerId);

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
};
