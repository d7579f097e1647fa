#pragma once

class Database;

// The store's schema as an ordered list of steps. Each step runs in its own
// transaction together with its row in schema_migrations, so a crash between
// steps leaves a database at a well-defined version that the next start resumes.
class Migrations
{
public:
    static int latestVersion();
    // 0 for a new, empty database.
    static int currentVersion(Database& db);
    // Applies every step above the current version, up to target.
    static void apply(Database& db, int targetVersion = latestVersion());
};
