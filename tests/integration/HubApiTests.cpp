// Integration tests of unisono-hub: each starts the real binary on a free
// loopback port with its own temporary database and talks HTTP to it.
#include "HubProcess.h"
#include "SseClient.h"
#include "TestSupport.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <catch2/catch.hpp>

namespace {

const QString kChanges = QStringLiteral("/api/v1/changes");

struct Seeded
{
    qint64 customerId = 0;
    QList<qint64> interactionIds;
};

// A small store written before the hub starts, as an import would leave it:
// the hub must put it into its change feed (baseline) on first start.
Seeded seedStore(const QString& path)
{
    Store store(path);
    Seeded seeded;
    Customer customer;
    customer.firstName = QStringLiteral("Giulia");
    customer.lastName = QStringLiteral("Bianchi");
    customer.company = QStringLiteral("Bianchi Srl");
    seeded.customerId = store.addCustomer(customer);
    store.addIdentity(
        seeded.customerId, IdentityKind::Email, QStringLiteral("giulia@example.com"), QStringLiteral("crm"));
    store.addIdentity(
        seeded.customerId, IdentityKind::Phone, QStringLiteral("+39 02 1234 5678"), QStringLiteral("pbx"));
    Customer other;
    other.firstName = QStringLiteral("Marco");
    other.lastName = QStringLiteral("Rossi");
    store.addCustomer(other);
    for (int i = 0; i < 3; ++i) {
        Interaction interaction;
        interaction.customerId = seeded.customerId;
        interaction.channel = i == 0 ? Channel::Voice : Channel::Email;
        interaction.offeredAt = 1700000000 + i * 3600;
        interaction.subject = QStringLiteral("Contact %1").arg(i);
        seeded.interactionIds.append(store.addInteraction(interaction));
    }
    return seeded;
}

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject result;
    for (const auto& field : fields)
        result.insert(field.first, field.second);
    return result;
}

// Every change of the feed from `since`, following next/more.
QList<QJsonObject> readWholeFeed(HubProcess& hub, const QString& token, int pageSize, int* pages = nullptr)
{
    QList<QJsonObject> all;
    qint64 since = 0;
    int count = 0;
    for (;;) {
        const auto page
            = hub.get(QStringLiteral("%1?since=%2&limit=%3").arg(kChanges).arg(since).arg(pageSize), token);
        REQUIRE(page.status == 200);
        const QJsonArray changes = page.json.value(QStringLiteral("changes")).toArray();
        REQUIRE(changes.size() <= pageSize);
        for (const QJsonValue& change : changes)
            all.append(change.toObject());
        ++count;
        const qint64 next = page.json.value(QStringLiteral("next")).toInteger();
        if (!page.json.value(QStringLiteral("more")).toBool())
            break;
        REQUIRE(next > since);
        since = next;
        REQUIRE(count < 1000);
    }
    if (pages)
        *pages = count;
    return all;
}

} // namespace

TEST_CASE("Login answers a token for the right password and 401 otherwise", "[hub]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));

    const auto ok = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})");
    REQUIRE(ok.status == 200);
    CHECK(ok.json.value(QStringLiteral("token")).toString().size() == 64);
    CHECK(ok.json.value(QStringLiteral("role")).toString() == QStringLiteral("agent"));
    CHECK(ok.json.value(QStringLiteral("agentId")).toInteger() > 0);
    CHECK(ok.json.value(QStringLiteral("expiresAt")).toInteger() > QDateTime::currentSecsSinceEpoch());

    const auto wrongPassword
        = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"nope"})");
    CHECK(wrongPassword.status == 401);
    CHECK(wrongPassword.errorCode() == QStringLiteral("invalid_credentials"));
    const auto unknownUser = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"ghost","password":"x"})");
    CHECK(unknownUser.status == 401);
    const auto missingPassword = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1"})");
    CHECK(missingPassword.status == 400);
    CHECK(missingPassword.errorField() == QStringLiteral("password"));
}

