// Social listening against the real hub: the webhook stores each event once,
// links its author by handle and reads it with TextAnalyzer; bad events get a
// clear 4xx; the ticket rules turn posts into routed social tickets, and a
// reply to one is posted back as an outbound interaction of the ticket.
#include "CentreFixture.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QUuid>
#include <catch2/catch.hpp>

namespace {

const QString kEvents = QStringLiteral("/api/v1/social/events");
const QString kRules = QStringLiteral("/api/v1/social/rules");
constexpr qint64 kItalianSocial = 4;
constexpr qint64 kEnglishSocial = 5;

// The fixture's centre plus Italian and English social queues; agent1 (it,
// en) also answers social networks.
void addSocialQueues(CentreFixture& centre)
{
    centre.stopHub();
    {
        Store store(centre.databasePath());
        store.db().exec("INSERT INTO queues(id, name, skill, channel, language, site_id, service_level_pct, "
                        "service_level_seconds) VALUES (4, 'IT Social', 'social', 'social', 'it', 1, 80, 3600), "
                        "(5, 'EN Social', 'social', 'social', 'en', 1, 80, 3600)");
        store.db().exec("UPDATE agents SET skills = 'billing,social' WHERE login = 'agent1'");
    }
    centre.startHub();
}

HubProcess::Response postEvent(CentreFixture& centre, const QJsonObject& event, const QString& token = {})
{
    return centre.hub().post(kEvents, QJsonDocument(event).toJson(), token.isEmpty() ? centre.supervisor : token);
}

HubProcess::Response putRules(CentreFixture& centre, const QJsonObject& rules, const QString& token)
{
    return centre.hub().send("PUT", kRules, QJsonDocument(rules).toJson(), token);
}

QJsonObject event(const QString& externalId, const QString& handle, const QString& text,
    const QString& kind = QStringLiteral("mention"), const QString& network = QStringLiteral("x"))
{
    QJsonObject object { { QStringLiteral("network"), network }, { QStringLiteral("kind"), kind },
        { QStringLiteral("externalId"), externalId }, { QStringLiteral("authorHandle"), handle } };
    if (!text.isNull())
        object.insert(QStringLiteral("text"), text);
    return object;
}

QJsonObject data(const HubProcess::Response& response)
{
    return response.json.value(QStringLiteral("data")).toObject();
}

qint64 socialTotal(CentreFixture& centre)
{
    const auto page = centre.hub().get(QStringLiteral("/api/v1/social"), centre.supervisor);
    REQUIRE(page.status == 200);
    return page.json.value(QStringLiteral("total")).toInteger();
}

} // namespace

