// The sync engine against the real unisono-hub: initial sync equality, live
// changes over SSE, a hub killed mid-sync, and the outbox across an outage.
// Every wait is on a condition (QTest::qWaitFor), never a fixed sleep.
#include "HubProcess.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "sync/ChangeApplier.h"
#include "sync/MemoryTokenStore.h"
#include "sync/Outbox.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStatus.h"

#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>

namespace {

constexpr int kSyncTimeoutMs = 30000;
// Quick heartbeats, so the engine's idle watchdog (5 s here) sees a live
// stream as live and the tests never wait for a missed beat.
const QStringList kTinyDemo { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
    QStringLiteral("--heartbeat-ms"), QStringLiteral("500") };

SyncEngineOptions engineOptions(const HubProcess& hub, const QString& storePath, int pageSize = 500)
{
    SyncEngineOptions options;
    options.baseUrl = hub.url(QString());
    options.login = QStringLiteral("agent1");
    options.password = QStringLiteral("agent1");
    options.storePath = storePath;
    options.pageSize = pageSize;
    // The whole history, so the store can be compared with the hub; the
    // history window has its own test.
    options.historyDays = 0;
    // Quick retries: the tests restart hubs and must not wait out real backoffs.
    options.backoffMinMs = 50;
    options.backoffMaxMs = 500;
    options.http.connectTimeoutMs = 2000;
    options.http.streamIdleTimeoutMs = 5000;
    return options;
}

// Count and checksums of the synced tables: equal on both sides means the same rows in the same versions.
struct Fingerprint
{
    QList<qint64> values;
    bool operator==(const Fingerprint&) const = default;
};

Fingerprint fingerprint(Database& db)
{
    Fingerprint f;
    for (const char* sql : {
             "SELECT count(*) FROM customers",
             "SELECT coalesce(sum(id * 1009 + version), 0) FROM customers",
             "SELECT coalesce(sum(length(display_name) * id), 0) FROM customers",
             "SELECT count(*) FROM identities",
             "SELECT coalesce(sum(id * 1009 + customer_id), 0) FROM identities",
             "SELECT count(*) FROM interactions",
             "SELECT coalesce(sum(id * 1009 + version), 0) FROM interactions",
             "SELECT count(*) FROM messages",
             "SELECT coalesce(sum(id * 1009 + version), 0) FROM messages",
             "SELECT count(*) FROM agents",
             "SELECT coalesce(sum(id * 1009 + version), 0) FROM agents",
         })
        f.values.append(db.scalar(sql));
    return f;
}

std::string describe(const Fingerprint& f)
{
    QStringList parts;
    for (qint64 v : f.values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(' ')).toStdString();
}

qint64 hubLatestSeq(Database& hubDb)
{
    return hubDb.scalar("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)");
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs = kSyncTimeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

} // namespace

TEST_CASE("SyncEngine: the initial sync makes the store equal to the hub's demo data", "[sync]")
{
    TestSupport::TempDir dir;
    const QString hubDb = dir.file("hub.db");
    MemoryTokenStore tokens;
    qint64 cursor = 0;
    {
        HubProcess hub(hubDb, kTinyDemo);
        SyncEngine engine(engineOptions(hub, dir.file("local.db")), tokens);
        SyncStatus status;
        QObject::connect(&engine, &SyncEngine::statusChanged, &status, &SyncStatus::update);
        engine.start();
        REQUIRE(waitFor([&] { return engine.completedPulls() > 0 && status.state() == SyncStatus::State::Online; }));
        CHECK(status.lastSyncAt().isValid());
        CHECK(status.lastError().isEmpty());
        CHECK(status.pendingOutbox() == 0);
        CHECK(!tokens.token(QStringLiteral("agent1@127.0.0.1")).isEmpty());
        cursor = engine.cursor();
        engine.stop();
    }
    Database hub(hubDb, Database::Mode::ReadWrite);
    // The demo hub is quiet without clients; if it was not, the comparison below is meaningless.
    REQUIRE(hubLatestSeq(hub) == cursor);
    Store local(dir.file("local.db"));
    const Fingerprint hubPrint = fingerprint(hub);
    const Fingerprint localPrint = fingerprint(local.db());
    INFO("hub " << describe(hubPrint) << " local " << describe(localPrint));
    CHECK(hubPrint.values.at(0) == 60);
    CHECK(hubPrint == localPrint);
    CHECK(local.db().scalar("SELECT count(*) FROM customer_search") == 60);
    CHECK(local.db().scalar("PRAGMA foreign_key_check") == 0);
}

TEST_CASE("SyncEngine: live changes arrive through the event stream", "[sync]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file("hub.db"), kTinyDemo);
    MemoryTokenStore tokens;
    SyncEngine engine(engineOptions(hub, dir.file("local.db")), tokens);
    QList<qint64> changedInteractions;
    QObject::connect(&engine, &SyncEngine::changesApplied, [&](const QList<qint64>&, const QList<qint64>& interactions) {
        changedInteractions += interactions;
    });
    QStringList liveTypes;
    QObject::connect(&engine, &SyncEngine::liveEvent, [&](const QString& type, const QString&) { liveTypes << type; });
    engine.start();
    REQUIRE(waitFor([&] { return engine.status().state == SyncStatusSnapshot::State::Online; }));
    Database& db = engine.store()->db();
    const qint64 interactionId = db.scalar("SELECT min(id) FROM interactions");
    const qint64 agentId = db.scalar("SELECT min(id) FROM agents WHERE role = 'agent'");
    const int pullsBefore = engine.completedPulls();
    changedInteractions.clear();

    const QString supervisor = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto note = hub.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(interactionId),
        QJsonObject { { QStringLiteral("text"), QStringLiteral("live note from the test") } }, supervisor);
    REQUIRE(note.status == 201);
    const auto noteCount = [&] {
        return db.scalar("SELECT count(*) FROM messages WHERE body = 'live note from the test'");
    };
    REQUIRE(waitFor([&] { return noteCount() == 1; }, 10000));
    CHECK(changedInteractions.contains(interactionId));