TEST_CASE("Every endpoint but login needs a valid, unexpired bearer token", "[hub]")
{
    TestSupport::TempDir dir;
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--token-ttl"), QStringLiteral("1") });

    for (const QString& path : { QStringLiteral("/api/v1/customers"), QStringLiteral("/api/v1/queues"),
             QStringLiteral("/api/v1/changes"), QStringLiteral("/api/v1/events") }) {
        INFO(path.toStdString());
        const auto anonymous = hub.get(path);
        CHECK(anonymous.status == 401);
        CHECK(anonymous.errorCode() == QStringLiteral("unauthorized"));
        CHECK(hub.get(path, QStringLiteral("not-a-token")).status == 401);
    }
    CHECK(hub.post(QStringLiteral("/api/v1/agents/1/state"), R"({"state":"ready"})", {},
                 { { "Idempotency-Key", "k" } })
              .status
        == 401);

    // With a one-second lifetime the token must stop working within two seconds.
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    HubProcess::Response last;
    const bool expired = SseClient::waitFor(
        [&] {
            last = hub.get(QStringLiteral("/api/v1/queues"), token);
            return last.status == 401;
        },
        4000);
    CHECK(expired);
    CHECK(last.errorCode() == QStringLiteral("token_expired"));
}

TEST_CASE("An agent gets 403 on supervisor endpoints and on another agent's state", "[hub]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const auto agentLogin
        = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})");
    const QString agentToken = agentLogin.json.value(QStringLiteral("token")).toString();
    const qint64 ownId = agentLogin.json.value(QStringLiteral("agentId")).toInteger();
    const QString supervisorToken = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));

    const auto forbidden = hub.get(QStringLiteral("/api/v1/agents"), agentToken);
    CHECK(forbidden.status == 403);
    CHECK(forbidden.errorCode() == QStringLiteral("forbidden"));

    const auto board = hub.get(QStringLiteral("/api/v1/agents"), supervisorToken);
    REQUIRE(board.status == 200);
    const QJsonArray agents = board.json.value(QStringLiteral("agents")).toArray();
    REQUIRE(agents.size() == 4);
    qint64 otherId = 0;
    for (const QJsonValue& agent : agents) {
        if (agent.toObject().value(QStringLiteral("login")).toString() == QStringLiteral("agent2"))
            otherId = agent.toObject().value(QStringLiteral("id")).toInteger();
    }
    REQUIRE(otherId > 0);

    const QJsonObject ready = object({ { QStringLiteral("state"), QStringLiteral("ready") } });
    CHECK(
        hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(otherId), ready, agentToken).status == 403);
    const auto own = hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(ownId), ready, agentToken);
    CHECK(own.status == 200);
    CHECK(own.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("state")).toString()
        == QStringLiteral("ready"));
    // A supervisor may set anyone's state (e.g. log out an agent who left).
    const QJsonObject loggedOut = object({ { QStringLiteral("state"), QStringLiteral("logged_out") } });
    CHECK(
        hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(otherId), loggedOut, supervisorToken).status
        == 200);
}

TEST_CASE("Customers can be searched, opened with identities and their interactions paged", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));

    const auto search = hub.get(QStringLiteral("/api/v1/customers?q=bianchi"), token);
    REQUIRE(search.status == 200);
    const QJsonArray found = search.json.value(QStringLiteral("customers")).toArray();
    REQUIRE(found.size() == 1);
    CHECK(found.at(0).toObject().value(QStringLiteral("displayName")).toString()
        == QStringLiteral("Giulia Bianchi"));
    // Phones are found however they are typed.
    const auto byPhone = hub.get(QStringLiteral("/api/v1/customers?q=0212345678"), token);
    CHECK(byPhone.json.value(QStringLiteral("customers")).toArray().size() == 1);
    CHECK(hub.get(QStringLiteral("/api/v1/customers?limit=1"), token)
              .json.value(QStringLiteral("customers"))
              .toArray()
              .size()
        == 1);

    const auto profile = hub.get(QStringLiteral("/api/v1/customers/%1").arg(seeded.customerId), token);
    REQUIRE(profile.status == 200);
    CHECK(profile.json.value(QStringLiteral("identities")).toArray().size() == 2);
    CHECK(profile.json.value(QStringLiteral("interactionCount")).toInteger() == 3);
    CHECK(profile.json.value(QStringLiteral("vip")).isBool());
    CHECK(profile.json.value(QStringLiteral("crmFields")).isObject());

    const auto page = hub.get(
        QStringLiteral("/api/v1/customers/%1/interactions?limit=2&offset=0").arg(seeded.customerId), token);
    REQUIRE(page.status == 200);
    const QJsonArray interactions = page.json.value(QStringLiteral("interactions")).toArray();
    REQUIRE(interactions.size() == 2);
    CHECK(page.json.value(QStringLiteral("total")).toInteger() == 3);
    // Newest first.
    CHECK(interactions.at(0).toObject().value(QStringLiteral("offeredAt")).toInteger()
        > interactions.at(1).toObject().value(QStringLiteral("offeredAt")).toInteger());

    CHECK(hub.get(QStringLiteral("/api/v1/customers/999999"), token).status == 404);
    CHECK(hub.get(QStringLiteral("/api/v1/customers/999999/interactions"), token).status == 404);
    const auto badLimit = hub.get(QStringLiteral("/api/v1/customers?limit=abc"), token);
    CHECK(badLimit.status == 400);
    CHECK(badLimit.errorField() == QStringLiteral("limit"));
    CHECK(hub.get(QStringLiteral("/api/v1/queues"), token).status == 200);
}

