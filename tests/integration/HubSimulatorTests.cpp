// The traffic simulator against the real hub: with --demo it drives the
// demo centre, its work shows in the change feed and the statistics like
// any command's, and a person who signs in and gets ready is offered work.
#include "HubProcess.h"
#include "SseClient.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <catch2/catch.hpp>

namespace {

struct Feed
{
    QList<QJsonObject> changes;
    qint64 next = 0;
    bool allValid = true;
};

Feed readFeed(HubProcess& hub, const QString& token, qint64 since)
{
    Feed feed;
    feed.next = since;
    for (;;) {
        const auto page = hub.get(QStringLiteral("/api/v1/changes?since=%1&limit=5000").arg(feed.next), token);
        REQUIRE(page.status == 200);
        for (const QJsonValue& value : page.json.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject change = value.toObject();
            const bool upsert = change.value(QStringLiteral("op")).toString() == QStringLiteral("upsert");
            if (upsert ? !change.value(QStringLiteral("data")).isObject() : !change.value(QStringLiteral("data")).isNull())
                feed.allValid = false;
            feed.changes.append(change);
        }
        feed.next = page.json.value(QStringLiteral("next")).toInteger();
        if (!page.json.value(QStringLiteral("more")).toBool())
            break;
    }
    return feed;
}

// A person signing in may find work the demo left with their agent: they
// finish it as they would at the desk, so they can get ready.
void finishOwnWork(HubProcess& hub, const QString& token, qint64 agentId, const QString& supervisor)
{
    QHash<qint64, QJsonObject> interactions;
    for (const QJsonObject& change : readFeed(hub, supervisor, 0).changes) {
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("interaction"))
            interactions.insert(change.value(QStringLiteral("id")).toInteger(), change.value(QStringLiteral("data")).toObject());
    }
    for (auto it = interactions.cbegin(); it != interactions.cend(); ++it) {
        if (it->value(QStringLiteral("agentId")).toInteger() != agentId)
            continue;
        const QString status = it->value(QStringLiteral("status")).toString();
        const QString base = QStringLiteral("/api/v1/interactions/%1/").arg(it.key());
        if (status == QStringLiteral("offered"))
            hub.command(QStringLiteral("/api/v1/offers/%1/decline").arg(it.key()), {}, token);
        if (status == QStringLiteral("active") || status == QStringLiteral("held"))
            hub.command(base + QStringLiteral("end"), {}, token);
        if (status != QStringLiteral("ended") && status != QStringLiteral("abandoned") && status != QStringLiteral("queued")) {
            hub.command(base + QStringLiteral("disposition"),
                QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                    { QStringLiteral("contactReason"), QStringLiteral("billing") } },
                token);
            hub.command(base + QStringLiteral("wrapup"), {}, token);
        }
    }
}

} // namespace

