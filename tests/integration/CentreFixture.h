#pragma once

#include "HubProcess.h"
#include "SseClient.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <memory>

// A small contact centre for routing tests, written before the hub starts:
// two sites, billing and sales queues (voice 20 s / chat 60 s targets), the
// agents agent1 (billing; it, en; team Milano 1), agent2 (billing, sales; it;
// team Napoli 1) and agent3 (sales only, ready for a long time, no login;
// team Milano 1), one customer. The default
// users sign in as agent1 and agent2. Helpers log in, make agents ready and
// read state back over the API.
class CentreFixture
{
public:
    explicit CentreFixture(const QStringList& hubArguments = {});

    HubProcess& hub() { return *m_hub; }
    // The hub's database, for checks straight in SQLite.
    QString databasePath() const { return m_dir.file(QStringLiteral("hub.sqlite")); }
    // Stops the hub (an outage) and starts it again on the same database; it listens on a new port.
    void stopHub();
    void startHub();
    qint64 customerId() const { return m_customerId; }
    qint64 otherCustomerId() const { return m_otherCustomerId; }
    static constexpr qint64 kBillingVoice = 1;
    static constexpr qint64 kBillingChat = 2;
    static constexpr qint64 kSalesVoice = 3;

    QString agent1;
    QString agent2;
    QString supervisor;
    qint64 agent1Id = 0;
    qint64 agent2Id = 0;

    // A live event stream, connected (its first heartbeat arrived).
    std::unique_ptr<SseClient> events(const QString& token);
    void setState(qint64 agentId, const QString& state, const QString& token);
    // POST /api/v1/interactions as the supervisor; returns the new id.
    qint64 createInteraction(const QJsonObject& body);
    // GET /api/v1/interactions/{id} as the supervisor: the row with its messages.
    QJsonObject interaction(qint64 id);
    // The newest state of any entity of the change feed ({} if it never appeared).
    QJsonObject latest(const QString& entity, qint64 id);
    QJsonObject agent(qint64 id);
    // Waits for an `offer` event of this interaction on the stream.
    static bool waitForOffer(SseClient& stream, qint64 interactionId, int timeoutMs = 10000);
    HubProcess::Response command(const QString& path, const QString& token, const QJsonObject& body = {});

private:
    TestSupport::TempDir m_dir;
    QStringList m_hubArguments;
    std::unique_ptr<HubProcess> m_hub;
    qint64 m_customerId = 0;
    qint64 m_otherCustomerId = 0;
};