TEST_CASE(
    "The change feed pages with next and more over one total order that includes pre-existing data", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));

    int pages = 0;
    const QList<QJsonObject> feed = readWholeFeed(hub, token, 3, &pages);
    // 4 agents + 2 customers + 2 identities + 3 interactions from the baseline.
    REQUIRE(feed.size() == 11);
    CHECK(pages == 4);
    qint64 previous = 0;
    QSet<QString> entities;
    for (const QJsonObject& change : feed) {
        const qint64 seq = change.value(QStringLiteral("seq")).toInteger();
        CHECK(seq > previous);
        previous = seq;
        CHECK(change.value(QStringLiteral("op")).toString() == QStringLiteral("upsert"));
        CHECK(change.value(QStringLiteral("data")).isObject());
        entities.insert(change.value(QStringLiteral("entity")).toString());
    }
    CHECK(entities
        == QSet<QString> { QStringLiteral("agent"), QStringLiteral("customer"), QStringLiteral("identity"),
            QStringLiteral("interaction") });

    // A new change lands after the cursor, and only it.
    const auto note
        = hub.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(seeded.interactionIds.at(0)),
            object({ { QStringLiteral("text"), QStringLiteral("Called back, all good") } }), token);
    REQUIRE(note.status == 201);
    const auto after = hub.get(QStringLiteral("%1?since=%2").arg(kChanges).arg(previous), token);
    REQUIRE(after.status == 200);
    const QJsonArray tail = after.json.value(QStringLiteral("changes")).toArray();
    REQUIRE(tail.size() == 1);
    CHECK(tail.at(0).toObject().value(QStringLiteral("entity")).toString() == QStringLiteral("message"));
    CHECK(tail.at(0).toObject().value(QStringLiteral("seq")).toInteger()
        == note.json.value(QStringLiteral("seq")).toInteger());
    // An internal note is told apart from what the customer reads.
    const QJsonObject noteData = tail.at(0).toObject().value(QStringLiteral("data")).toObject();
    CHECK(noteData.value(QStringLiteral("kind")).toString() == QStringLiteral("note"));
    CHECK(noteData.value(QStringLiteral("author")).toString() == QStringLiteral("agent"));
    CHECK(noteData.value(QStringLiteral("body")).toString() == QStringLiteral("Called back, all good"));
    CHECK_FALSE(after.json.value(QStringLiteral("more")).toBool());

    const auto badSince = hub.get(QStringLiteral("%1?since=-1").arg(kChanges), token);
    CHECK(badSince.status == 400);
    CHECK(badSince.errorField() == QStringLiteral("since"));
    CHECK(hub.get(QStringLiteral("%1?limit=5001").arg(kChanges), token).status == 400);
}

