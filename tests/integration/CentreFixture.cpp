#include "CentreFixture.h"

#include "store/Store.h"

#include <QJsonDocument>
#include <catch2/catch.hpp>

CentreFixture::CentreFixture(const QStringList& hubArguments)
{
    const QString path = m_dir.file(QStringLiteral("hub.sqlite"));
    {
        Store store(path);
        Database& db = store.db();
        db.exec("INSERT INTO sites(id, code, name, city) VALUES (1, 'MI', 'Milano', 'Milano'), "
                "(2, 'NA', 'Napoli', 'Napoli')");
        db.exec("INSERT INTO queues(id, name, skill, channel, language, site_id, service_level_pct, "
                "service_level_seconds) VALUES (1, 'IT Voice Billing', 'billing', 'voice', 'it', 1, 80, 20), "
                "(2, 'IT Chat Billing', 'billing', 'chat', 'it', 1, 90, 60), "
                "(3, 'IT Voice Sales', 'sales', 'voice', 'it', 2, 80, 20)");
        db.exec("INSERT INTO agents(login, display_name, site_id, team, role, skills, languages, state, state_since) "
                "VALUES ('agent1', 'Anna Uno', 1, 'Milano 1', 'agent', 'billing', 'it,en', 'logged_out', 1000), "
                "('agent2', 'Bruno Due', 2, 'Napoli 1', 'agent', 'billing,sales', 'it', 'logged_out', 1000), "
                "('agent3', 'Carla Tre', 1, 'Milano 1', 'agent', 'sales', 'it', 'ready', 1000)");
        Customer customer;
        customer.firstName = QStringLiteral("Giulia");
        customer.lastName = QStringLiteral("Bianchi");
        customer.language = QStringLiteral("it");
        m_customerId = store.addCustomer(customer);
        store.addIdentity(m_customerId, IdentityKind::Phone, QStringLiteral("+39 02 1234 5678"), QStringLiteral("pbx"));
        store.addIdentity(m_customerId, IdentityKind::Email, QStringLiteral("giulia@example.com"), QStringLiteral("crm"));
        Customer other;
        other.firstName = QStringLiteral("Giulia");
        other.lastName = QStringLiteral("Bianchi (duplicate)");
        other.company = QStringLiteral("Bianchi Srl");
        m_otherCustomerId = store.addCustomer(other);
        store.addIdentity(m_otherCustomerId, IdentityKind::Email, QStringLiteral("g.bianchi@bianchi.example"),
            QStringLiteral("webchat"));
        Interaction old;
        old.customerId = m_otherCustomerId;
        old.channel = Channel::Email;
        old.offeredAt = 1700000000;
        old.subject = QStringLiteral("Old question");
        store.addInteraction(old);
    }
    m_hubArguments = QStringList { QStringLiteral("--heartbeat-ms"), QStringLiteral("100") } + hubArguments;
    startHub();
    auto login = [this](const char* user, qint64* agentId) {
        const auto response = m_hub->post(QStringLiteral("/api/v1/login"),
            QJsonDocument(QJsonObject { { QStringLiteral("login"), QLatin1String(user) },
                              { QStringLiteral("password"), QLatin1String(user) } })
                .toJson());
        REQUIRE(response.status == 200);
        if (agentId)
            *agentId = response.json.value(QStringLiteral("agentId")).toInteger();
        return response.json.value(QStringLiteral("token")).toString();
    };
    agent1 = login("agent1", &agent1Id);
    agent2 = login("agent2", &agent2Id);
    supervisor = login("supervisor", nullptr);
    REQUIRE(agent1Id > 0);
    REQUIRE(agent2Id > 0);
}

void CentreFixture::stopHub() { m_hub.reset(); }

void CentreFixture::startHub() { m_hub = std::make_unique<HubProcess>(databasePath(), m_hubArguments); }

std::unique_ptr<SseClient> CentreFixture::events(const QString& token)
{
    auto stream = std::make_unique<SseClient>(m_hub->network(), m_hub->url(QStringLiteral("/api/v1/events")), token);
    REQUIRE(SseClient::waitFor([&] { return stream->pings() > 0; }));
    return stream;
}

HubProcess::Response CentreFixture::command(const QString& path, const QString& token, const QJsonObject& body)
{
    return m_hub->command(path, body, token);
}

void CentreFixture::setState(qint64 agentId, const QString& state, const QString& token)
{
    const auto response = command(QStringLiteral("/api/v1/agents/%1/state").arg(agentId), token,
        QJsonObject { { QStringLiteral("state"), state } });
    INFO(response.body.toStdString());
    REQUIRE(response.status == 200);
}

qint64 CentreFixture::createInteraction(const QJsonObject& body)
{
    const auto response = command(QStringLiteral("/api/v1/interactions"), supervisor, body);
    INFO(response.body.toStdString());
    REQUIRE(response.status == 201);
    return response.json.value(QStringLiteral("id")).toInteger();
}

QJsonObject CentreFixture::interaction(qint64 id)
{
    const auto response = m_hub->get(QStringLiteral("/api/v1/interactions/%1").arg(id), supervisor);
    REQUIRE(response.status == 200);
    return response.json;
}

QJsonObject CentreFixture::latest(const QString& entity, qint64 id)
{
    // The newest change of the entity wins.
    QJsonObject latest;
    qint64 since = 0;
    for (;;) {
        const auto page = m_hub->get(QStringLiteral("/api/v1/changes?since=%1&limit=5000").arg(since), supervisor);
        REQUIRE(page.status == 200);
        for (const QJsonValue& value : page.json.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject change = value.toObject();
            if (change.value(QStringLiteral("entity")).toString() == entity
                && change.value(QStringLiteral("id")).toInteger() == id)
                latest = change.value(QStringLiteral("data")).toObject();
        }
        if (!page.json.value(QStringLiteral("more")).toBool())
            break;
        since = page.json.value(QStringLiteral("next")).toInteger();
    }
    return latest;
}

QJsonObject CentreFixture::agent(qint64 id)
{
    const auto board = m_hub->get(QStringLiteral("/api/v1/agents"), supervisor);
    REQUIRE(board.status == 200);
    for (const QJsonValue& value : board.json.value(QStringLiteral("agents")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toInteger() == id)
            return value.toObject();
    }
    return {};
}

bool CentreFixture::waitForOffer(SseClient& stream, qint64 interactionId, int timeoutMs)
{
    return SseClient::waitFor(
        [&] {
            for (const SseClient::Event& event : stream.events()) {
                if (event.type == "offer"
                    && event.json().value(QStringLiteral("interactionId")).toInteger() == interactionId)
                    return true;
            }
            return false;
        },
        timeoutMs);
}
