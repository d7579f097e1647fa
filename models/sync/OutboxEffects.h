#pragma once

#include <QByteArray>

class Database;
struct OutboxEntry;

// What the outbox asks of the layer that wrote a command's local effect, so
// the effect and the command stay one: when the backend acknowledges, the
// effect may need the backend's answer (a row made here with a temporary id
// takes the id the backend gave it); when the agent discards a refused
// command, its effect must go too. Both run inside the outbox's own
// transaction on the delivering connection, so a crash never leaves the
// command gone and its effect half-undone. Implementations keep no state: the
// outbox may call them from the sync thread while the GUI writes new effects.
class OutboxEffects
{
public:
    virtual ~OutboxEffects() = default;
    // Once for each connection the outbox delivers from, before any delivery
    // (temporary triggers, say: they live per connection).
    virtual void attach(Database& db) const = 0;
    virtual void delivered(Database& db, const OutboxEntry& entry, const QByteArray& response) const = 0;
    virtual void discarded(Database& db, const OutboxEntry& entry) const = 0;
};