TEST_CASE("Pruning superseded changes never expires a cursor, but a pruned tombstone does", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--retain-changes"), QStringLiteral("3") });
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    const QString supervisor = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto me = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})");
    const qint64 agentId = me.json.value(QStringLiteral("agentId")).toInteger();
    const auto changeState = [&](const QString& state) {
        REQUIRE(hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(agentId),
                       object({ { QStringLiteral("state"), state } }), token)
                    .status
            == 200);
    };

    // Six state changes of one agent push its older upserts out of a window
    // of three. Every later state is still in the feed, so an old cursor
    // misses nothing and a client paging from 0 can page right through.
    for (const char* state : { "ready", "not_ready", "ready", "after_call_work", "ready", "not_ready" })
        changeState(QString::fromLatin1(state));
    CHECK(hub.get(QStringLiteral("%1?since=1").arg(kChanges), token).status == 200);
    CHECK(hub.get(QStringLiteral("%1?since=2&limit=1").arg(kChanges), token).status == 200);

    // Erasure leaves tombstones; once they fall out of the window a client
    // below them could miss a deletion, so its cursor has expired.
    REQUIRE(hub.send("DELETE", QStringLiteral("/api/v1/customers/%1").arg(seeded.customerId), {}, supervisor,
                   { { "Idempotency-Key", "erase-giulia" } })
                .status
        == 200);
    for (const char* state : { "ready", "not_ready", "ready", "not_ready" })
        changeState(QString::fromLatin1(state));

    const auto expired = hub.get(QStringLiteral("%1?since=1").arg(kChanges), token);
    CHECK(expired.status == 410);
    CHECK(expired.errorCode() == QStringLiteral("cursor_expired"));
    CHECK(expired.json.value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("since=0")));
    // The same answer for a cursor ahead of the feed (the hub's data was reset).
    CHECK(hub.get(QStringLiteral("%1?since=99999").arg(kChanges), token).status == 410);
    // And for an SSE resume from before the floor.
    SseClient stale(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token, 1);
    REQUIRE(SseClient::waitFor([&] { return stale.isFinished(); }));
    CHECK(stale.status() == 410);

    // A fresh client gets every agent in its last state and nothing of the erased customer.
    const QList<QJsonObject> feed = readWholeFeed(hub, token, 500);
    QHash<qint64, QString> latestState;
    for (const QJsonObject& change : feed) {
        CHECK(change.value(QStringLiteral("op")).toString() == QStringLiteral("upsert"));
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("agent"))
            latestState.insert(change.value(QStringLiteral("id")).toInteger(),
                change.value(QStringLiteral("data")).toObject().value(QStringLiteral("state")).toString());
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("customer"))
            CHECK(change.value(QStringLiteral("id")).toInteger() != seeded.customerId);
    }
    CHECK(latestState.size() == 4);
    CHECK(latestState.value(agentId) == QStringLiteral("not_ready"));
}

TEST_CASE("A repeated Idempotency-Key returns the first response and changes nothing", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    const QString path = QStringLiteral("/api/v1/interactions/%1/notes").arg(seeded.interactionIds.at(1));
    const QByteArray body = R"({"text":"Customer asked for a refund"})";
    const HubProcess::Headers key { { "Idempotency-Key", "note-7f3a" } };

    const qint64 before = readWholeFeed(hub, token, 500).size();
    const auto first = hub.post(path, body, token, key);
    REQUIRE(first.status == 201);
    const auto again = hub.post(path, body, token, key);
    CHECK(again.status == 201);
    CHECK(again.body == first.body);
    CHECK(again.header("Idempotent-Replayed") == "true");
    CHECK(readWholeFeed(hub, token, 500).size() == before + 1);
    CHECK(hub.get(QStringLiteral("/api/v1/customers/%1").arg(seeded.customerId), token).status == 200);

    // The same key for another request is a client bug, not a retry.
    const auto reused = hub.post(path, R"({"text":"something else"})", token, key);
    CHECK(reused.status == 422);
    CHECK(reused.errorCode() == QStringLiteral("idempotency_key_reused"));
    // Keys belong to a login: another user's identical key is a new command.
    const QString other = hub.login(QStringLiteral("agent2"), QStringLiteral("agent2"));
    CHECK(hub.post(path, body, other, key).header("Idempotent-Replayed").isEmpty());
    CHECK(readWholeFeed(hub, token, 500).size() == before + 2);

    const auto missing = hub.post(path, body, token);
    CHECK(missing.status == 400);
    CHECK(missing.errorField() == QStringLiteral("Idempotency-Key"));

    const auto disposition
        = hub.command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(seeded.interactionIds.at(1)),
            object({ { QStringLiteral("disposition"), QStringLiteral("resolved") },
                { QStringLiteral("contactReason"), QStringLiteral("billing") } }),
            token);
    REQUIRE(disposition.status == 200);
    CHECK(disposition.json.value(QStringLiteral("data"))
              .toObject()
              .value(QStringLiteral("contactReason"))
              .toString()
        == QStringLiteral("billing"));
    CHECK(hub.command(QStringLiteral("/api/v1/interactions/999999/notes"),
                 object({ { QStringLiteral("text"), QStringLiteral("x") } }), token)
              .status
        == 404);
}

