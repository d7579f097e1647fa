#pragma once

class Database;

// The hub-only tables (change feed, users, tokens, idempotency keys, hub
// state), migrated like the store's schema but with their own version table:
// the database stays a valid Unisono store that the desktop's Migrations
// recognise, and the hub's steps never collide with the store's numbering.
class HubSchema
{
public:
    static int latestVersion();
    static int currentVersion(Database& db);
    static void apply(Database& db);
};
