// Agent performance and shift trends for supervisors (hub/AgentStatistics.h,
// hub/TrendStatistics.h): the figures follow their documented definitions,
// the live agent_stats event carries the same rows, and agents get 403.
#include "CentreFixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace {

QJsonObject rowOf(const QJsonArray& rows, const QString& key, const QJsonValue& value)
{
    for (const QJsonValue& row : rows) {
        if (row.toObject().value(key) == value)
            return row.toObject();
    }
    return {};
}

} // namespace

TEST_CASE("Agent statistics: handled, AHT, first-contact resolution, the interaction in hand and teams",
    "[hub][stats][agents]")
{
    // The hub clock runs 50 times faster, so each step lands in a later hub
    // second: "the customer got in touch again afterwards" is then exact.
    CentreFixture centre(
        { QStringLiteral("--stats-since"), QString::number(QDateTime::currentSecsSinceEpoch() - 60),
            QStringLiteral("--sim-speed"), QStringLiteral("50"), QStringLiteral("--no-simulate"),
            QStringLiteral("--offer-timeout-ms"), QStringLiteral("3600000") });
    auto board = centre.events(centre.supervisor);
    auto stream1 = centre.events(centre.agent1);
    auto stream2 = centre.events(centre.agent2);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    centre.setState(centre.agent2Id, QStringLiteral("ready"), centre.agent2);

    auto call = [&](qint64 customerId) {
        return centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("voice") },
            { QStringLiteral("skill"), QStringLiteral("billing") },
            { QStringLiteral("customerId"), customerId } });
    };
    const qint64 first = call(centre.customerId());
    REQUIRE(CentreFixture::waitForOffer(*stream1, first));
    const qint64 second = call(centre.otherCustomerId());
    REQUIRE(CentreFixture::waitForOffer(*stream2, second));
    REQUIRE(
        centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(first), centre.agent1).status == 200);

    // While agent1 talks, the board shows the call and its customer, by GET and live.
    const auto during = centre.hub().get(QStringLiteral("/api/v1/stats/agents"), centre.supervisor);
    REQUIRE(during.status == 200);
    const QJsonObject talking = rowOf(
        during.json.value(QStringLiteral("agents")).toArray(), QStringLiteral("agentId"), centre.agent1Id);
    const QJsonObject current = talking.value(QStringLiteral("current")).toObject();
    INFO(QJsonDocument(talking).toJson().toStdString());
    CHECK(current.value(QStringLiteral("interactionId")).toInteger() == first);
    CHECK(current.value(QStringLiteral("status")).toString() == QStringLiteral("active"));
    CHECK(current.value(QStringLiteral("channel")).toString() == QStringLiteral("voice"));
    CHECK(current.value(QStringLiteral("customerName")).toString() == QStringLiteral("Giulia Bianchi"));
    CHECK(current.value(QStringLiteral("answeredAt")).toInteger() > 0);
    REQUIRE(SseClient::waitFor([&] {
        for (const auto& event : board->events()) {
            if (event.type != "agent_stats")
                continue;
            const QJsonObject row = rowOf(event.json().value(QStringLiteral("agents")).toArray(),
                QStringLiteral("agentId"), centre.agent1Id);
            if (row.value(QStringLiteral("current")).toObject().value(QStringLiteral("status")).toString()
                == QStringLiteral("active"))
                return event.id.isEmpty();
        }
        return false;
    }));
    for (const auto& event : stream1->events())
        CHECK(event.type != "agent_stats");

    REQUIRE(
        centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(second), centre.agent2).status == 200);
    for (const auto& [id, token] : { qMakePair(first, centre.agent1), qMakePair(second, centre.agent2) }) {
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(id), token).status == 200);
        REQUIRE(centre
                    .command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(id), token,
                        QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                            { QStringLiteral("contactReason"), QStringLiteral("billing") } })
                    .status
            == 200);
        REQUIRE(
            centre.command(QStringLiteral("/api/v1/interactions/%1/wrapup").arg(id), token).status == 200);
    }
    // Giulia calls again: agent1's "resolved" was not resolved at the first contact.
    call(centre.customerId());

    const auto after = centre.hub().get(QStringLiteral("/api/v1/stats/agents"), centre.supervisor);
    REQUIRE(after.status == 200);
    const QJsonArray agents = after.json.value(QStringLiteral("agents")).toArray();
    const QJsonObject anna = rowOf(agents, QStringLiteral("agentId"), centre.agent1Id);
    const QJsonObject bruno = rowOf(agents, QStringLiteral("agentId"), centre.agent2Id);
    INFO(QJsonDocument(agents).toJson().toStdString());
    CHECK(anna.value(QStringLiteral("handled")).toInteger() == 1);
    CHECK(anna.value(QStringLiteral("firstContactResolutionPct")).toDouble() == Approx(0.0));
    CHECK(anna.value(QStringLiteral("averageHandleTime")).toDouble() > 0.0);
    CHECK(anna.value(QStringLiteral("averageCsat")).isNull());
    CHECK(anna.value(QStringLiteral("team")).toString() == QStringLiteral("Milano 1"));
    CHECK(bruno.value(QStringLiteral("handled")).toInteger() == 1);
    CHECK(bruno.value(QStringLiteral("firstContactResolutionPct")).toDouble() == Approx(100.0));
    CHECK(rowOf(agents, QStringLiteral("displayName"), QStringLiteral("Carla Tre"))
              .value(QStringLiteral("handled"))
              .toInteger()
        == 0);

    // Teams add up their agents: Milano 1 is Anna and Carla.
    const QJsonArray teams = after.json.value(QStringLiteral("teams")).toArray();
    const QJsonObject milano = rowOf(teams, QStringLiteral("team"), QStringLiteral("Milano 1"));
    CHECK(milano.value(QStringLiteral("agents")).toInteger() == 2);
    CHECK(milano.value(QStringLiteral("handled")).toInteger() == 1);
    CHECK(milano.value(QStringLiteral("siteId")).toInteger() == 1);
    CHECK(rowOf(teams, QStringLiteral("team"), QStringLiteral("Napoli 1"))
              .value(QStringLiteral("handled"))
              .toInteger()
        == 1);

    // A chosen period that ended before today's calls holds none of them.
    const auto past
        = centre.hub().get(QStringLiteral("/api/v1/stats/agents?from=1000000&to=2000000"), centre.supervisor);
    REQUIRE(past.status == 200);
    CHECK(past.json.value(QStringLiteral("windowStart")).toInteger() == 1000000);
    CHECK(
        rowOf(past.json.value(QStringLiteral("agents")).toArray(), QStringLiteral("agentId"), centre.agent1Id)
            .value(QStringLiteral("handled"))
            .toInteger()
        == 0);

    // Refusals.
    CHECK(centre.hub().get(QStringLiteral("/api/v1/stats/agents"), centre.agent1).status == 403);
    CHECK(centre.hub().get(QStringLiteral("/api/v1/stats/trends"), centre.agent1).status == 403);
    const auto backwards
        = centre.hub().get(QStringLiteral("/api/v1/stats/agents?from=2000&to=1000"), centre.supervisor);
    CHECK(backwards.status == 400);
    CHECK(backwards.errorField() == QStringLiteral("to"));
    CHECK(centre.hub()
              .get(QStringLiteral("/api/v1/stats/agents?from=1000&to=90000000"), centre.supervisor)
              .status
        == 400);
    CHECK(centre.hub().get(QStringLiteral("/api/v1/stats/trends?bucketMinutes=1"), centre.supervisor).status
        == 400);
}