TEST_CASE("Live events deliver changes and Last-Event-ID resumes with exactly the missed ones", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--heartbeat-ms"), QStringLiteral("100") });
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const QString notes = QStringLiteral("/api/v1/interactions/%1/notes").arg(seeded.interactionIds.at(0));

    qint64 lastSeen = 0;
    {
        SseClient live(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token);
        REQUIRE(SseClient::waitFor([&] { return live.pings() > 0; }));
        CHECK(live.status() == 200);
        const auto note
            = hub.command(notes, object({ { QStringLiteral("text"), QStringLiteral("first") } }), token);
        REQUIRE(note.status == 201);
        REQUIRE(SseClient::waitFor([&] { return live.changes().size() == 1; }));
        const SseClient::Event event = live.changes().first();
        CHECK(event.id.toLongLong() == note.json.value(QStringLiteral("seq")).toInteger());
        CHECK(event.json().value(QStringLiteral("entity")).toString() == QStringLiteral("message"));
        CHECK(event.json().value(QStringLiteral("data")).toObject().value(QStringLiteral("body")).toString()
            == QStringLiteral("first"));
        lastSeen = event.id.toLongLong();
        // An agent state change also shows as a live-only agent_state event without an id.
        REQUIRE(hub.command(QStringLiteral("/api/v1/agents/1/state"),
                       object({ { QStringLiteral("state"), QStringLiteral("ready") } }), token)
                    .status
            == 200);
        REQUIRE(SseClient::waitFor([&] {
            for (const auto& e : live.events()) {
                if (e.type == "agent_state")
                    return e.id.isEmpty();
            }
            return false;
        }));
        lastSeen = live.changes().last().id.toLongLong();
    } // the client disconnects

    QList<qint64> missed;
    for (const QString& text : { QStringLiteral("second"), QStringLiteral("third") }) {
        const auto note = hub.command(notes, object({ { QStringLiteral("text"), text } }), token);
        REQUIRE(note.status == 201);
        missed.append(note.json.value(QStringLiteral("seq")).toInteger());
    }

    SseClient resumed(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token, lastSeen);
    // The replay comes before the first heartbeat; two pings later nothing else may have arrived.
    REQUIRE(SseClient::waitFor([&] { return resumed.pings() >= 2; }));
    QList<qint64> replayed;
    for (const auto& event : resumed.changes())
        replayed.append(event.id.toLongLong());
    CHECK(replayed == missed);

    // And then it is live.
    const auto live
        = hub.command(notes, object({ { QStringLiteral("text"), QStringLiteral("fourth") } }), token);
    REQUIRE(SseClient::waitFor([&] { return resumed.changes().size() == 3; }));
    CHECK(resumed.changes().last().id.toLongLong() == live.json.value(QStringLiteral("seq")).toInteger());
}

TEST_CASE("Clients that drop the event stream do not harm the hub", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--heartbeat-ms"), QStringLiteral("50") });
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    const QString notes = QStringLiteral("/api/v1/interactions/%1/notes").arg(seeded.interactionIds.at(0));

    // Streams dropped mid-replay, right after connecting, and after some events,
    // while commands and heartbeats keep writing to every stream.
    for (int round = 0; round < 5; ++round) {
        SseClient fromStart(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token, 0);
        SseClient live(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token);
        fromStart.abort();
        REQUIRE(SseClient::waitFor([&] { return live.pings() > 0; }));
        REQUIRE(hub.command(notes,
                       object({ { QStringLiteral("text"), QStringLiteral("round %1").arg(round) } }), token)
                    .status
            == 201);
        live.abort();
        REQUIRE(hub.command(notes,
                       object({ { QStringLiteral("text"), QStringLiteral("after %1").arg(round) } }), token)
                    .status
            == 201);
    }
    SseClient watcher(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token);
    REQUIRE(SseClient::waitFor([&] { return watcher.pings() >= 3; }));
    CHECK(hub.isRunning());
    CHECK(hub.get(QStringLiteral("/api/v1/queues"), token).status == 200);
}