    const auto state = hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(agentId),
        QJsonObject { { QStringLiteral("state"), QStringLiteral("ready") } }, supervisor);
    INFO(state.body.toStdString());
    REQUIRE(state.status == 200);
    Statement& agentState = db.cached("SELECT state FROM agents WHERE id = ?");
    const auto stateNow = [&] {
        agentState.bind(1, agentId);
        const QString value = agentState.step() ? agentState.text(0) : QString();
        agentState.reset();
        return value;
    };
    REQUIRE(waitFor([&] { return stateNow() == QLatin1String("ready"); }, 10000));
    REQUIRE(waitFor([&] { return liveTypes.contains(QStringLiteral("agent_state")); }, 10000));
    // Contiguous events were applied as they came, without re-reading the feed.
    CHECK(engine.completedPulls() == pullsBefore);
    CHECK(noteCount() == 1);
}

TEST_CASE("SyncEngine: a hub stopped mid-sync and restarted on the same database converges", "[sync]")
{
    TestSupport::TempDir dir;
    const QString hubDb = dir.file("hub.db");
    const QStringList demo = kTinyDemo;
    auto hub = std::make_unique<HubProcess>(hubDb, demo);
    MemoryTokenStore tokens;
    SyncEngine engine(engineOptions(*hub, dir.file("local.db"), 50), tokens);
    SyncStatus status;
    QObject::connect(&engine, &SyncEngine::statusChanged, &status, &SyncStatus::update);
    int pages = 0;
    QObject::connect(&engine, &SyncEngine::changesApplied, [&] {
        // Stop the hub right after the first page, before the next request.
        if (++pages == 1)
            hub.reset();
    });
    engine.start();
    REQUIRE(waitFor([&] { return !hub && status.state() == SyncStatus::State::Offline; }));
    CHECK_FALSE(status.lastError().isEmpty());
    CHECK(status.snapshot().retryAt.isValid());
    // Cut after a whole page (the first that touched customers or interactions), before the end.
    const qint64 cutAt = engine.cursor();
    CHECK(cutAt > 0);
    CHECK(cutAt % 50 == 0);
    CHECK(ChangeApplier::storedCursor(engine.store()->db()) == cutAt);
    CHECK(engine.completedPulls() == 0);

    hub = std::make_unique<HubProcess>(hubDb, demo); // same data, another port
    engine.setBaseUrl(hub->url(QString()));
    engine.reconnectNow();
    REQUIRE(waitFor([&] { return engine.completedPulls() > 0 && status.state() == SyncStatus::State::Online; }));
    const qint64 cursor = engine.cursor();
    engine.stop();
    hub.reset();
    Database hubDatabase(hubDb, Database::Mode::ReadWrite);
    REQUIRE(hubLatestSeq(hubDatabase) == cursor);
    CHECK(cursor > cutAt);
    const Fingerprint hubPrint = fingerprint(hubDatabase);
    const Fingerprint localPrint = fingerprint(engine.store()->db());
    INFO("hub " << describe(hubPrint) << " local " << describe(localPrint));
    CHECK(hubPrint == localPrint);
}