TEST_CASE("A social event is stored once, understood, linked to its author by handle and published", "[hub][social]")
{
    CentreFixture centre;
    addSocialQueues(centre);
    auto stream = centre.events(centre.supervisor);
    REQUIRE(centre.command(QStringLiteral("/api/v1/customers/%1/identities").arg(centre.customerId()), centre.agent1,
                      QJsonObject { { QStringLiteral("kind"), QStringLiteral("social") },
                          { QStringLiteral("network"), QStringLiteral("x") }, { QStringLiteral("value"), QStringLiteral("@GiuliaB") } })
                .status
        == 201);

    QJsonObject complaint = event(QStringLiteral("x-1"), QStringLiteral("@giuliab"),
        QStringLiteral("Il mio internet non funziona da tre giorni, sono furiosa! Nessuno mi risponde."));
    complaint.insert(QStringLiteral("authorFollowers"), 320);
    complaint.insert(QStringLiteral("url"), QStringLiteral("https://x.example/giuliab/1"));
    const auto received = postEvent(centre, complaint);
    INFO(received.body.toStdString());
    REQUIRE(received.status == 201);
    CHECK(received.json.value(QStringLiteral("entity")).toString() == QStringLiteral("socialActivity"));
    CHECK(received.json.value(QStringLiteral("duplicate")).toBool() == false);
    const QJsonObject stored = data(received);
    CHECK(stored.value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    CHECK(stored.value(QStringLiteral("authorHandle")).toString() == QStringLiteral("@giuliab"));
    CHECK(stored.value(QStringLiteral("authorFollowers")).toInteger() == 320);
    CHECK(stored.value(QStringLiteral("language")).toString() == QStringLiteral("it"));
    CHECK(stored.value(QStringLiteral("intent")).toString() == QStringLiteral("complaint"));
    CHECK(stored.value(QStringLiteral("sentiment")).toDouble() < 0);
    CHECK(stored.value(QStringLiteral("ticketId")).toInteger() == received.json.value(QStringLiteral("ticketId")).toInteger());
    const qint64 activityId = received.json.value(QStringLiteral("id")).toInteger();
    CHECK(SseClient::waitFor([&] {
        for (const SseClient::Event& change : stream->changes()) {
            if (change.json().value(QStringLiteral("entity")).toString() == QStringLiteral("socialActivity")
                && change.json().value(QStringLiteral("id")).toInteger() == activityId)
                return true;
        }
        return false;
    }));

    // A redelivery (no key: the event id is the key) answers as the first delivery did, even if its body differs.
    QJsonObject redelivered = complaint;
    redelivered.insert(QStringLiteral("authorFollowers"), 321);
    const auto again = postEvent(centre, redelivered);
    CHECK(again.status == 201);
    CHECK(again.header("Idempotent-Replayed") == "true");
    CHECK(again.json.value(QStringLiteral("id")).toInteger() == activityId);
    // Under another Idempotency-Key it is still the same event: nothing is written.
    const auto keyed = centre.hub().post(kEvents, QJsonDocument(complaint).toJson(), centre.supervisor,
        { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
    CHECK(keyed.status == 200);
    CHECK(keyed.json.value(QStringLiteral("duplicate")).toBool());
    CHECK(keyed.json.value(QStringLiteral("socialActivityId")).toInteger() == activityId);
    CHECK(socialTotal(centre) == 1);

    // Agents answer posts; they do not invent them.
    CHECK(postEvent(centre, event(QStringLiteral("x-2"), QStringLiteral("@a"), QStringLiteral("ciao")), centre.agent1).status
        == 403);
    // A stranger's like is stored with no text to read and no ticket.
    const auto like = postEvent(centre, event(QStringLiteral("x-3"), QStringLiteral("@Stranger_1"), QString(), QStringLiteral("like")));
    REQUIRE(like.status == 201);
    CHECK(data(like).value(QStringLiteral("customerId")).isNull());
    CHECK(data(like).value(QStringLiteral("sentiment")).isNull());
    CHECK(data(like).value(QStringLiteral("authorHandle")).toString() == QStringLiteral("@stranger_1"));
    CHECK(like.json.value(QStringLiteral("ticketId")).isNull());
}

TEST_CASE("Bad social events get a clear 4xx and write nothing, markup and control characters are kept as written",
    "[hub][social]")
{
    CentreFixture centre;
    const QString text = QStringLiteral("ok");
    auto refused = [&](const QJsonObject& body, const QString& field, int status = 400) {
        const auto response = postEvent(centre, body);
        INFO(response.body.toStdString());
        CHECK(response.status == status);
        CHECK(response.errorField() == field);
        CHECK_FALSE(response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        return response;
    };
    CHECK(refused(event(QStringLiteral("1"), QStringLiteral("@a"), text, QStringLiteral("post"), QStringLiteral("myspace")),
              QStringLiteral("network"))
              .errorCode()
        == QStringLiteral("unknown_network"));
    refused(event(QStringLiteral("1"), QStringLiteral("@a"), text, QStringLiteral("poke")), QStringLiteral("kind"));
    refused(event(QStringLiteral("1"), QStringLiteral("not a handle!"), text), QStringLiteral("authorHandle"));
    refused(event(QStringLiteral("1"), QStringLiteral("@a"), QString(), QStringLiteral("post")), QStringLiteral("text"));
    refused(event(QStringLiteral("1"), QStringLiteral("@a"), QStringLiteral("   "), QStringLiteral("comment")), QStringLiteral("text"));
    refused(event(QStringLiteral("1"), QStringLiteral("@a"), QStringLiteral("hi"), QStringLiteral("follow")), QStringLiteral("text"));
    QJsonObject noId = event(QStringLiteral("1"), QStringLiteral("@a"), text);
    noId.remove(QStringLiteral("externalId"));
    refused(noId, QStringLiteral("externalId"));
    QJsonObject extra = event(QStringLiteral("1"), QStringLiteral("@a"), text);
    extra.insert(QStringLiteral("colour"), QStringLiteral("red"));
    refused(extra, QStringLiteral("colour"));
    QJsonObject badUrl = event(QStringLiteral("1"), QStringLiteral("@a"), text);
    badUrl.insert(QStringLiteral("url"), QStringLiteral("javascript:alert(1)"));
    refused(badUrl, QStringLiteral("url"));
    refused(event(QStringLiteral("1"), QStringLiteral("@a"), QString(50001, QLatin1Char('a'))), QStringLiteral("text"));

    const auto invalidUtf8 = centre.hub().post(kEvents,
        QByteArray(R"({"network":"x","kind":"post","externalId":"u1","authorHandle":"@a","text":"caf)") + "\xC3\x28\xFF" + "\"}",
        centre.supervisor);
    CHECK(invalidUtf8.status == 400);
    CHECK(invalidUtf8.errorCode() == QStringLiteral("invalid_utf8"));
    CHECK(centre.hub().post(kEvents, "{\"network\": ", centre.supervisor).status == 400);
    CHECK(socialTotal(centre) == 0);

    // 50,000 characters (emoji count as one each) are accepted whole.
    QString longest;
    for (int i = 0; i < 25000; ++i)
        longest += i % 2 ? QStringLiteral("a") : QString::fromUtf8("\xF0\x9F\x98\xA1");
    const auto longPost = postEvent(centre, event(QStringLiteral("long"), QStringLiteral("@a"), longest, QStringLiteral("post")));
    CHECK(longPost.status == 201);
    CHECK(data(longPost).value(QStringLiteral("body")).toString() == longest);

    // Markup, zero-width and right-to-left marks are the customer's words: stored and served back untouched.
    const QString hostile = QString::fromUtf8("<script>alert('x')</script><b>rotto</b> \xE2\x80\x8B\xE2\x80\xAE"
                                              "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 &amp; \xE2\x80\x8F fine");
    const auto kept = postEvent(centre, event(QStringLiteral("html"), QStringLiteral("@a"), hostile, QStringLiteral("comment")));
    REQUIRE(kept.status == 201);
    const auto page = centre.hub().get(QStringLiteral("/api/v1/social?kind=comment"), centre.supervisor);
    REQUIRE(page.status == 200);
    CHECK(page.json.value(QStringLiteral("socialActivity")).toArray().at(0).toObject().value(QStringLiteral("body")).toString()
        == hostile);
    CHECK(socialTotal(centre) == 2);
}

TEST_CASE("Ticket rules turn posts into tickets on the social queue of the customer's language, routed to a social "
          "agent, and a reply is posted back as an outbound interaction of the ticket",
    "[hub][social]")
{
    CentreFixture centre;
    addSocialQueues(centre);
    auto stream1 = centre.events(centre.agent1);
    REQUIRE(centre.command(QStringLiteral("/api/v1/customers/%1/identities").arg(centre.customerId()), centre.agent1,
                      QJsonObject { { QStringLiteral("kind"), QStringLiteral("social") },
                          { QStringLiteral("network"), QStringLiteral("instagram") }, { QStringLiteral("value"), QStringLiteral("giulia.b") } })
                .status
        == 201);

    // Reading and changing the rules is for supervisors; every field is checked by its path.
    CHECK(centre.hub().get(kRules, centre.agent1).status == 403);
    const auto defaults = centre.hub().get(kRules, centre.supervisor);
    REQUIRE(defaults.status == 200);
    CHECK_FALSE(defaults.json.value(QStringLiteral("rules")).toArray().isEmpty());
    CHECK(defaults.json.value(QStringLiteral("updatedBy")).isNull());
    auto rule = [](const QString& name, const QString& priority, const QJsonObject& when) {
        return QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("priority"), priority }, { QStringLiteral("when"), when } };
    };
    auto ruleSet = [](const QJsonArray& rules) { return QJsonObject { { QStringLiteral("rules"), rules } }; };
    const QJsonObject influencer = rule(QStringLiteral("Influencer on X"), QStringLiteral("urgent"),
        { { QStringLiteral("minFollowers"), 5000 }, { QStringLiteral("networks"), QJsonArray { QStringLiteral("x") } } });
    const QJsonObject refund = rule(QStringLiteral("Refund"), QStringLiteral("high"),
        { { QStringLiteral("keywords"), QJsonArray { QStringLiteral("Rimborso") } },
            { QStringLiteral("tiers"), QJsonArray { QStringLiteral("standard"), QStringLiteral("gold") } } });
    CHECK(putRules(centre, ruleSet({ influencer }), centre.agent1).status == 403);
    CHECK(putRules(centre, ruleSet({ rule(QStringLiteral("a"), QStringLiteral("asap"), {}) }), centre.supervisor).errorField()
        == QStringLiteral("rules[0].priority"));
    CHECK(putRules(centre, ruleSet({ influencer, rule(QStringLiteral("b"), QStringLiteral("low"), { { QStringLiteral("colour"), 1 } }) }),
              centre.supervisor)
              .errorField()
        == QStringLiteral("rules[1].when.colour"));
    CHECK(putRules(centre, ruleSet({ rule(QStringLiteral("c"), QStringLiteral("low"), { { QStringLiteral("minFollowers"), -1 } }) }),
              centre.supervisor)
              .errorField()
        == QStringLiteral("rules[0].when.minFollowers"));
    CHECK(putRules(centre, ruleSet({ rule(QStringLiteral("d"), QStringLiteral("low"), { { QStringLiteral("intents"), QJsonArray { QStringLiteral("rant") } } }) }),
              centre.supervisor)
              .errorField()
        == QStringLiteral("rules[0].when.intents[0]"));
    CHECK(putRules(centre, ruleSet({ influencer, influencer }), centre.supervisor).errorField() == QStringLiteral("rules[1].name"));
    const auto saved = putRules(centre, ruleSet({ influencer, refund }), centre.supervisor);
    INFO(saved.body.toStdString());
    REQUIRE(saved.status == 200);
    CHECK(saved.json.value(QStringLiteral("updatedBy")).toString() == QStringLiteral("supervisor"));
    CHECK(centre.hub().get(kRules, centre.supervisor).json.value(QStringLiteral("rules")).toArray().size() == 2);

    // Praise from a small account matches no rule.
    const auto praise = postEvent(centre, event(QStringLiteral("x-10"), QStringLiteral("@fan"), QStringLiteral("Servizio fantastico, grazie!")));
    REQUIRE(praise.status == 201);
    CHECK(praise.json.value(QStringLiteral("ticketId")).isNull());

    // A big English-speaking account on X: urgent, on the English social queue.
    QJsonObject loud = event(QStringLiteral("x-11"), QStringLiteral("@bigvoice"),
        QStringLiteral("My broadband has been down for a week and nobody answers. Terrible service."));
    loud.insert(QStringLiteral("authorFollowers"), 120000);
    const auto urgent = postEvent(centre, loud);
    INFO(urgent.body.toStdString());
    REQUIRE(urgent.status == 201);
    CHECK(urgent.json.value(QStringLiteral("rule")).toString() == QStringLiteral("Influencer on X"));
    const QJsonObject urgentTicket
        = centre.latest(QStringLiteral("ticket"), urgent.json.value(QStringLiteral("ticketId")).toInteger());
    CHECK(urgentTicket.value(QStringLiteral("priority")).toString() == QStringLiteral("urgent"));
    CHECK(urgentTicket.value(QStringLiteral("queueId")).toInteger() == kEnglishSocial);
    // Someone else takes that one (agent1 reads English too and would be offered it first).
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(urgent.json.value(QStringLiteral("interactionId")).toInteger()),
                      centre.supervisor)
                .status
        == 200);

    // The known customer's refund request on Instagram: high, on the Italian social queue, offered to agent1.
    QJsonObject request = event(QStringLiteral("ig-1"), QStringLiteral("@Giulia.B"),
        QStringLiteral("Aspetto ancora il rimborso della bolletta di marzo, quando arriva?"), QStringLiteral("direct_message"),
        QStringLiteral("instagram"));
    const auto ticketed = postEvent(centre, request);
    INFO(ticketed.body.toStdString());
    REQUIRE(ticketed.status == 201);
    CHECK(ticketed.json.value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    CHECK(ticketed.json.value(QStringLiteral("rule")).toString() == QStringLiteral("Refund"));
    const qint64 ticketId = ticketed.json.value(QStringLiteral("ticketId")).toInteger();
    const qint64 interactionId = ticketed.json.value(QStringLiteral("interactionId")).toInteger();
    REQUIRE(ticketId > 0);
    REQUIRE(interactionId > 0);
    const QJsonObject ticket = centre.latest(QStringLiteral("ticket"), ticketId);
    CHECK(ticket.value(QStringLiteral("priority")).toString() == QStringLiteral("high"));
    CHECK(ticket.value(QStringLiteral("queueId")).toInteger() == kItalianSocial);
    CHECK(ticket.value(QStringLiteral("interactionId")).toInteger() == interactionId);
    CHECK(ticket.value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    const QJsonObject inbound = centre.interaction(interactionId);
    CHECK(inbound.value(QStringLiteral("channel")).toString() == QStringLiteral("social"));
    CHECK(inbound.value(QStringLiteral("queueId")).toInteger() == kItalianSocial);
    CHECK(inbound.value(QStringLiteral("ticketId")).toInteger() == ticketId);

    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    REQUIRE(CentreFixture::waitForOffer(*stream1, interactionId));
    REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(interactionId), centre.agent1).status == 200);
    const QString answer = QStringLiteral("Ciao Giulia, il rimborso è partito oggi: lo vedrà entro 5 giorni.");
    const auto replied = centre.command(QStringLiteral("/api/v1/interactions/%1/replies").arg(interactionId), centre.agent1,
        QJsonObject { { QStringLiteral("text"), answer } });
    INFO(replied.body.toStdString());
    REQUIRE(replied.status == 201);

    // The reply went out on Instagram: an outbound interaction of the ticket, a direct message under the original.
    const auto feed = centre.hub().get(QStringLiteral("/api/v1/changes?since=0&limit=5000"), centre.supervisor);
    REQUIRE(feed.status == 200);
    QJsonObject outbound;
    QJsonObject posted;
    for (const QJsonValue& value : feed.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        const QJsonObject row = change.value(QStringLiteral("data")).toObject();
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("interaction")
            && row.value(QStringLiteral("direction")).toString() == QStringLiteral("outbound"))
            outbound = row;
        if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("socialActivity")
            && row.value(QStringLiteral("body")).toString() == answer)
            posted = row;
    }
    CHECK(outbound.value(QStringLiteral("channel")).toString() == QStringLiteral("social"));
    CHECK(outbound.value(QStringLiteral("ticketId")).toInteger() == ticketId);
    CHECK(outbound.value(QStringLiteral("agentId")).toInteger() == centre.agent1Id);
    CHECK(outbound.value(QStringLiteral("customerId")).toInteger() == centre.customerId());
    CHECK(posted.value(QStringLiteral("kind")).toString() == QStringLiteral("direct_message"));
    CHECK(posted.value(QStringLiteral("network")).toString() == QStringLiteral("instagram"));
    CHECK(posted.value(QStringLiteral("parentId")).toInteger() == ticketed.json.value(QStringLiteral("id")).toInteger());
    CHECK(posted.value(QStringLiteral("ticketId")).toInteger() == ticketId);
    CHECK(posted.value(QStringLiteral("authorHandle")).toString() == QStringLiteral("@unisono"));
    CHECK(centre.latest(QStringLiteral("ticket"), ticketId).value(QStringLiteral("status")).toString() == QStringLiteral("pending"));
    // The agent's transcript has the reply too.
    bool inTranscript = false;
    for (const QJsonValue& message : centre.interaction(interactionId).value(QStringLiteral("messages")).toArray())
        inTranscript |= message.toObject().value(QStringLiteral("body")).toString() == answer;
    CHECK(inTranscript);
}