TEST_CASE("The simulator drives the demo centre through the same workflow as the API", "[hub][simulator]")
{
    TestSupport::TempDir dir;
    // Rates well above the defaults so that even a run at 3 a.m. (a tenth of
    // the peak) sees dozens of contacts in a few simulated minutes.
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")),
        { QStringLiteral("--demo"), QStringLiteral("--simulate"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
            QStringLiteral("--sim-speed"),
            QStringLiteral("60"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--rate-calls"),
            QStringLiteral("3000"), QStringLiteral("--rate-chats"), QStringLiteral("1500"), QStringLiteral("--rate-emails"),
            QStringLiteral("600"), QStringLiteral("--rate-sms"), QStringLiteral("600"), QStringLiteral("--rate-social"),
            QStringLiteral("900"), QStringLiteral("--rate-callbacks"), QStringLiteral("600"), QStringLiteral("--heartbeat-ms"),
            QStringLiteral("200") });
    const QString supervisor = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto me = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})");
    REQUIRE(me.status == 200);
    const QString agent = me.json.value(QStringLiteral("token")).toString();
    const qint64 agentId = me.json.value(QStringLiteral("agentId")).toInteger();

    const auto statsBefore = hub.get(QStringLiteral("/api/v1/stats/all"), supervisor);
    REQUIRE(statsBefore.status == 200);
    const qint64 offeredBefore
        = statsBefore.json.value(QStringLiteral("all")).toObject().value(QStringLiteral("offered")).toInteger();
    const qint64 start = readFeed(hub, supervisor, 0).next;

    // The person at agent1's desk: their stream, then ready.
    SseClient stream(hub.network(), hub.url(QStringLiteral("/api/v1/events")), agent);
    REQUIRE(SseClient::waitFor([&] { return stream.pings() > 0; }));
    finishOwnWork(hub, agent, agentId, supervisor);
    const auto ready = hub.command(QStringLiteral("/api/v1/agents/%1/state").arg(agentId),
        QJsonObject { { QStringLiteral("state"), QStringLiteral("ready") } }, agent);
    INFO(ready.body.toStdString());
    REQUIRE(ready.status == 200);
    const bool offered = SseClient::waitFor(
        [&] {
            for (const SseClient::Event& event : stream.events()) {
                if (event.type == "offer" && event.json().value(QStringLiteral("agentId")).toInteger() == agentId)
                    return true;
            }
            return false;
        },
        20000);
    CHECK(offered);
    // A stranger's contact names where it came from, for the desk to link.
    for (const SseClient::Event& event : stream.events()) {
        if (event.type == "offer" && event.json().value(QStringLiteral("customerId")).isNull())
            CHECK_FALSE(event.json().value(QStringLiteral("identity")).toObject().value(QStringLiteral("value")).toString().isEmpty());
    }
    // Let a few simulated minutes pass for hand-offs and wrap-ups.
    QElapsedTimer waited;
    waited.start();
    SseClient::waitFor([&] { return waited.elapsed() > 3000; }, 4000);

    const Feed feed = readFeed(hub, supervisor, start);
    CHECK(feed.allValid);
    QHash<QString, int> byEntity;
    QSet<QString> statuses;
    QSet<QString> channels;
    QSet<QString> agentStates;
    int simulatedAnswers = 0;
    for (const QJsonObject& change : feed.changes) {
        const QString entity = change.value(QStringLiteral("entity")).toString();
        ++byEntity[entity];
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (entity == QStringLiteral("interaction")) {
            statuses.insert(data.value(QStringLiteral("status")).toString());
            channels.insert(data.value(QStringLiteral("channel")).toString());
            if (data.value(QStringLiteral("status")).toString() == QStringLiteral("active")
                && data.value(QStringLiteral("agentId")).toInteger() != agentId)
                ++simulatedAnswers;
        } else if (entity == QStringLiteral("agent")) {
            agentStates.insert(data.value(QStringLiteral("state")).toString());
        }
    }
    INFO("changes by entity: " << QJsonDocument(QJsonObject::fromVariantHash([&] {
        QVariantHash hash;
        for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it)
            hash.insert(it.key(), it.value());
        return hash;
    }())).toJson(QJsonDocument::Compact).toStdString());
    CHECK(byEntity.value(QStringLiteral("interaction")) > 10);
    CHECK(byEntity.value(QStringLiteral("message")) > 0);
    CHECK(byEntity.value(QStringLiteral("agent")) > 0);
    CHECK(byEntity.value(QStringLiteral("socialActivity")) > 0);
    CHECK(byEntity.value(QStringLiteral("callback")) > 0);
    CHECK(statuses.contains(QStringLiteral("queued")));
    CHECK(statuses.contains(QStringLiteral("offered")));
    CHECK(simulatedAnswers > 0);
    CHECK(channels.size() >= 3);
    CHECK(agentStates.contains(QStringLiteral("busy")));

    // Live events are JSON too.
    for (const SseClient::Event& event : stream.events())
        CHECK(QJsonDocument::fromJson(event.data).isObject());

    const auto statsAfter = hub.get(QStringLiteral("/api/v1/stats/all"), supervisor);
    REQUIRE(statsAfter.status == 200);
    CHECK(statsAfter.json.value(QStringLiteral("all")).toObject().value(QStringLiteral("offered")).toInteger()
        > offeredBefore);
    CHECK(hub.isRunning());
}
