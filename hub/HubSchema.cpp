#include "HubSchema.h"

#include "HubLogging.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <array>

namespace {

struct Step
{
    int version;
    const char* description;
    const char* sql;
};

// Version 1. `changes` is the feed: one total order of upserts and tombstones
// (seq), each with the entity as the client must store it (payload, null for
// a delete). Bearer tokens are kept as SHA-256 so a copied database holds no
// live credentials. Idempotency keys belong to one login and remember the
// request's hash, so the same key with another body is caught, not replayed.
constexpr const char* kHubSchemaV1 = R"SQL(
CREATE TABLE changes(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    op TEXT NOT NULL CHECK(op IN ('upsert','delete')),
    payload TEXT CHECK(payload IS NULL OR json_valid(payload)),
    changed_at INTEGER NOT NULL);
CREATE INDEX changes_by_entity ON changes(entity, entity_id, seq);

CREATE TABLE hub_state(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL);

CREATE TABLE users(
    login TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK(role IN ('agent','supervisor','admin')),
    agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL);

CREATE TABLE tokens(
    token TEXT PRIMARY KEY,
    login TEXT NOT NULL REFERENCES users(login) ON DELETE CASCADE,
    role TEXT NOT NULL,
    expires_at INTEGER NOT NULL);
CREATE INDEX tokens_by_expiry ON tokens(expires_at);

CREATE TABLE idempotency(
    key TEXT NOT NULL,
    login TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY(login, key));
CREATE INDEX idempotency_by_age ON idempotency(created_at);
)SQL";

// Version 2: what routing and customer maintenance need.
// - hub_live_interactions: a partial index over the few interactions that are
//   not finished, so routing and "waiting now" never scan the history (the
//   domain table holds years of ended contacts). It lives in the hub's steps
//   because only the hub asks this question; SQLite keeps it like any index.
// - customer_merges: the audit of every merge and what undoing it needs: the
//   merged customer's row exactly as stored (raw column values, so the
//   restore is byte for byte) and the ids of the rows that moved to the
//   survivor. An erasure deletes the audits that mention the customer.
constexpr const char* kHubSchemaV2 = R"SQL(
CREATE INDEX hub_live_interactions ON interactions(status, queue_id)
    WHERE status IN ('queued','offered','active','held','wrap_up');

CREATE TABLE customer_merges(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    survivor_id INTEGER NOT NULL,
    merged_id INTEGER NOT NULL,
    merged_row TEXT NOT NULL CHECK(json_valid(merged_row)),
    moved TEXT NOT NULL CHECK(json_valid(moved)),
    merged_by TEXT NOT NULL,
    merged_at INTEGER NOT NULL,
    undone_by TEXT,
    undone_at INTEGER);
CREATE INDEX customer_merges_by_survivor ON customer_merges(survivor_id);
CREATE INDEX customer_merges_by_merged ON customer_merges(merged_id);
)SQL";

// Version 3: a merge chooses per field between the two records, so its audit
// keeps the survivor's row before the merge and the choice per field; undo
// puts back the fields the survivor took.
constexpr const char* kHubSchemaV3 = R"SQL(
ALTER TABLE customer_merges ADD COLUMN survivor_row TEXT CHECK(survivor_row IS NULL OR json_valid(survivor_row));
ALTER TABLE customer_merges ADD COLUMN fields TEXT CHECK(fields IS NULL OR json_valid(fields));
)SQL";

// Version 4: the number, address or handle a contact came from, as the
// caller gave it. The offer names it so an unknown caller's desk can offer
// to link it to a customer; it never leaves the hub otherwise (the change
// feed has no such entity), and goes with its interaction.
constexpr const char* kHubSchemaV4 = R"SQL(
CREATE TABLE interaction_contacts(
    interaction_id INTEGER PRIMARY KEY REFERENCES interactions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    network TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '');
)SQL";

const std::array kSteps {
    Step { 1, "change feed, users, tokens, idempotency keys", kHubSchemaV1 },
    Step { 2, "live interactions index, customer merge audit", kHubSchemaV2 },
    Step { 3, "merge audit with the survivor's row and field choices", kHubSchemaV3 },
    Step { 4, "where each contact came from, for the offer", kHubSchemaV4 },
};

} // namespace

int HubSchema::latestVersion()
{
    return kSteps.back().version;
}

int HubSchema::currentVersion(Database& db)
{
    if (db.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'hub_schema_migrations'")
        == 0)
        return 0;
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM hub_schema_migrations"));
}

void HubSchema::apply(Database& db)
{
    db.exec("CREATE TABLE IF NOT EXISTS hub_schema_migrations("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    if (const int version = currentVersion(db); version > latestVersion()) {
        throw StoreError(
            QStringLiteral("The database %1 was written by a newer unisono-hub (hub schema %2; this "
                           "one understands up to %3). It has not been changed.")
                .arg(db.path())
                .arg(version)
                .arg(latestVersion()));
    }
    for (const Step& step : kSteps) {
        if (step.version <= currentVersion(db))
            continue;
        qCInfo(lcHubStore) << "applying hub schema step" << step.version << step.description;
        Transaction tx(db);
        db.exec(step.sql);
        db.cached("INSERT INTO hub_schema_migrations(version, description, applied_at) VALUES (?, ?, ?)")
            .bind(1, step.version)
            .bind(2, step.description)
            .bind(3, QDateTime::currentSecsSinceEpoch())
            .run();
        tx.commit();
    }
}
