// Tickets, callbacks and notes against the real hub: every command is
// idempotent, validated field by field and visible in the change feed and on
// the event stream; a due callback becomes a routed outbound interaction.
#include "CentreFixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>
#include <catch2/catch.hpp>

namespace {

HubProcess::Response patch(CentreFixture& centre, const QString& path, const QString& token, const QJsonObject& body,
    const QByteArray& key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
{
    return centre.hub().send("PATCH", path, QJsonDocument(body).toJson(), token, { { "Idempotency-Key", key } });
}

QJsonObject data(const HubProcess::Response& response)
{
    return response.json.value(QStringLiteral("data")).toObject();
}

} // namespace

TEST_CASE("Tickets are opened and updated with enums checked against the schema and roles enforced", "[hub][tickets]")
{
    CentreFixture centre;
    auto stream = centre.events(centre.supervisor);
    const QString tickets = QStringLiteral("/api/v1/tickets");

    const auto created = centre.command(tickets, centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), centre.customerId() },
            { QStringLiteral("subject"), QStringLiteral("Router keeps rebooting") },
            { QStringLiteral("description"), QStringLiteral("Since the storm on Monday.") },
            { QStringLiteral("queueId"), CentreFixture::kBillingVoice } });
    INFO(created.body.toStdString());
    REQUIRE(created.status == 201);
    CHECK(created.json.value(QStringLiteral("entity")).toString() == QStringLiteral("ticket"));
    const qint64 ticketId = created.json.value(QStringLiteral("id")).toInteger();
    CHECK(data(created).value(QStringLiteral("status")).toString() == QStringLiteral("new"));
    CHECK(data(created).value(QStringLiteral("priority")).toString() == QStringLiteral("normal"));
    CHECK(data(created).value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    // The change reached the live stream.
    CHECK(SseClient::waitFor([&] {
        for (const SseClient::Event& event : stream->changes()) {
            if (event.json().value(QStringLiteral("entity")).toString() == QStringLiteral("ticket")
                && event.json().value(QStringLiteral("id")).toInteger() == ticketId)
                return true;
        }
        return false;
    }));

    // Bad input names the field; nothing is written.
    const auto badPriority = centre.command(tickets, centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), centre.customerId() }, { QStringLiteral("subject"), QStringLiteral("x") },
            { QStringLiteral("priority"), QStringLiteral("whenever") } });
    CHECK(badPriority.status == 400);
    CHECK(badPriority.errorField() == QStringLiteral("priority"));
    CHECK(centre.command(tickets, centre.agent1, QJsonObject { { QStringLiteral("customerId"), centre.customerId() } })
              .errorField()
        == QStringLiteral("subject"));
    CHECK(centre.command(tickets, centre.agent1,
                    QJsonObject { { QStringLiteral("customerId"), 999999 }, { QStringLiteral("subject"), QStringLiteral("x") } })
              .status
        == 404);
    const QString path = QStringLiteral("/api/v1/tickets/%1").arg(ticketId);
    const auto badStatus = patch(centre, path, centre.agent1, QJsonObject { { QStringLiteral("status"), QStringLiteral("done") } });
    CHECK(badStatus.status == 400);
    CHECK(badStatus.errorField() == QStringLiteral("status"));
    CHECK(patch(centre, path, centre.agent1, QJsonObject { { QStringLiteral("colour"), QStringLiteral("red") } }).errorField()
        == QStringLiteral("colour"));
    CHECK(patch(centre, path, centre.agent1, QJsonObject {}).status == 400);
    CHECK(patch(centre, QStringLiteral("/api/v1/tickets/999999"), centre.agent1,
              QJsonObject { { QStringLiteral("status"), QStringLiteral("open") } })
              .status
        == 404);

    // agent1 takes it; then agent2 may not touch it, nor assign it to others.
    const QByteArray key = "take-ticket-1";
    const QJsonObject take { { QStringLiteral("assigneeId"), centre.agent1Id }, { QStringLiteral("status"), QStringLiteral("open") },
        { QStringLiteral("priority"), QStringLiteral("high") } };
    const auto taken = patch(centre, path, centre.agent1, take, key);
    INFO(taken.body.toStdString());
    REQUIRE(taken.status == 200);
    CHECK(data(taken).value(QStringLiteral("assigneeId")).toInteger() == centre.agent1Id);
    CHECK(data(taken).value(QStringLiteral("status")).toString() == QStringLiteral("open"));
    CHECK(data(taken).value(QStringLiteral("priority")).toString() == QStringLiteral("high"));
    CHECK(data(taken).value(QStringLiteral("description")).toString() == QStringLiteral("Since the storm on Monday."));
    const auto replay = patch(centre, path, centre.agent1, take, key);
    CHECK(replay.status == 200);
    CHECK(replay.header("Idempotent-Replayed") == "true");
    CHECK(replay.body == taken.body);
    CHECK(patch(centre, path, centre.agent2, QJsonObject { { QStringLiteral("status"), QStringLiteral("solved") } }).status == 403);

    // A supervisor reassigns; null hands it back.
    const auto reassigned = patch(centre, path, centre.supervisor, QJsonObject { { QStringLiteral("assigneeId"), centre.agent2Id } });
    REQUIRE(reassigned.status == 200);
    CHECK(data(reassigned).value(QStringLiteral("assigneeId")).toInteger() == centre.agent2Id);
    const auto released = patch(centre, path, centre.agent2,
        QJsonObject { { QStringLiteral("assigneeId"), QJsonValue::Null }, { QStringLiteral("status"), QStringLiteral("pending") } });
    REQUIRE(released.status == 200);
    CHECK(data(released).value(QStringLiteral("assigneeId")).isNull());
    CHECK(centre.latest(QStringLiteral("ticket"), ticketId).value(QStringLiteral("status")).toString()
        == QStringLiteral("pending"));
    CHECK(centre.latest(QStringLiteral("ticket"), ticketId).value(QStringLiteral("version")).toInteger() == 4);
}