TEST_CASE("SyncEngine: 100 commands made while the hub is down are delivered exactly once", "[sync]")
{
    TestSupport::TempDir dir;
    const QString hubDb = dir.file("hub.db");
    const QStringList demo = kTinyDemo;
    auto hub = std::make_unique<HubProcess>(hubDb, demo);
    MemoryTokenStore tokens;
    SyncEngine engine(engineOptions(*hub, dir.file("local.db")), tokens);
    SyncStatus status;
    QObject::connect(&engine, &SyncEngine::statusChanged, &status, &SyncStatus::update);
    engine.start();
    REQUIRE(waitFor([&] { return status.state() == SyncStatus::State::Online; }));
    Database& db = engine.store()->db();
    QList<qint64> interactions;
    {
        Statement& st = db.cached("SELECT id FROM interactions ORDER BY id LIMIT 4");
        while (st.step())
            interactions << st.int64(0);
        st.reset();
    }
    REQUIRE(interactions.size() == 4);

    hub.reset();
    REQUIRE(waitFor([&] { return status.state() == SyncStatus::State::Offline; }));
    for (int i = 0; i < 100; ++i) {
        // The agent's action and its outbox entry in one transaction (here the
        // action is only the command; the local effect arrives with the feed).
        Transaction tx(db);
        const qint64 interaction = interactions.at(i % interactions.size());
        Outbox::enqueue(db, QStringLiteral("interaction"), QString::number(interaction), QStringLiteral("note"), "POST",
            QStringLiteral("/api/v1/interactions/%1/notes").arg(interaction),
            QJsonObject { { QStringLiteral("text"), QStringLiteral("outbox note %1").arg(i) } });
        tx.commit();
    }
    engine.outbox()->deliver();
    REQUIRE(waitFor([&] { return status.pendingOutbox() == 100; }, 5000));

    hub = std::make_unique<HubProcess>(hubDb, demo);
    engine.setBaseUrl(hub->url(QString()));
    engine.reconnectNow();
    const auto notesInStore = [&] { return db.scalar("SELECT count(*) FROM messages WHERE body LIKE 'outbox note %'"); };
    REQUIRE(waitFor([&] { return status.pendingOutbox() == 0 && notesInStore() == 100; }));
    CHECK(status.rejectedOutbox() == 0);
    CHECK(db.scalar("SELECT count(*) FROM outbox") == 0);
    // Per interaction, in the order they were made.
    Statement& order = db.cached("SELECT body FROM messages WHERE interaction_id = ? AND body LIKE 'outbox note %' ORDER BY id");
    order.bind(1, interactions.at(1));
    QStringList bodies;
    while (order.step())
        bodies << order.text(0);
    order.reset();
    REQUIRE(bodies.size() == 25);
    for (int k = 0; k < 25; ++k)
        CHECK(bodies.at(k) == QStringLiteral("outbox note %1").arg(k * 4 + 1));
    engine.stop();
    hub.reset();

    Database hubDatabase(hubDb, Database::Mode::ReadWrite);
    CHECK(hubDatabase.scalar("SELECT count(*) FROM messages WHERE body LIKE 'outbox note %'") == 100);
    CHECK(hubDatabase.scalar("SELECT count(DISTINCT body) FROM messages WHERE body LIKE 'outbox note %'") == 100);
    CHECK(hubDatabase.scalar("SELECT count(*) FROM changes WHERE entity = 'message' AND op = 'upsert' AND "
                             "json_extract(payload, '$.body') LIKE 'outbox note %'")
        == 100);
}

