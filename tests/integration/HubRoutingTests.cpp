// Routing and the interaction life cycle against the real hub: who gets an
// offer, what happens when it is missed or declined, and the agent's path
// from accept to wrap-up. Offers are observed on each agent's own event stream.
#include "CentreFixture.h"

#include <catch2/catch.hpp>

namespace {

const QString kAccept = QStringLiteral("/api/v1/offers/%1/accept");
const QString kDecline = QStringLiteral("/api/v1/offers/%1/decline");

QJsonObject billingCall()
{
    return QJsonObject { { QStringLiteral("channel"), QStringLiteral("voice") },
        { QStringLiteral("skill"), QStringLiteral("billing") },
        { QStringLiteral("identity"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") },
                { QStringLiteral("value"), QStringLiteral("02 1234 5678") } } },
        { QStringLiteral("subject"), QStringLiteral("Bolletta di marzo") } };
}

} // namespace

TEST_CASE("A new interaction is offered to the longest-idle ready agent with the queue's skill", "[hub][routing]")
{
    CentreFixture centre;
    auto stream1 = centre.events(centre.agent1);
    auto stream2 = centre.events(centre.agent2);
    // agent3 has been ready longest but lacks the billing skill; agent2 became ready before agent1.
    centre.setState(centre.agent2Id, QStringLiteral("ready"), centre.agent2);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);

    const qint64 id = centre.createInteraction(billingCall());
    REQUIRE(CentreFixture::waitForOffer(*stream2, id));
    const SseClient::Event offer = [&] {
        for (const auto& event : stream2->events())
            if (event.type == "offer")
                return event;
        return SseClient::Event();
    }();
    CHECK(offer.id.isEmpty()); // live-only
    CHECK(offer.json().value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    CHECK(offer.json().value(QStringLiteral("queueId")).toInteger() == CentreFixture::kBillingVoice);
    CHECK(offer.json().value(QStringLiteral("expiresAt")).toInteger() > 0);
    // The number as the caller gave it: what the desk shows and links for an unknown caller.
    CHECK(offer.json().value(QStringLiteral("identity")).toObject()
        == QJsonObject({ { QStringLiteral("kind"), QStringLiteral("phone") },
            { QStringLiteral("value"), QStringLiteral("02 1234 5678") } }));
    const QJsonObject interaction = centre.interaction(id);
    CHECK(interaction.value(QStringLiteral("status")).toString() == QStringLiteral("offered"));
    CHECK(interaction.value(QStringLiteral("agentId")).toInteger() == centre.agent2Id);
    CHECK(interaction.value(QStringLiteral("language")).toString() == QStringLiteral("it"));
    const QJsonObject ringing = centre.agent(centre.agent2Id);
    CHECK(ringing.value(QStringLiteral("state")).toString() == QStringLiteral("busy"));
    CHECK(ringing.value(QStringLiteral("stateReason")).toString() == QStringLiteral("ringing"));
    // The offer names a customer: it goes to its agent only.
    for (const auto& event : stream1->events())
        CHECK(event.type != "offer");

    // With both free, the customer's language wins over idle time: only agent1 speaks English.
    REQUIRE(centre.command(kDecline.arg(id), centre.agent2).status == 200);
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));
    REQUIRE(centre.command(kAccept.arg(id), centre.agent1).status == 200);
    REQUIRE(SseClient::waitFor(
        [&] { return centre.agent(centre.agent2Id).value(QStringLiteral("state")).toString() == "ready"; }));
    QJsonObject english = billingCall();
    english.insert(QStringLiteral("language"), QStringLiteral("en"));
    english.remove(QStringLiteral("identity"));
    const qint64 second = centre.createInteraction(english);
    REQUIRE(CentreFixture::waitForOffer(*stream2, second)); // agent1 is busy: agent2 still gets it
    // agent2 finishes first, so agent2 has been idle longer when the English call comes.
    auto finish = [&](qint64 interactionId, const QString& token) {
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(interactionId), token).status == 200);
        REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(interactionId), token,
                         QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                             { QStringLiteral("contactReason"), QStringLiteral("billing") } })
                    .status
            == 200);
        REQUIRE(
            centre.command(QStringLiteral("/api/v1/interactions/%1/wrapup").arg(interactionId), token).status == 200);
    };
    REQUIRE(centre.command(kAccept.arg(second), centre.agent2).status == 200);
    finish(second, centre.agent2);
    finish(id, centre.agent1);
    const qint64 third = centre.createInteraction(english);
    REQUIRE(CentreFixture::waitForOffer(*stream1, third));
}

