// Queue statistics after a scripted day: the numbers a supervisor reads must
// follow the documented formulas (hub/QueueStatistics.h).
#include "CentreFixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <catch2/catch.hpp>

TEST_CASE("Queue, site and all-sites statistics after three calls: two answered in target, one abandoned",
    "[hub][stats]")
{
    CentreFixture centre({ QStringLiteral("--stats-since"),
        QString::number(QDateTime::currentSecsSinceEpoch() - 60) });
    auto board = centre.events(centre.supervisor);
    auto stream1 = centre.events(centre.agent1);
    auto stream2 = centre.events(centre.agent2);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    centre.setState(centre.agent2Id, QStringLiteral("ready"), centre.agent2);

    const QJsonObject call { { QStringLiteral("channel"), QStringLiteral("voice") },
        { QStringLiteral("skill"), QStringLiteral("billing") }, { QStringLiteral("customerId"), centre.customerId() } };
    const qint64 first = centre.createInteraction(call);
    REQUIRE(CentreFixture::waitForOffer(*stream1, first));
    const qint64 second = centre.createInteraction(call);
    REQUIRE(CentreFixture::waitForOffer(*stream2, second));
    const qint64 third = centre.createInteraction(call); // nobody free: it waits
    for (const auto& [id, token] : { qMakePair(first, centre.agent1), qMakePair(second, centre.agent2) }) {
        REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(id), token).status == 200);
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(id), token).status == 200);
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(id), token,
                         QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                             { QStringLiteral("contactReason"), QStringLiteral("billing") } })
                    .status
            == 200);
    }
    // The caller hangs up before anyone answers (the PBX reports it with /end).
    const auto abandoned
        = centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(third), centre.supervisor);
    REQUIRE(abandoned.status == 200);
    CHECK(abandoned.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()
        == QStringLiteral("abandoned"));
    for (const auto& [id, token] : { qMakePair(first, centre.agent1), qMakePair(second, centre.agent2) })
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/wrapup").arg(id), token).status == 200);

    CHECK(centre.hub().get(QStringLiteral("/api/v1/stats/queues"), centre.agent1).status == 403);
    const auto queues = centre.hub().get(QStringLiteral("/api/v1/stats/queues"), centre.supervisor);
    REQUIRE(queues.status == 200);
    QJsonObject billing;
    for (const QJsonValue& queue : queues.json.value(QStringLiteral("queues")).toArray()) {
        if (queue.toObject().value(QStringLiteral("queueId")).toInteger() == CentreFixture::kBillingVoice)
            billing = queue.toObject();
    }
    INFO(QJsonDocument(billing).toJson().toStdString());
    CHECK(billing.value(QStringLiteral("offered")).toInteger() == 3);
    CHECK(billing.value(QStringLiteral("answered")).toInteger() == 2);
    CHECK(billing.value(QStringLiteral("abandoned")).toInteger() == 1);
    CHECK(billing.value(QStringLiteral("abandonedPct")).toDouble() == Approx(33.3));
    CHECK(billing.value(QStringLiteral("answeredWithinTarget")).toInteger() == 2);
    // The abandon came before the 20 s target, so it does not count against the service level.
    CHECK(billing.value(QStringLiteral("serviceLevelDenominator")).toInteger() == 2);
    CHECK(billing.value(QStringLiteral("serviceLevelPct")).toDouble() == Approx(100.0));
    CHECK(billing.value(QStringLiteral("averageSpeedOfAnswer")).toDouble() < 20.0);
    CHECK(billing.value(QStringLiteral("averageHandleTime")).toDouble() >= 0.0);
    CHECK(billing.value(QStringLiteral("waiting")).toInteger() == 0);
    CHECK(billing.value(QStringLiteral("averageCsat")).isNull());

    // Sites: answered work counts where it was answered, the abandon at the queue's home site.
    const auto sites = centre.hub().get(QStringLiteral("/api/v1/stats/sites"), centre.supervisor);
    REQUIRE(sites.status == 200);
    QHash<qint64, QJsonObject> bySite;
    for (const QJsonValue& site : sites.json.value(QStringLiteral("sites")).toArray())
        bySite.insert(site.toObject().value(QStringLiteral("siteId")).toInteger(), site.toObject());
    CHECK(bySite.value(1).value(QStringLiteral("offered")).toInteger() == 2);
    CHECK(bySite.value(1).value(QStringLiteral("abandoned")).toInteger() == 1);
    CHECK(bySite.value(2).value(QStringLiteral("offered")).toInteger() == 1);
    CHECK(bySite.value(2).value(QStringLiteral("answered")).toInteger() == 1);

    const auto all = centre.hub().get(QStringLiteral("/api/v1/stats/all"), centre.supervisor);
    REQUIRE(all.status == 200);
    const QJsonObject totals = all.json.value(QStringLiteral("all")).toObject();
    CHECK(totals.value(QStringLiteral("offered")).toInteger() == 3);
    CHECK(totals.value(QStringLiteral("abandonedPct")).toDouble() == Approx(33.3));
    CHECK(all.json.value(QStringLiteral("windowStart")).toInteger() > 0);

    // The board gets the same figures live, without an id.
    REQUIRE(SseClient::waitFor([&] {
        for (const auto& event : board->events()) {
            if (event.type == "queue_stats"
                && event.json().value(QStringLiteral("all")).toObject().value(QStringLiteral("abandoned")).toInteger()
                    == 1)
                return event.id.isEmpty();
        }
        return false;
    }));
    for (const auto& event : stream1->events())
        CHECK(event.type != "queue_stats");
}