TEST_CASE("Outbox: a 4xx keeps the command as rejected with the server's reason until retry or discard", "[sync]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file("hub.db"), kTinyDemo);
    MemoryTokenStore tokens;
    SyncEngine engine(engineOptions(hub, dir.file("local.db")), tokens);
    engine.start();
    REQUIRE(waitFor([&] { return engine.status().state == SyncStatusSnapshot::State::Online; }));
    Database& db = engine.store()->db();
    Outbox::enqueue(db, QStringLiteral("interaction"), QStringLiteral("999999"), QStringLiteral("note"), "POST",
        QStringLiteral("/api/v1/interactions/999999/notes"), QJsonObject { { QStringLiteral("text"), QStringLiteral("lost") } });
    Outbox::enqueue(db, QStringLiteral("interaction"), QStringLiteral("999999"), QStringLiteral("note"), "POST",
        QStringLiteral("/api/v1/interactions/999999/notes"), QJsonObject { { QStringLiteral("text"), QStringLiteral("behind") } });
    QString reason;
    QObject::connect(engine.outbox(), &Outbox::rejected, [&](qint64, const QString& why) { reason = why; });
    engine.outbox()->deliver();
    REQUIRE(waitFor([&] { return !reason.isEmpty(); }, 10000));
    CHECK(reason.contains(QStringLiteral("999999")));
    const QList<OutboxEntry> entries = engine.outbox()->entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(0).rejected);
    CHECK(entries.at(0).lastError == reason);
    // The second command of the same entity waits behind the rejected one.
    CHECK_FALSE(entries.at(1).rejected);
    CHECK(entries.at(1).attempts == 0);
    CHECK(engine.status().rejectedOutbox == 1);
    engine.outbox()->discard(entries.at(0).id);
    REQUIRE(waitFor([&] { return engine.outbox()->rejectedCount() == 1 && engine.outbox()->pendingCount() == 0; }, 10000));
    CHECK(engine.outbox()->entries().value(0).idempotencyKey == entries.at(1).idempotencyKey);
}

TEST_CASE("Outbox: backoff grows ×5 from 2 s and is capped at an hour", "[sync]")
{
    CHECK(Outbox::backoffSeconds(1) == 2);
    CHECK(Outbox::backoffSeconds(2) == 10);
    CHECK(Outbox::backoffSeconds(3) == 50);
    CHECK(Outbox::backoffSeconds(4) == 250);
    CHECK(Outbox::backoffSeconds(5) == 1250);
    CHECK(Outbox::backoffSeconds(6) == 3600);
    CHECK(Outbox::backoffSeconds(60) == 3600);
}