TEST_CASE("An unanswered offer times out and goes to the next agent", "[hub][routing]")
{
    CentreFixture centre({ QStringLiteral("--offer-timeout-ms"), QStringLiteral("300") });
    auto stream1 = centre.events(centre.agent1);
    auto stream2 = centre.events(centre.agent2);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    centre.setState(centre.agent2Id, QStringLiteral("ready"), centre.agent2);

    const qint64 id = centre.createInteraction(billingCall());
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));
    REQUIRE(CentreFixture::waitForOffer(*stream2, id));
    // The desk that did not answer stops ringing: not ready, "Missed offer".
    const QJsonObject missed = centre.agent(centre.agent1Id);
    CHECK(missed.value(QStringLiteral("state")).toString() == QStringLiteral("not_ready"));
    CHECK(missed.value(QStringLiteral("stateReason")).toString() == QStringLiteral("Missed offer"));
    // Too late for agent1 now.
    const auto late = centre.command(kAccept.arg(id), centre.agent1);
    CHECK(late.status == 403);
    REQUIRE(centre.command(kAccept.arg(id), centre.agent2).status == 200);
    CHECK(centre.interaction(id).value(QStringLiteral("status")).toString() == QStringLiteral("active"));
}

TEST_CASE("A declined offer goes to the next agent and the decliner is ready again", "[hub][routing]")
{
    CentreFixture centre;
    auto stream1 = centre.events(centre.agent1);
    auto stream2 = centre.events(centre.agent2);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    centre.setState(centre.agent2Id, QStringLiteral("ready"), centre.agent2);

    const qint64 id = centre.createInteraction(billingCall());
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));
    const auto declined = centre.command(kDecline.arg(id), centre.agent1);
    REQUIRE(declined.status == 200);
    CHECK(declined.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()
        == QStringLiteral("queued"));
    REQUIRE(CentreFixture::waitForOffer(*stream2, id));
    CHECK(centre.agent(centre.agent1Id).value(QStringLiteral("state")).toString() == QStringLiteral("ready"));
    CHECK(centre.interaction(id).value(QStringLiteral("agentId")).toInteger() == centre.agent2Id);
    // A second decline of an offer that is no longer agent1's is refused.
    CHECK(centre.command(kDecline.arg(id), centre.agent1).status == 403);
}