TEST_CASE("A callback is scheduled with a normalised number and, when due, offered as an outbound call", "[hub][tickets]")
{
    CentreFixture centre;
    const QString callbacks = QStringLiteral("/api/v1/callbacks");
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    const auto badPhone = centre.command(callbacks, centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), centre.customerId() }, { QStringLiteral("phone"), QStringLiteral("12") },
            { QStringLiteral("dueAt"), now + 3600 }, { QStringLiteral("queueId"), CentreFixture::kBillingVoice } });
    CHECK(badPhone.status == 400);
    CHECK(badPhone.errorField() == QStringLiteral("phone"));
    CHECK(centre.command(callbacks, centre.agent1,
                    QJsonObject { { QStringLiteral("customerId"), centre.customerId() },
                        { QStringLiteral("phone"), QStringLiteral("02 1234 5678") }, { QStringLiteral("dueAt"), now } })
              .errorCode()
        == QStringLiteral("no_queue")); // the fixture has no callback queue

    // Later: stays scheduled.
    const auto later = centre.command(callbacks, centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), centre.customerId() }, { QStringLiteral("phone"), QStringLiteral("02 1234 5678") },
            { QStringLiteral("dueAt"), now + 24 * 3600 }, { QStringLiteral("queueId"), CentreFixture::kBillingVoice },
            { QStringLiteral("note"), QStringLiteral("Tomorrow about the invoice") } });
    INFO(later.body.toStdString());
    REQUIRE(later.status == 201);
    CHECK(data(later).value(QStringLiteral("phone")).toString() == QStringLiteral("+390212345678"));
    CHECK(data(later).value(QStringLiteral("status")).toString() == QStringLiteral("scheduled"));

    // Due now: dialled at once, routed to the ready agent with the skill.
    auto stream = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const auto due = centre.command(callbacks, centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), centre.customerId() },
            { QStringLiteral("phone"), QStringLiteral("+39 02 1234 5678") }, { QStringLiteral("dueAt"), now - 5 },
            { QStringLiteral("queueId"), CentreFixture::kBillingVoice } });
    REQUIRE(due.status == 201);
    const qint64 callbackId = due.json.value(QStringLiteral("id")).toInteger();
    qint64 interactionId = 0;
    REQUIRE(SseClient::waitFor([&] {
        for (const SseClient::Event& event : stream->events()) {
            if (event.type == "offer" && event.json().value(QStringLiteral("channel")).toString() == QStringLiteral("callback")) {
                interactionId = event.json().value(QStringLiteral("interactionId")).toInteger();
                return true;
            }
        }
        return false;
    }));
    const QJsonObject dialing = centre.latest(QStringLiteral("callback"), callbackId);
    CHECK(dialing.value(QStringLiteral("status")).toString() == QStringLiteral("dialing"));
    CHECK(dialing.value(QStringLiteral("interactionId")).toInteger() == interactionId);
    const QJsonObject call = centre.interaction(interactionId);
    CHECK(call.value(QStringLiteral("direction")).toString() == QStringLiteral("outbound"));
    CHECK(call.value(QStringLiteral("customerId")).toInteger() == centre.customerId());

    REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(interactionId), centre.agent1).status == 200);
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(interactionId), centre.agent1).status == 200);
    const QJsonObject done = centre.latest(QStringLiteral("callback"), callbackId);
    CHECK(done.value(QStringLiteral("status")).toString() == QStringLiteral("completed"));
    CHECK(done.value(QStringLiteral("agentId")).toInteger() == centre.agent1Id);
    CHECK(centre.latest(QStringLiteral("callback"), later.json.value(QStringLiteral("id")).toInteger())
              .value(QStringLiteral("status"))
              .toString()
        == QStringLiteral("scheduled"));
}

TEST_CASE("A reply is a message to the customer, a note is internal", "[hub][tickets]")
{
    CentreFixture centre;
    auto stream = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const qint64 id = centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
        { QStringLiteral("customerId"), centre.customerId() }, { QStringLiteral("skill"), QStringLiteral("billing") } });
    REQUIRE(CentreFixture::waitForOffer(*stream, id));
    REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(id), centre.agent1).status == 200);

    const auto reply = centre.command(QStringLiteral("/api/v1/interactions/%1/replies").arg(id), centre.agent1,
        QJsonObject { { QStringLiteral("text"), QStringLiteral("Buongiorno, controllo subito.") } });
    REQUIRE(reply.status == 201);
    CHECK(data(reply).value(QStringLiteral("kind")).toString() == QStringLiteral("message"));
    const auto note = centre.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(id), centre.agent1,
        QJsonObject { { QStringLiteral("text"), QStringLiteral("Customer sounds upset; offer a credit.") } });
    REQUIRE(note.status == 201);
    CHECK(data(note).value(QStringLiteral("kind")).toString() == QStringLiteral("note"));
    CHECK(data(note).value(QStringLiteral("interactionId")).toInteger() == id);
}