TEST_CASE("SyncEngine: a sync process killed with SIGKILL mid-batch leaves a sound store that resumes", "[sync]")
{
    TestSupport::TempDir dir;
    const QString hubDb = dir.file("hub.db");
    const QString localDb = dir.file("local.db");
    HubProcess hub(hubDb, kTinyDemo);
    QProcess child;
    child.setProgram(TestSupport::builtBinary(QStringLiteral("sync-child")));
    child.setArguments({ hub.url(QString()).toString(), localDb, QStringLiteral("10") });
    child.start();
    REQUIRE(child.waitForStarted(10000));
    // A few pages in, the process dies without any chance to clean up.
    int lines = 0;
    REQUIRE(waitFor([&] {
        while (child.canReadLine()) {
            child.readLine();
            ++lines;
        }
        return lines >= 5 || child.state() != QProcess::Running;
    }));
    REQUIRE(child.state() == QProcess::Running);
    child.kill(); // SIGKILL
    REQUIRE(child.waitForFinished(10000));
    CHECK(child.exitStatus() == QProcess::CrashExit);
    {
        Database db(localDb, Database::Mode::ReadWrite);
        Statement check(db.handle(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == QStringLiteral("ok"));
        CHECK(db.scalar("PRAGMA foreign_key_check") == 0);
        const qint64 cursor = ChangeApplier::storedCursor(db);
        CHECK(cursor > 0);
        CHECK(cursor % 10 == 0); // always a whole page with its cursor
    }
    // Resume in a new process: it finishes and exits cleanly.
    QProcess resume;
    resume.setProgram(TestSupport::builtBinary(QStringLiteral("sync-child")));
    resume.setArguments({ hub.url(QString()).toString(), localDb, QStringLiteral("500") });
    resume.start();
    REQUIRE(resume.waitForStarted(10000));
    REQUIRE(waitFor([&] { return resume.state() == QProcess::NotRunning; }));
    INFO(resume.readAllStandardError().toStdString());
    REQUIRE(resume.exitCode() == 0);
    Store local(localDb);
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    const auto tail = hub.get(QStringLiteral("/api/v1/changes?since=%1").arg(ChangeApplier::storedCursor(local.db())), token);
    CHECK(tail.json.value(QStringLiteral("changes")).toArray().isEmpty());
    CHECK(local.db().scalar("SELECT count(*) FROM customers") == 60);
    CHECK(local.db().scalar("SELECT count(*) FROM customer_search") == 60);
}

TEST_CASE("SyncEngine: history older than the window stays on the hub until the timeline asks for it", "[sync][history]")
{
    TestSupport::TempDir dir;
    const QString hubPath = dir.file("hub.db");
    HubProcess hub(hubPath, kTinyDemo);
    MemoryTokenStore tokens;
    SyncEngineOptions options = engineOptions(hub, dir.file("local.db"));
    options.historyDays = 180;
    SyncEngine engine(options, tokens);
    int fetchedSignals = 0, lastReceived = -1, lastTotal = -1;
    QString historyError;
    QObject::connect(&engine, &SyncEngine::historyFetched, [&](qint64, int received, int total) {
        ++fetchedSignals;
        lastReceived = received;
        lastTotal = total;
    });
    QObject::connect(&engine, &SyncEngine::historyFailed, [&](qint64, const QString& error) { historyError = error; });
    engine.start();
    REQUIRE(waitFor([&] { return engine.status().state == SyncStatusSnapshot::State::Online; }));

    Database hubDb(hubPath, Database::Mode::ReadWrite);
    Database& local = engine.store()->db();
    const qint64 cutoff = QDateTime::currentSecsSinceEpoch() - 180 * 86400;
    const QByteArray old = "SELECT count(*) FROM interactions WHERE offered_at < " + QByteArray::number(cutoff);
    const QByteArray recent = "SELECT count(*) FROM interactions WHERE offered_at >= " + QByteArray::number(cutoff);
    // The tiny demo has three years of history: most of it is older than the window.
    REQUIRE(hubDb.scalar(old.constData()) > 0);
    CHECK(local.scalar(old.constData()) == 0);
    CHECK(local.scalar(recent.constData()) == hubDb.scalar(recent.constData()));
    CHECK(local.scalar("SELECT count(*) FROM messages") > 0);
    CHECK(local.scalar("PRAGMA foreign_key_check") == 0);
    // Customers, identities and everything else are all there.
    CHECK(local.scalar("SELECT count(*) FROM customers") == hubDb.scalar("SELECT count(*) FROM customers"));

    // The customer with the most old history; the timeline scrolls past what is local.
    const QByteArray busiest = "SELECT customer_id FROM interactions WHERE offered_at < " + QByteArray::number(cutoff)
        + " GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1";
    const qint64 customerId = hubDb.scalar(busiest.constData());
    const QByteArray ofCustomer = "SELECT count(*) FROM interactions WHERE customer_id = " + QByteArray::number(customerId);
    const QByteArray versions
        = "SELECT coalesce(sum(id * 1009 + version), 0) FROM interactions WHERE customer_id = " + QByteArray::number(customerId);
    const qint64 onHub = hubDb.scalar(ofCustomer.constData());
    qint64 before = local.scalar(ofCustomer.constData());
    REQUIRE(before < onHub);
    int pages = 0;
    while (before < onHub) {
        const int signalsBefore = fetchedSignals;
        engine.fetchOlderHistory(customerId, 3); // small pages: several round trips
        REQUIRE(waitFor([&] { return fetchedSignals > signalsBefore || !historyError.isEmpty(); }));
        INFO(historyError.toStdString());
        REQUIRE(historyError.isEmpty());
        CHECK(lastTotal == onHub);
        const qint64 after = local.scalar(ofCustomer.constData());
        CHECK(after == std::min(onHub, before + 3));
        CHECK(lastReceived == after - before);
        before = after;
        REQUIRE(++pages < 100);
    }
    CHECK(pages >= 2);
    CHECK(local.scalar(versions.constData()) == hubDb.scalar(versions.constData()));
    CHECK(local.scalar("PRAGMA foreign_key_check") == 0);
    // Once local, an old interaction is kept current by the feed like any other.
    const qint64 oldId = local.scalar(("SELECT min(id) FROM interactions WHERE customer_id = " + QByteArray::number(customerId)).constData());
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto note = hub.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(oldId),
        QJsonObject { { QStringLiteral("text"), QStringLiteral("found it") } }, token);
    REQUIRE(note.status == 201);
    const QByteArray noteSql = "SELECT count(*) FROM messages WHERE interaction_id = " + QByteArray::number(oldId)
        + " AND body = 'found it'";
    CHECK(waitFor([&] { return local.scalar(noteSql.constData()) == 1; }));
    engine.stop();
}

