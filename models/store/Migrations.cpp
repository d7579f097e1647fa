#include "Migrations.h"

#include "CustomerSearchIndex.h"
#include "Database.h"
#include "Statement.h"
#include "Transaction.h"

#include <QDateTime>
#include <QRegularExpression>
#include <array>

namespace {

struct Step
{
    int version;
    const char* description;
    const char* sql;
    void (*populate)(Database&);
};

// Version 1: the domain. Times are UTC seconds since the epoch; every row the
// backend owns carries `version` so replayed sync pages are harmless upserts.
constexpr const char* kCoreSchema = R"SQL(
CREATE TABLE sites(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    city TEXT,
    timezone TEXT NOT NULL DEFAULT 'Europe/Rome',
    version INTEGER NOT NULL DEFAULT 1);

CREATE TABLE queues(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    skill TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    service_level_pct INTEGER NOT NULL DEFAULT 80 CHECK(service_level_pct BETWEEN 0 AND 100),
    service_level_seconds INTEGER NOT NULL DEFAULT 20 CHECK(service_level_seconds > 0),
    version INTEGER NOT NULL DEFAULT 1);

CREATE TABLE agents(
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    team TEXT,
    role TEXT NOT NULL DEFAULT 'agent' CHECK(role IN ('agent','supervisor','admin')),
    skills TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'logged_out'
        CHECK(state IN ('ready','not_ready','after_call_work','busy','logged_out')),
    state_reason TEXT,
    state_since INTEGER,
    version INTEGER NOT NULL DEFAULT 1);

CREATE TABLE customers(
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL,
    company TEXT,
    language TEXT NOT NULL DEFAULT 'it',
    tier TEXT NOT NULL DEFAULT 'standard' CHECK(tier IN ('standard','silver','gold','platinum')),
    vip INTEGER NOT NULL DEFAULT 0,
    lifetime_value REAL NOT NULL DEFAULT 0,
    city TEXT,
    address TEXT,
    country TEXT,
    consent_marketing INTEGER NOT NULL DEFAULT 0,
    consent_recording INTEGER NOT NULL DEFAULT 0,
    consent_profiling INTEGER NOT NULL DEFAULT 0,
    crm_fields TEXT NOT NULL DEFAULT '{}' CHECK(json_valid(crm_fields)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX customers_by_name ON customers(display_name COLLATE NOCASE, id);

-- Every way a customer can reach us, normalised (phones E.164, emails lower
-- case), with the system that told us about it.
CREATE TABLE identities(
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK(kind IN ('phone','email','social','crm','chat')),
    network TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL,
    raw_value TEXT,
    source TEXT NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE(kind, network, value));
CREATE INDEX identities_by_customer ON identities(customer_id);

CREATE TABLE interactions(
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    channel TEXT NOT NULL
        CHECK(channel IN ('voice','email','chat','sms','social','callback','self_service','forum')),
    direction TEXT NOT NULL CHECK(direction IN ('inbound','outbound')),
    status TEXT NOT NULL DEFAULT 'ended'
        CHECK(status IN ('queued','offered','active','held','wrap_up','ended','abandoned')),
    queue_id INTEGER REFERENCES queues(id) ON DELETE SET NULL,
    agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    subject TEXT,
    language TEXT,
    offered_at INTEGER NOT NULL,
    answered_at INTEGER,
    ended_at INTEGER,
    wait_seconds INTEGER,
    handle_seconds INTEGER,
    disposition TEXT,
    contact_reason TEXT,
    sentiment REAL CHECK(sentiment BETWEEN -1 AND 1),
    csat INTEGER CHECK(csat BETWEEN 1 AND 5),
    revenue REAL,
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX interactions_by_customer ON interactions(customer_id, offered_at DESC, id DESC);
CREATE INDEX interactions_by_time ON interactions(offered_at);

CREATE TABLE messages(
    id INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    sent_at INTEGER NOT NULL,
    author TEXT NOT NULL CHECK(author IN ('customer','agent','system','bot')),
    author_name TEXT,
    body TEXT NOT NULL,
    sentiment REAL CHECK(sentiment BETWEEN -1 AND 1),
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX messages_by_interaction ON messages(interaction_id, sent_at);

CREATE TABLE tickets(
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    queue_id INTEGER REFERENCES queues(id) ON DELETE SET NULL,
    assignee_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    subject TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK(status IN ('new','open','pending','solved','closed')),
    priority TEXT NOT NULL DEFAULT 'normal' CHECK(priority IN ('low','normal','high','urgent')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    due_at INTEGER,
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX tickets_by_customer ON tickets(customer_id, status);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status);

-- Posts and engagement on social networks; author may not be a known customer yet.
CREATE TABLE social_activity(
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    kind TEXT NOT NULL
        CHECK(kind IN ('post','mention','comment','direct_message','like','share','tag','follow')),
    external_id TEXT,
    parent_id INTEGER REFERENCES social_activity(id) ON DELETE SET NULL,
    author_handle TEXT NOT NULL,
    author_followers INTEGER NOT NULL DEFAULT 0,
    body TEXT,
    url TEXT,
    posted_at INTEGER NOT NULL,
    sentiment REAL CHECK(sentiment BETWEEN -1 AND 1),
    intent TEXT,
    ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE(network, external_id));
CREATE INDEX social_by_customer ON social_activity(customer_id, posted_at DESC);

CREATE TABLE knowledge_articles(
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1);

CREATE TABLE callbacks(
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    phone TEXT NOT NULL,
    queue_id INTEGER REFERENCES queues(id) ON DELETE SET NULL,
    agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    requested_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'scheduled'
        CHECK(status IN ('scheduled','dialing','completed','failed','cancelled')),
    note TEXT NOT NULL DEFAULT '',
    interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX callbacks_by_due ON callbacks(status, due_at);

-- Agent writes waiting for the backend: written in the same transaction as
-- their local effect, delivered with the idempotency key until acknowledged.
CREATE TABLE outbox(
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    entity_kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    command TEXT NOT NULL,
    payload TEXT NOT NULL CHECK(json_valid(payload)),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','rejected')),
    last_error TEXT);
CREATE INDEX outbox_by_entity ON outbox(entity_kind, entity_id, id);

-- Cursor of the change feed, last successful sync and similar small facts.
CREATE TABLE sync_state(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL);
)SQL";

// Version 2: full-text search. unicode61 with remove_diacritics folds
// "Nicolò" to "nicolo", so agents find customers however they type the name.
// The customer index is replaced by version 4; the knowledge index follows
// its table through triggers.
constexpr const char* kSearchSchema = R"SQL(
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, company, phones, emails, handles, ids,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE VIRTUAL TABLE knowledge_search USING fts5(
    title, body, tags,
    content = 'knowledge_articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO knowledge_search(knowledge_search) VALUES('rebuild');
CREATE TRIGGER knowledge_ai AFTER INSERT ON knowledge_articles BEGIN
    INSERT INTO knowledge_search(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
CREATE TRIGGER knowledge_ad AFTER DELETE ON knowledge_articles BEGIN
    INSERT INTO knowledge_search(knowledge_search, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
END;
CREATE TRIGGER knowledge_au AFTER UPDATE ON knowledge_articles BEGIN
    INSERT INTO knowledge_search(knowledge_search, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO knowledge_search(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
)SQL";

// Version 3: an agent's internal note is not a message to the customer; the
// hub stored both as agent messages and the transcript could not tell them apart.
constexpr const char* kMessageKinds = R"SQL(
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message' CHECK(kind IN ('message','note'));
)SQL";

// Version 4: an agent's interactions in progress (My work, and the check
// that a state change strands none) without scanning every interaction: a
// partial index holds only the few live rows.
constexpr const char* kLiveWorkIndex = R"SQL(
CREATE INDEX interactions_live_by_agent ON interactions(agent_id, status)
    WHERE status IN ('offered','active','held','wrap_up');
)SQL";

// Version 5: an unknown caller's closest customers are those whose number
// ends with the same eight digits (CustomerMatchModel); without an index on
// the ending that is a scan of every phone number.
constexpr const char* kPhoneEndings = R"SQL(
CREATE INDEX identities_by_phone_ending ON identities(substr(value, -8)) WHERE kind = 'phone';
)SQL";

// Version 6: type-ahead within a frame on a million customers. Version 2
// put every identity into the FTS5 table as words: millions of distinct
// terms (each phone, email and chat id is unique), so a prefix such as
// "39333" or "mari" expanded into tens of thousands of terms, and results
// were ranked over every match. Names and companies keep FTS5, now with
// one-character prefixes indexed too (the first keystroke); identities move
// to a B-tree of whole keys that a prefix reads as one range. Each
// customer's keys are also kept, unindexed, in their FTS row: that is how
// they are found again to be replaced, without a second index on the keys.
// Filled by CustomerSearchIndex::rebuild, which is why step 2 no longer
// fills the table it created: this step replaces it.
constexpr const char* kSearchKeys = R"SQL(
DROP TABLE customer_search;
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, company, keys UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE TABLE customer_search_keys(
    key TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY(key, customer_id)) WITHOUT ROWID;
)SQL";
// Version 7: every CHECK(x IN ('a','b','c'...)) becomes CHECK(x = 'a' OR
// x = 'b' ...). SQLite 3.40 evaluates an IN list of three or more values by
// building a temporary b-tree for every row it checks (~5 µs a row, a third
// of the sync's write time); the OR chain means the same (NULL passes, the
// column's affinity and collation apply to each comparison) and costs a few
// comparisons. Only the stored CREATE TABLE text changes, not a byte of the
// rows, so SQLite's documented procedure for such changes applies (ALTER
// TABLE, "Making Other Kinds Of Table Schema Changes"): rewrite the text in
// sqlite_schema and bump schema_version, in the step's transaction, instead
// of rebuilding tables that may hold millions of rows.
const char* const kCheckedTables[]
    = { "agents", "customers", "identities", "interactions", "messages", "tickets", "social_activity", "callbacks", "outbox" };

QString orChains(const QString& createTable)
{
    static const QRegularExpression inList(
        QStringLiteral(R"(CHECK\((\w+) IN \(((?:'[^']*'(?:,|(?=\))))+)\)\))"));
    static const QRegularExpression literal(QStringLiteral("'[^']*'"));
    QString result;
    qsizetype done = 0;
    for (auto match = inList.globalMatch(createTable); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        QStringList comparisons;
        for (auto value = literal.globalMatch(m.captured(2)); value.hasNext();)
            comparisons << m.captured(1) + QStringLiteral(" = ") + value.next().captured();
        result += createTable.mid(done, m.capturedStart() - done) + QStringLiteral("CHECK(")
            + comparisons.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        done = m.capturedEnd();
    }
    return result + createTable.mid(done);
}

void rewriteInListChecks(Database& db)
{
    const qint64 schemaVersion = db.scalar("PRAGMA schema_version");
    Statement read(db.handle(), "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
    db.exec("PRAGMA writable_schema = ON");
    try {
        for (const char* table : kCheckedTables) {
            read.bind(1, table);
            const QString sql = read.step() ? read.text(0) : QString();
            read.reset();
            const QString rewritten = orChains(sql);
            if (rewritten == sql)
                continue;
            Statement write(db.handle(), "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
            write.bind(1, rewritten).bind(2, table).run();
        }
        // Every connection (this one included) parses the schema again.
        db.exec(QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion + 1));
    } catch (...) {
        db.exec("PRAGMA writable_schema = OFF");
        throw;
    }
    db.exec("PRAGMA writable_schema = OFF");
    // Parsing every table's new text now fails the step (and rolls it back)
    // rather than leaving a schema SQLite cannot read.
    for (const char* table : kCheckedTables)
        db.exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(QLatin1String(table)));
}

// Version 8: social care. A post's language is what routes its ticket to an
// agent who reads it (stored with sentiment and intent by the hub's intake);
// an interaction may belong to a ticket (the reply posted back on a social
// network is an outbound interaction of the ticket it answers).
constexpr const char* kSocialCare = R"SQL(
ALTER TABLE social_activity ADD COLUMN language TEXT;
ALTER TABLE interactions ADD COLUMN ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL;
CREATE INDEX interactions_by_ticket ON interactions(ticket_id) WHERE ticket_id IS NOT NULL;
)SQL";

const std::array kSteps {
    Step { 1, "core domain tables", kCoreSchema, nullptr },
    Step { 2, "full-text search for customers and knowledge", kSearchSchema, nullptr },
    Step { 3, "internal notes told apart from messages", kMessageKinds, nullptr },
    Step { 4, "an agent's live interactions indexed", kLiveWorkIndex, nullptr },
    Step { 5, "phone numbers found by their last digits", kPhoneEndings, nullptr },
    Step { 6, "customer search by name words and identity keys", kSearchKeys, &CustomerSearchIndex::rebuild },
    Step { 7, "CHECK(x IN (...)) as OR chains, which SQLite checks without a temporary b-tree", "",
        &rewriteInListChecks },
    Step { 8, "social posts' language, interactions of a ticket", kSocialCare, nullptr },
};

} // namespace

int Migrations::latestVersion() { return kSteps.back().version; }

int Migrations::currentVersion(Database& db)
{
    if (db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'") == 0)
        return 0;
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"));
}

void Migrations::apply(Database& db, int targetVersion)
{
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    for (const Step& step : kSteps) {
        if (step.version > targetVersion || step.version <= currentVersion(db))
            continue;
        Transaction tx(db);
        db.exec(step.sql);
        if (step.populate)
            step.populate(db);
        db.cached("INSERT INTO schema_migrations(version, description, applied_at) VALUES (?, ?, ?)")
            .bind(1, step.version)
            .bind(2, step.description)
            .bind(3, QDateTime::currentSecsSinceEpoch())
            .run();
        tx.commit();
    }
}
