// The read routes against the real hub: tickets, callbacks, an interaction
// with its messages, social activity, knowledge articles and agent profiles,
// with their filters, paging, role checks, 400 naming the parameter and 404.
#include "CentreFixture.h"
#include "HubRoutes.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUuid>
#include <catch2/catch.hpp>

namespace {

QList<qint64> ids(const HubProcess::Response& response, const QString& key)
{
    QList<qint64> result;
    for (const QJsonValue& value : response.json.value(key).toArray())
        result.append(value.toObject().value(QStringLiteral("id")).toInteger());
    return result;
}

HubProcess::Response patch(CentreFixture& centre, const QString& path, const QString& token, const QJsonObject& body)
{
    return centre.hub().send("PATCH", path, QJsonDocument(body).toJson(), token,
        { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
}

qint64 openTicket(CentreFixture& centre, qint64 customerId, const QString& subject)
{
    const auto created = centre.command(QStringLiteral("/api/v1/tickets"), centre.agent1,
        QJsonObject { { QStringLiteral("customerId"), customerId }, { QStringLiteral("subject"), subject } });
    REQUIRE(created.status == 201);
    return created.json.value(QStringLiteral("id")).toInteger();
}

// A tiny demo hub and its database, for reads over realistic rows.
struct DemoHub
{
    DemoHub()
        : hub(dir.file(QStringLiteral("hub.sqlite")),
            { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny") })
        , db(dir.file(QStringLiteral("hub.sqlite")), Database::Mode::ReadWrite)
        , agent(hub.login(QStringLiteral("agent1"), QStringLiteral("agent1")))
        , supervisor(hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor")))
    {
    }
    qint64 scalar(const QString& sql) { return db.scalar(sql.toUtf8().constData()); }

    TestSupport::TempDir dir;
    HubProcess hub;
    Database db;
    QString agent;
    QString supervisor;
};

} // namespace

TEST_CASE("Tickets are listed by customer, assignee and status and read by id", "[hub][reads]")
{
    CentreFixture centre;
    const qint64 mine = openTicket(centre, centre.customerId(), QStringLiteral("Router keeps rebooting"));
    const qint64 pool = openTicket(centre, centre.customerId(), QStringLiteral("Invoice in English please"));
    const qint64 theirs = openTicket(centre, centre.otherCustomerId(), QStringLiteral("Duplicate account"));
    REQUIRE(patch(centre, QStringLiteral("/api/v1/tickets/%1").arg(mine), centre.agent1,
                QJsonObject { { QStringLiteral("assigneeId"), centre.agent1Id }, { QStringLiteral("status"), QStringLiteral("open") } })
                .status
        == 200);
    REQUIRE(patch(centre, QStringLiteral("/api/v1/tickets/%1").arg(theirs), centre.supervisor,
                QJsonObject { { QStringLiteral("assigneeId"), centre.agent2Id } })
                .status
        == 200);
    HubProcess& hub = centre.hub();

    // By customer, most recently updated first (then newest), paged with a total.
    const auto byCustomer = hub.get(QStringLiteral("/api/v1/tickets?customerId=%1").arg(centre.customerId()), centre.agent1);
    REQUIRE(byCustomer.status == 200);
    const QList<qint64> listed = ids(byCustomer, QStringLiteral("tickets"));
    CHECK(QSet<qint64>(listed.cbegin(), listed.cend()) == QSet<qint64> { mine, pool });
    const QJsonArray rows = byCustomer.json.value(QStringLiteral("tickets")).toArray();
    REQUIRE(rows.size() == 2);
    const auto key = [](const QJsonValue& row) {
        return std::pair { row.toObject().value(QStringLiteral("updatedAt")).toInteger(),
            row.toObject().value(QStringLiteral("id")).toInteger() };
    };
    CHECK(key(rows.at(0)) > key(rows.at(1)));
    CHECK(byCustomer.json.value(QStringLiteral("total")).toInteger() == 2);
    const auto second = hub.get(
        QStringLiteral("/api/v1/tickets?customerId=%1&limit=1&offset=1").arg(centre.customerId()), centre.agent1);
    CHECK(ids(second, QStringLiteral("tickets")) == QList<qint64> { listed.at(1) });
    CHECK(second.json.value(QStringLiteral("total")).toInteger() == 2);
    // The unassigned pool, for anyone; filters combine.
    const QList<qint64> fresh = ids(hub.get(QStringLiteral("/api/v1/tickets?status=new"), centre.agent2), QStringLiteral("tickets"));
    CHECK(QSet<qint64>(fresh.cbegin(), fresh.cend()) == QSet<qint64> { theirs, pool });
    CHECK(ids(hub.get(QStringLiteral("/api/v1/tickets?status=new&customerId=%1").arg(centre.customerId()), centre.agent2),
              QStringLiteral("tickets"))
        == QList<qint64> { pool });

    // My tickets; another agent's are for supervisors.
    CHECK(ids(hub.get(QStringLiteral("/api/v1/tickets?assigneeId=%1").arg(centre.agent1Id), centre.agent1),
              QStringLiteral("tickets"))
        == QList<qint64> { mine });
    const auto spying = hub.get(QStringLiteral("/api/v1/tickets?assigneeId=%1").arg(centre.agent2Id), centre.agent1);
    CHECK(spying.status == 403);
    CHECK(spying.errorField() == QStringLiteral("assigneeId"));
    CHECK(ids(hub.get(QStringLiteral("/api/v1/tickets?assigneeId=%1").arg(centre.agent2Id), centre.supervisor),
              QStringLiteral("tickets"))
        == QList<qint64> { theirs });

    // One ticket is the row the change feed carries.
    const auto one = hub.get(QStringLiteral("/api/v1/tickets/%1").arg(mine), centre.agent2);
    REQUIRE(one.status == 200);
    CHECK(one.json == centre.latest(QStringLiteral("ticket"), mine));
    CHECK(one.json.value(QStringLiteral("assigneeId")).toInteger() == centre.agent1Id);
    CHECK(hub.get(QStringLiteral("/api/v1/tickets/999999"), centre.agent1).status == 404);
    const auto wrongMethod = hub.send("DELETE", QStringLiteral("/api/v1/tickets/%1").arg(mine), {}, centre.supervisor);
    CHECK(wrongMethod.status == 405);
    CHECK(wrongMethod.header("Allow").contains("GET"));
    CHECK(wrongMethod.header("Allow").contains("PATCH"));

    // Bad filters name the parameter.
    for (const auto& [query, field] : { std::pair { "status=done", "status" }, std::pair { "customerId=abc", "customerId" },
             std::pair { "assigneeId=0", "assigneeId" }, std::pair { "limit=500", "limit" } }) {
        const auto bad = hub.get(QStringLiteral("/api/v1/tickets?") + QLatin1String(query), centre.supervisor);
        INFO(query);
        CHECK(bad.status == 400);
        CHECK(bad.errorField() == QLatin1String(field));
    }
}

TEST_CASE("Callbacks are listed soonest due first by customer, agent, status and due time", "[hub][reads]")
{
    CentreFixture centre;
    HubProcess& hub = centre.hub();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto schedule = [&](qint64 customerId, qint64 dueAt) {
        const auto created = centre.command(QStringLiteral("/api/v1/callbacks"), centre.agent1,
            QJsonObject { { QStringLiteral("customerId"), customerId }, { QStringLiteral("phone"), QStringLiteral("02 1234 5678") },
                { QStringLiteral("dueAt"), dueAt }, { QStringLiteral("queueId"), CentreFixture::kBillingVoice } });
        INFO(created.body.toStdString());
        REQUIRE(created.status == 201);
        return created.json.value(QStringLiteral("id")).toInteger();
    };
    const qint64 inTwoHours = schedule(centre.customerId(), now + 7200);
    const qint64 inOneHour = schedule(centre.customerId(), now + 3600);
    const qint64 tomorrow = schedule(centre.otherCustomerId(), now + 86400);

    // Due now: dialled at once; agent1 takes and ends the call, so it becomes theirs.
    auto stream = centre.events(centre.agent1);
    centre.setState(centre.agent1Id, QStringLiteral("ready"), centre.agent1);
    const qint64 called = schedule(centre.customerId(), now - 5);
    qint64 interactionId = 0;
    REQUIRE(SseClient::waitFor([&] {
        for (const SseClient::Event& event : stream->events()) {
            if (event.type == "offer")
                interactionId = event.json().value(QStringLiteral("interactionId")).toInteger();
        }
        return interactionId > 0;
    }));
    REQUIRE(centre.command(QStringLiteral("/api/v1/offers/%1/accept").arg(interactionId), centre.agent1).status == 200);
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(interactionId), centre.agent1).status == 200);

    const auto byCustomer = hub.get(QStringLiteral("/api/v1/callbacks?customerId=%1").arg(centre.customerId()), centre.agent2);
    REQUIRE(byCustomer.status == 200);
    CHECK(ids(byCustomer, QStringLiteral("callbacks")) == QList<qint64> { called, inOneHour, inTwoHours });
    CHECK(ids(hub.get(QStringLiteral("/api/v1/callbacks?status=scheduled&dueBefore=%1").arg(now + 7200), centre.agent2),
              QStringLiteral("callbacks"))
        == QList<qint64> { inOneHour, inTwoHours });
    CHECK(ids(hub.get(QStringLiteral("/api/v1/callbacks?status=scheduled"), centre.agent2), QStringLiteral("callbacks"))
        == QList<qint64> { inOneHour, inTwoHours, tomorrow });

    // An agent's own callbacks; another agent's are for supervisors.
    const auto mine = hub.get(QStringLiteral("/api/v1/callbacks?agentId=%1").arg(centre.agent1Id), centre.agent1);
    REQUIRE(mine.status == 200);
    CHECK(ids(mine, QStringLiteral("callbacks")) == QList<qint64> { called });
    CHECK(mine.json.value(QStringLiteral("callbacks")).toArray().at(0).toObject().value(QStringLiteral("status")).toString()
        == QStringLiteral("completed"));
    const auto spying = hub.get(QStringLiteral("/api/v1/callbacks?agentId=%1").arg(centre.agent1Id), centre.agent2);
    CHECK(spying.status == 403);
    CHECK(spying.errorField() == QStringLiteral("agentId"));
    CHECK(hub.get(QStringLiteral("/api/v1/callbacks?agentId=%1").arg(centre.agent1Id), centre.supervisor).status == 200);

    const auto one = hub.get(QStringLiteral("/api/v1/callbacks/%1").arg(tomorrow), centre.agent1);
    REQUIRE(one.status == 200);
    CHECK(one.json == centre.latest(QStringLiteral("callback"), tomorrow));
    CHECK(one.json.value(QStringLiteral("phone")).toString() == QStringLiteral("+390212345678"));
    CHECK(hub.get(QStringLiteral("/api/v1/callbacks/999999"), centre.agent1).status == 404);

    for (const auto& [query, field] : { std::pair { "status=later", "status" }, std::pair { "dueBefore=soon", "dueBefore" },
             std::pair { "agentId=-3", "agentId" }, std::pair { "offset=-1", "offset" } }) {
        const auto bad = hub.get(QStringLiteral("/api/v1/callbacks?") + QLatin1String(query), centre.supervisor);
        INFO(query);
        CHECK(bad.status == 400);
        CHECK(bad.errorField() == QLatin1String(field));
    }
}

TEST_CASE("An interaction is read with its messages, social activity and knowledge articles are listed", "[hub][reads]")
{
    DemoHub demo;
    HubProcess& hub = demo.hub;

    // The interaction with the most messages, all of them in order.
    const qint64 interactionId
        = demo.scalar(QStringLiteral("SELECT interaction_id FROM messages GROUP BY interaction_id ORDER BY count(*) DESC LIMIT 1"));
    const auto interaction = hub.get(QStringLiteral("/api/v1/interactions/%1").arg(interactionId), demo.agent);
    REQUIRE(interaction.status == 200);
    CHECK(interaction.json.value(QStringLiteral("id")).toInteger() == interactionId);
    CHECK(interaction.json.value(QStringLiteral("queueName")).isString());
    const QJsonArray messages = interaction.json.value(QStringLiteral("messages")).toArray();
    CHECK(messages.size() == demo.scalar(QStringLiteral("SELECT count(*) FROM messages WHERE interaction_id = %1").arg(interactionId)));
    REQUIRE(messages.size() > 1);
    for (qsizetype i = 1; i < messages.size(); ++i)
        CHECK(messages.at(i).toObject().value(QStringLiteral("sentAt")).toInteger()
            >= messages.at(i - 1).toObject().value(QStringLiteral("sentAt")).toInteger());
    CHECK(hub.get(QStringLiteral("/api/v1/interactions/99999999"), demo.agent).status == 404);

    // Social activity of the most active customer, newest first; by kind and network.
    const qint64 social = demo.scalar(QStringLiteral(
        "SELECT customer_id FROM social_activity WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"));
    const auto activity = hub.get(QStringLiteral("/api/v1/social?customerId=%1&limit=200").arg(social), demo.agent);
    REQUIRE(activity.status == 200);
    const QJsonArray posts = activity.json.value(QStringLiteral("socialActivity")).toArray();
    CHECK(posts.size() == demo.scalar(QStringLiteral("SELECT count(*) FROM social_activity WHERE customer_id = %1").arg(social)));
    REQUIRE_FALSE(posts.isEmpty());
    for (qsizetype i = 1; i < posts.size(); ++i)
        CHECK(posts.at(i).toObject().value(QStringLiteral("postedAt")).toInteger()
            <= posts.at(i - 1).toObject().value(QStringLiteral("postedAt")).toInteger());
    const QJsonObject post = posts.at(0).toObject();
    const QString kind = post.value(QStringLiteral("kind")).toString();
    const QString network = post.value(QStringLiteral("network")).toString();
    const auto filtered = hub.get(QStringLiteral("/api/v1/social?kind=%1&network=%2").arg(kind, network), demo.agent);
    REQUIRE(filtered.status == 200);
    CHECK(filtered.json.value(QStringLiteral("total")).toInteger()
        == demo.scalar(QStringLiteral("SELECT count(*) FROM social_activity WHERE kind = '%1' AND network = '%2'").arg(kind, network)));
    CHECK(hub.get(QStringLiteral("/api/v1/social?kind=shout"), demo.agent).errorField() == QStringLiteral("kind"));

    // Knowledge: a word of an article's title finds it; search syntax is only text.
    const qint64 articleId = demo.scalar(QStringLiteral("SELECT min(id) FROM knowledge_articles"));
    const auto article = hub.get(QStringLiteral("/api/v1/knowledge/%1").arg(articleId), demo.agent);
    REQUIRE(article.status == 200);
    const QString title = article.json.value(QStringLiteral("title")).toString();
    QString word;
    for (const QString& candidate : title.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (candidate.size() > word.size())
            word = candidate;
    }
    word.remove(QRegularExpression(QStringLiteral("[^\\w]")));
    REQUIRE(word.size() >= 3);
    const auto found = hub.get(QStringLiteral("/api/v1/knowledge?q=%1&limit=200").arg(QString::fromLatin1(QUrl::toPercentEncoding(word))),
        demo.agent);
    REQUIRE(found.status == 200);
    CHECK(ids(found, QStringLiteral("articles")).contains(articleId));
    const QString language = article.json.value(QStringLiteral("language")).toString();
    const auto inLanguage = hub.get(QStringLiteral("/api/v1/knowledge?language=%1&limit=200").arg(language), demo.agent);
    CHECK(inLanguage.json.value(QStringLiteral("total")).toInteger()
        == demo.scalar(QStringLiteral("SELECT count(*) FROM knowledge_articles WHERE language = '%1'").arg(language)));
    const auto syntax = hub.get(QStringLiteral("/api/v1/knowledge?q=%1")
                                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("\"AND OR * ( NEAR")))),
        demo.agent);
    CHECK(syntax.status == 200);
    CHECK(hub.get(QStringLiteral("/api/v1/knowledge/99999999"), demo.agent).status == 404);
    CHECK(hub.get(QStringLiteral("/api/v1/knowledge?q=") + QString(201, QLatin1Char('x')), demo.agent).errorField()
        == QStringLiteral("q"));
}