namespace {

// Erases a customer with history and nothing in progress (not one of
// `keep`), then writes notes until its tombstones leave a --retain-changes 30
// window: the feed's floor rises above them. Returns the erased id.
qint64 eraseAndPrune(HubProcess& hub, Database& hubDb, const QString& token, const QList<qint64>& keep)
{
    const qint64 noteOn = hubDb.scalar("SELECT max(id) FROM interactions");
    QStringList notIn { QString::number(hubDb.scalar(
        ("SELECT customer_id FROM interactions WHERE id = " + QByteArray::number(noteOn)).constData())) };
    for (qint64 id : keep)
        notIn << QString::number(id);
    const QByteArray pick = "SELECT c.id FROM customers c WHERE c.id NOT IN (" + notIn.join(',').toUtf8()
        + ") AND EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id) AND NOT EXISTS (SELECT 1 FROM "
          "interactions i WHERE i.customer_id = c.id AND i.status IN ('queued','offered','active','held','wrap_up')) "
          "ORDER BY c.id LIMIT 1";
    const qint64 customerId = hubDb.scalar(pick.constData());
    REQUIRE(customerId > 0);
    const qint64 floorBefore = hubDb.scalar("SELECT coalesce((SELECT value FROM hub_state WHERE key = 'feed_floor'), 0)");
    REQUIRE(hub.send("DELETE", QStringLiteral("/api/v1/customers/%1").arg(customerId), {}, token,
                   { { "Idempotency-Key", "erase-" + QByteArray::number(customerId) } })
                .status
        == 200);
    for (int i = 0; i < 35; ++i) {
        REQUIRE(hub.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(noteOn),
                       QJsonObject { { QStringLiteral("text"), QStringLiteral("Follow-up %1").arg(i) } }, token)
                    .status
            == 201);
    }
    REQUIRE(hubDb.scalar("SELECT value FROM hub_state WHERE key = 'feed_floor'") > floorBefore);
    return customerId;
}

qint64 expiredPages(HubProcess& hub) { return hub.standardError().count("/api/v1/changes 410"); }

const QStringList kPrunedTinyDemo = kTinyDemo
    + QStringList { QStringLiteral("--retain-changes"), QStringLiteral("30"), QStringLiteral("--log-level"),
          QStringLiteral("info") };

} // namespace

