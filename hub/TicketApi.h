#pragma once

#include "ApiCall.h"

#include <QStringList>

class EventBroadcaster;
class HubClock;
class SqliteHubStorage;

// Tickets: the follow-up work a contact leaves behind. POST /tickets opens
// one for a customer (optionally from the interaction that raised it and
// into a queue); PATCH /tickets/{id} moves it along (status, priority,
// assignee, subject, description). status and priority are checked against
// the schema's own CHECK lists (SchemaEnums), so the API never accepts what
// the database would refuse and never refuses what it would accept.
//
// Roles: anyone signed in may open a ticket. An agent may change tickets
// that are unassigned or theirs and may assign only to themselves (taking
// it) or to nobody (handing it back); supervisors and admins change any
// ticket and assign to anyone. Each command is one transaction with its
// Idempotency-Key and change row; the change goes out on the event stream.
class TicketApi
{
public:
    TicketApi(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock);

    ApiAnswer create(const ApiCall& call);
    ApiAnswer update(const ApiCall& call);

private:
    ApiAnswer answer(const CommandResult& result);
    void requireRow(const char* table, qint64 id, const QString& what);

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
    QStringList m_statuses;
    QStringList m_priorities;
};