TEST_CASE("Trends: arrivals, service level and waiting per bucket, channel mix and contact reasons",
    "[hub][stats][trends]")
{
    CentreFixture centre(
        { QStringLiteral("--stats-since"), QString::number(QDateTime::currentSecsSinceEpoch() - 60) });
    auto stream1 = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const QJsonObject call { { QStringLiteral("channel"), QStringLiteral("voice") },
        { QStringLiteral("skill"), QStringLiteral("billing") },
        { QStringLiteral("customerId"), centre.customerId() } };
    const qint64 answered = centre.createInteraction(call);
    REQUIRE(CentreFixture::waitForOffer(*stream1, answered));
    REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(answered), centre.agent1).status
        == 200);
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(answered), centre.agent1).status
        == 200);
    REQUIRE(centre
                .command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(answered), centre.agent1,
                    QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                        { QStringLiteral("contactReason"), QStringLiteral("billing") } })
                .status
        == 200);
    // Two more wait: agent1 is in wrap-up, agent2 is not ready.
    centre.createInteraction(call);
    centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
        { QStringLiteral("skill"), QStringLiteral("billing") },
        { QStringLiteral("customerId"), centre.customerId() } });

    const auto trends
        = centre.hub().get(QStringLiteral("/api/v1/stats/trends?bucketMinutes=5"), centre.supervisor);
    REQUIRE(trends.status == 200);
    INFO(trends.body.toStdString());
    CHECK(trends.json.value(QStringLiteral("bucketSeconds")).toInteger() == 300);
    qint64 offered = 0, answeredCount = 0;
    const QJsonArray buckets = trends.json.value(QStringLiteral("buckets")).toArray();
    REQUIRE(!buckets.isEmpty());
    for (const QJsonValue& bucket : buckets) {
        offered += bucket.toObject().value(QStringLiteral("offered")).toInteger();
        answeredCount += bucket.toObject().value(QStringLiteral("answered")).toInteger();
    }
    CHECK(offered == 3);
    CHECK(answeredCount == 1);
    // The bucket in progress ends now: the two unanswered contacts wait.
    CHECK(buckets.last().toObject().value(QStringLiteral("waiting")).toInteger() == 2);
    const QJsonArray channels = trends.json.value(QStringLiteral("channels")).toArray();
    CHECK(rowOf(channels, QStringLiteral("channel"), QStringLiteral("voice"))
              .value(QStringLiteral("offered"))
              .toInteger()
        == 2);
    CHECK(rowOf(channels, QStringLiteral("channel"), QStringLiteral("chat"))
              .value(QStringLiteral("offered"))
              .toInteger()
        == 1);
    const QJsonArray reasons = trends.json.value(QStringLiteral("contactReasons")).toArray();
    REQUIRE(reasons.size() == 1);
    CHECK(reasons.first().toObject().value(QStringLiteral("reason")).toString() == QStringLiteral("billing"));
    CHECK(reasons.first().toObject().value(QStringLiteral("count")).toInteger() == 1);
    CHECK(rowOf(trends.json.value(QStringLiteral("dispositions")).toArray(), QStringLiteral("disposition"),
              QStringLiteral("resolved"))
              .value(QStringLiteral("count"))
              .toInteger()
        == 1);

    // The queue statistics say how many recent contacts carried a sentiment (none came from the API).
    const auto queues = centre.hub().get(QStringLiteral("/api/v1/stats/queues"), centre.supervisor);
    const QJsonObject billing = rowOf(queues.json.value(QStringLiteral("queues")).toArray(),
        QStringLiteral("queueId"), CentreFixture::kBillingVoice);
    CHECK(billing.value(QStringLiteral("recentSentimentCount")).toInteger() == 0);
    CHECK(billing.value(QStringLiteral("recentNegativePct")).isNull());
}