TEST_CASE("Bad requests get 400, 404, 405 or 413 with a JSON error and the hub keeps serving", "[hub]")
{
    TestSupport::TempDir dir;
    const Seeded seeded = seedStore(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    const QString disposition
        = QStringLiteral("/api/v1/interactions/%1/disposition").arg(seeded.interactionIds.at(0));
    const HubProcess::Headers key { { "Idempotency-Key", "bad-input" } };

    const auto malformed = hub.post(disposition, "{\"disposition\": ", token, key);
    CHECK(malformed.status == 400);
    CHECK(malformed.errorCode() == QStringLiteral("malformed_json"));
    CHECK(malformed.errorField() == QStringLiteral("body"));
    const auto notObject = hub.post(disposition, "[1,2]", token, key);
    CHECK(notObject.status == 400);
    CHECK(notObject.errorField() == QStringLiteral("body"));
    const auto wrongType
        = hub.post(disposition, R"({"disposition": 5, "contactReason": "billing"})", token, key);
    CHECK(wrongType.status == 400);
    CHECK(wrongType.errorField() == QStringLiteral("disposition"));
    const auto missing = hub.post(disposition, R"({"disposition": "resolved"})", token, key);
    CHECK(missing.status == 400);
    CHECK(missing.errorField() == QStringLiteral("contactReason"));
    const auto badState
        = hub.post(QStringLiteral("/api/v1/agents/1/state"), R"({"state": "busy"})", token, key);
    CHECK(badState.status == 400);
    CHECK(badState.errorField() == QStringLiteral("state"));
    // Nothing was written by any of them.
    CHECK(hub.get(QStringLiteral("/api/v1/customers/%1/interactions").arg(seeded.customerId), token)
              .json.value(QStringLiteral("interactions"))
              .toArray()
              .at(2)
              .toObject()
              .value(QStringLiteral("disposition"))
              .isNull());

    const auto unknown = hub.get(QStringLiteral("/api/v1/nothing-here"), token);
    CHECK(unknown.status == 404);
    CHECK(unknown.errorCode() == QStringLiteral("not_found"));
    CHECK(hub.get(QStringLiteral("/api/v1/customers/abc"), token).status == 404);
    const auto wrongMethod = hub.send("DELETE", QStringLiteral("/api/v1/customers"), {}, token);
    CHECK(wrongMethod.status == 405);
    CHECK(wrongMethod.header("Allow") == "GET");
    CHECK(hub.get(QStringLiteral("/api/v1/login")).status == 405);

    const QByteArray huge = "{\"text\": \"" + QByteArray(1024 * 1024, 'x') + "\"}";
    const auto tooLarge = hub.post(
        QStringLiteral("/api/v1/interactions/%1/notes").arg(seeded.interactionIds.at(0)), huge, token, key);
    CHECK(tooLarge.status == 413);
    CHECK(tooLarge.errorCode() == QStringLiteral("body_too_large"));

    CHECK(hub.isRunning());
    const auto fine
        = hub.post(disposition, R"({"disposition": "resolved", "contactReason": "billing"})", token, key);
    CHECK(fine.status == 200);
}

TEST_CASE("With --demo a new database is filled and the default users sign in as demo agents", "[hub]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")),
        { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny") });
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));

    const auto board = hub.get(QStringLiteral("/api/v1/agents"), token);
    REQUIRE(board.status == 200);
    const auto me = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})");
    const qint64 agentId = me.json.value(QStringLiteral("agentId")).toInteger();
    bool linkedToDemoAgent = false;
    for (const QJsonValue& agent : board.json.value(QStringLiteral("agents")).toArray()) {
        if (agent.toObject().value(QStringLiteral("id")).toInteger() == agentId)
            linkedToDemoAgent = !agent.toObject().value(QStringLiteral("skills")).toString().isEmpty();
    }
    CHECK(linkedToDemoAgent);
    CHECK(hub.get(QStringLiteral("/api/v1/customers"), token)
              .json.value(QStringLiteral("customers"))
              .toArray()
              .size()
        == 50);
    CHECK_FALSE(hub.get(QStringLiteral("/api/v1/queues"), token)
                    .json.value(QStringLiteral("queues"))
                    .toArray()
                    .isEmpty());

    // The demo rows are in the change feed, so a desktop syncing from 0 gets them all.
    int customers = 0;
    for (const QJsonObject& change : readWholeFeed(hub, token, 5000)) {
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("customer"))
            ++customers;
    }
    CHECK(customers == 60);
}