TEST_CASE("Accept, hold, end and wrap-up, which needs a disposition first", "[hub][routing]")
{
    CentreFixture centre;
    auto stream1 = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const qint64 id = centre.createInteraction(billingCall());
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));

    const auto accepted = centre.command(kAccept.arg(id), centre.agent1);
    REQUIRE(accepted.status == 200);
    const QJsonObject active = accepted.json.value(QStringLiteral("data")).toObject();
    CHECK(active.value(QStringLiteral("status")).toString() == QStringLiteral("active"));
    CHECK(active.value(QStringLiteral("answeredAt")).toInteger() > 0);
    CHECK(active.value(QStringLiteral("waitSeconds")).toInteger() >= 0);
    CHECK(active.value(QStringLiteral("siteId")).toInteger() == 1);
    // Accepting twice is not a new accept (the same key replays; a new key is a conflict).
    CHECK(centre.command(kAccept.arg(id), centre.agent1).status == 409);
    // The agent cannot walk away from a live call through the state command.
    const auto stranded = centre.command(QStringLiteral("/api/v1/agents/%1/state").arg(centre.agent1Id),
        centre.agent1, QJsonObject { { QStringLiteral("state"), QStringLiteral("ready") } });
    CHECK(stranded.status == 409);
    CHECK(stranded.errorCode() == QStringLiteral("agent_busy"));
    // Voice has no written replies; another agent may not touch it.
    CHECK(centre.command(QStringLiteral("/api/v1/interactions/%1/replies").arg(id), centre.agent1,
                    QJsonObject { { QStringLiteral("text"), QStringLiteral("hello") } })
              .status
        == 409);
    CHECK(centre.command(QStringLiteral("/api/v1/interactions/%1/hold").arg(id), centre.agent2).status == 403);

    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/hold").arg(id), centre.agent1).status == 200);
    CHECK(centre.command(QStringLiteral("/api/v1/interactions/%1/hold").arg(id), centre.agent1).status == 409);
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/resume").arg(id), centre.agent1).status == 200);
    const auto ended = centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(id), centre.agent1);
    REQUIRE(ended.status == 200);
    CHECK(ended.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()
        == QStringLiteral("wrap_up"));
    CHECK(centre.agent(centre.agent1Id).value(QStringLiteral("state")).toString()
        == QStringLiteral("after_call_work"));

    const auto refused = centre.command(QStringLiteral("/api/v1/interactions/%1/wrapup").arg(id), centre.agent1);
    CHECK(refused.status == 409);
    CHECK(refused.errorCode() == QStringLiteral("wrap_up_incomplete"));
    CHECK(refused.json.value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("disposition")));
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/disposition").arg(id), centre.agent1,
                     QJsonObject { { QStringLiteral("disposition"), QStringLiteral("resolved") },
                         { QStringLiteral("contactReason"), QStringLiteral("billing") } })
                .status
        == 200);
    const auto wrapped = centre.command(QStringLiteral("/api/v1/interactions/%1/wrapup").arg(id), centre.agent1);
    REQUIRE(wrapped.status == 200);
    CHECK(wrapped.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()
        == QStringLiteral("ended"));
    CHECK(centre.agent(centre.agent1Id).value(QStringLiteral("state")).toString() == QStringLiteral("ready"));
}

TEST_CASE("An agent cannot accept another agent's offer", "[hub][routing]")
{
    CentreFixture centre;
    auto stream1 = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const qint64 id = centre.createInteraction(billingCall());
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));

    const auto stolen = centre.command(kAccept.arg(id), centre.agent2);
    CHECK(stolen.status == 403);
    CHECK(stolen.errorCode() == QStringLiteral("forbidden"));
    // Only integrations create interactions.
    CHECK(centre.command(QStringLiteral("/api/v1/interactions"), centre.agent2, billingCall()).status == 403);
    REQUIRE(centre.command(kAccept.arg(id), centre.agent1).status == 200);
    CHECK(centre.command(kAccept.arg(id), centre.agent2).status == 409);
    CHECK(centre.command(kAccept.arg(999999), centre.agent2).status == 404);
}

TEST_CASE("An offer from an unknown caller names no customer and carries the caller's number and name",
    "[hub][routing]")
{
    CentreFixture centre;
    auto stream1 = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    QJsonObject call = billingCall();
    call.insert(QStringLiteral("identity"),
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") },
            { QStringLiteral("value"), QStringLiteral("+39 333 000 1122") },
            { QStringLiteral("name"), QStringLiteral("Mario <b>R</b>") } });
    const qint64 id = centre.createInteraction(call);
    REQUIRE(CentreFixture::waitForOffer(*stream1, id));
    QJsonObject offer;
    for (const auto& event : stream1->events())
        if (event.type == "offer" && event.json().value(QStringLiteral("interactionId")).toInteger() == id)
            offer = event.json();
    CHECK(offer.value(QStringLiteral("customerId")).isNull());
    const QJsonObject identity = offer.value(QStringLiteral("identity")).toObject();
    CHECK(identity.value(QStringLiteral("kind")).toString() == QStringLiteral("phone"));
    CHECK(identity.value(QStringLiteral("value")).toString() == QStringLiteral("+39 333 000 1122"));
    CHECK(identity.value(QStringLiteral("name")).toString() == QStringLiteral("Mario <b>R</b>"));
    CHECK_FALSE(identity.contains(QStringLiteral("network")));
    CHECK(centre.interaction(id).value(QStringLiteral("customerId")).isNull());
}