TEST_CASE("SyncEngine: a first sync walks from 0 past a pruned erasure to the head and converges", "[sync][floor]")
{
    TestSupport::TempDir dir;
    const QString hubPath = dir.file("hub.db");
    HubProcess hub(hubPath, kPrunedTinyDemo);
    Database hubDb(hubPath, Database::Mode::ReadWrite);
    const qint64 erased = eraseAndPrune(hub, hubDb, hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor")), {});

    MemoryTokenStore tokens;
    // Pages of 50: the walk goes far below the floor, which is above the demo's baseline.
    SyncEngine engine(engineOptions(hub, dir.file("local.db"), 50), tokens);
    engine.start();
    REQUIRE(waitFor([&] { return engine.completedPulls() > 0 && engine.status().state == SyncStatusSnapshot::State::Online; }));
    CHECK(engine.status().lastError.isEmpty());
    CHECK(expiredPages(hub) == 0);
    CHECK(engine.cursor() == hubLatestSeq(hubDb));
    Database& local = engine.store()->db();
    CHECK(local.scalar(("SELECT count(*) FROM customers WHERE id = " + QByteArray::number(erased)).constData()) == 0);
    const Fingerprint hubPrint = fingerprint(hubDb);
    const Fingerprint localPrint = fingerprint(local);
    INFO("hub " << describe(hubPrint) << " local " << describe(localPrint));
    CHECK(hubPrint == localPrint);
    engine.stop();
}

TEST_CASE("SyncEngine: a walk from 0 resumes below the floor after a restart, and starts over if the floor rose",
    "[sync][floor]")
{
    TestSupport::TempDir dir;
    const QString hubPath = dir.file("hub.db");
    HubProcess hub(hubPath, kPrunedTinyDemo);
    Database hubDb(hubPath, Database::Mode::ReadWrite);
    const QString supervisor = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const qint64 first = eraseAndPrune(hub, hubDb, supervisor, {});
    MemoryTokenStore tokens;
    const SyncEngineOptions options = engineOptions(hub, dir.file("local.db"), 50);
    const qint64 floor = hubDb.scalar("SELECT value FROM hub_state WHERE key = 'feed_floor'");

    // Each engine stops after its first page with customers, as a desktop that is closed mid-walk.
    const auto walkOnePage = [&] {
        SyncEngine engine(options, tokens);
        bool stopped = false;
        QObject::connect(&engine, &SyncEngine::changesApplied, [&] {
            if (!stopped)
                engine.stop();
            stopped = true;
        });
        engine.start();
        REQUIRE(waitFor([&] { return stopped; }));
        return engine.cursor();
    };
    const qint64 cut = walkOnePage();
    REQUIRE(cut > 0);
    REQUIRE(cut < floor);
    // The floor has not moved: the next engine goes on from its cursor, below the floor.
    const qint64 resumed = walkOnePage();
    CHECK(resumed > cut);
    CHECK(resumed < floor);
    CHECK(expiredPages(hub) == 0);

    // Another erasure is pruned before the walk ends: a customer the store
    // may hold lost its tombstone, so the walk must start over.
    const qint64 second = eraseAndPrune(hub, hubDb, supervisor, { first });
    SyncEngine engine(options, tokens);
    engine.start();
    REQUIRE(waitFor([&] { return engine.completedPulls() > 0 && engine.status().state == SyncStatusSnapshot::State::Online; }));
    CHECK(expiredPages(hub) == 1);
    CHECK(engine.cursor() == hubLatestSeq(hubDb));
    Database& local = engine.store()->db();
    for (const qint64 erased : { first, second })
        CHECK(local.scalar(("SELECT count(*) FROM customers WHERE id = " + QByteArray::number(erased)).constData()) == 0);
    const Fingerprint hubPrint = fingerprint(hubDb);
    const Fingerprint localPrint = fingerprint(local);
    INFO("hub " << describe(hubPrint) << " local " << describe(localPrint));
    CHECK(hubPrint == localPrint);
    engine.stop();
}