TEST_CASE("An agent reads their own profile and their due callbacks, supervisors read anyone's", "[hub][reads]")
{
    DemoHub demo;
    HubProcess& hub = demo.hub;
    const qint64 me = hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})")
                          .json.value(QStringLiteral("agentId"))
                          .toInteger();
    const auto profile = hub.get(QStringLiteral("/api/v1/agents/%1").arg(me), demo.agent);
    REQUIRE(profile.status == 200);
    CHECK(profile.json.value(QStringLiteral("id")).toInteger() == me);
    for (const char* field : { "siteId", "team", "skills", "role", "state", "languages" })
        CHECK(profile.json.contains(QLatin1String(field)));
    const qint64 other = demo.scalar(QStringLiteral("SELECT min(id) FROM agents WHERE id <> %1").arg(me));
    CHECK(hub.get(QStringLiteral("/api/v1/agents/%1").arg(other), demo.agent).status == 403);
    CHECK(hub.get(QStringLiteral("/api/v1/agents/%1").arg(other), demo.supervisor).status == 200);
    CHECK(hub.get(QStringLiteral("/api/v1/agents/99999999"), demo.supervisor).status == 404);

    // The callbacks due for the demo agent with the most of them.
    const qint64 busy = demo.scalar(QStringLiteral(
        "SELECT agent_id FROM callbacks WHERE status = 'scheduled' AND agent_id IS NOT NULL GROUP BY agent_id ORDER BY count(*) DESC LIMIT 1"));
    REQUIRE(busy > 0);
    const qint64 dueBy = demo.scalar(QStringLiteral("SELECT max(due_at) FROM callbacks"));
    const auto due = hub.get(
        QStringLiteral("/api/v1/callbacks?agentId=%1&status=scheduled&dueBefore=%2&limit=200").arg(busy).arg(dueBy),
        demo.supervisor);
    REQUIRE(due.status == 200);
    const QJsonArray callbacks = due.json.value(QStringLiteral("callbacks")).toArray();
    CHECK(callbacks.size()
        == demo.scalar(QStringLiteral("SELECT count(*) FROM callbacks WHERE agent_id = %1 AND status = 'scheduled'").arg(busy)));
    REQUIRE_FALSE(callbacks.isEmpty());
    for (qsizetype i = 1; i < callbacks.size(); ++i)
        CHECK(callbacks.at(i).toObject().value(QStringLiteral("dueAt")).toInteger()
            >= callbacks.at(i - 1).toObject().value(QStringLiteral("dueAt")).toInteger());
}

TEST_CASE("Every route but login answers 401 without a token", "[hub][reads]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    int checked = 0;
    for (const HubRoutes::Route& route : HubRoutes::all()) {
        if (!route.needsToken)
            continue;
        QString path = route.path;
        path.replace(QStringLiteral("{id}"), QStringLiteral("1"));
        const auto answer = hub.send(HubRoutes::methodName(route.method).toLatin1(), path, {});
        INFO(HubRoutes::methodName(route.method).toStdString() << ' ' << path.toStdString());
        CHECK(answer.status == 401);
        CHECK(answer.errorCode() == QStringLiteral("unauthorized"));
        ++checked;
    }
    CHECK(checked == HubRoutes::all().size() - 1);
}
