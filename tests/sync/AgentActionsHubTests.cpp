// Every agent action against the real hub, through the sync engine as the
// desk runs it: the effect shows locally at once, the command lands on the
// hub exactly once (the hub's idempotency records count them), in order,
// including the actions made while the hub was down; a command the hub
// refuses comes back with its reason. Every wait is on a condition.
#include "CentreFixture.h"
#include "TestSupport.h"
#include "store/Store.h"
#include "sync/MemoryTokenStore.h"
#include "sync/Outbox.h"
#include "sync/SyncEngine.h"
#include "workspace/AgentActions.h"
#include "workspace/LocalEffects.h"

#include <QTest>
#include <catch2/catch.hpp>

namespace {

constexpr int kTimeoutMs = 30000;

bool waitFor(const std::function<bool()>& condition, int timeoutMs = kTimeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

// The desk: the sync engine with its own connection, and the actions on the
// connection the window would read, both on the same file.
struct Desk
{
    explicit Desk(CentreFixture& centre)
        : dir()
        , path(dir.file(QStringLiteral("desk.db")))
    {
        SyncEngineOptions options;
        options.baseUrl = centre.hub().url(QString());
        options.login = QStringLiteral("agent1");
        options.password = QStringLiteral("agent1");
        options.storePath = path;
        options.historyDays = 0;
        options.backoffMinMs = 50;
        options.backoffMaxMs = 500;
        options.http.connectTimeoutMs = 2000;
        options.http.streamIdleTimeoutMs = 5000;
        options.outboxEffects = std::make_shared<LocalEffects>();
        engine = std::make_unique<SyncEngine>(options, tokens);
        QObject::connect(
            engine.get(), &SyncEngine::signedIn, [this](const QString&, qint64 id) { agentId = id; });
        QObject::connect(engine.get(), &SyncEngine::statusChanged,
            [this](const SyncStatusSnapshot& snapshot) { status = snapshot; });
        engine->start();
        store = std::make_unique<Store>(path);
        actions = std::make_unique<AgentActions>(*store);
        QObject::connect(actions.get(), &AgentActions::commandQueued, engine->outbox(), &Outbox::deliver);
        QObject::connect(
            engine->outbox(), &Outbox::rejected, [this](qint64, const QString& why) { rejections << why; });
    }

    bool online() const { return status.state == SyncStatusSnapshot::State::Online; }
    QString text(const QString& sql)
    {
        Statement st(store->db().handle(), sql.toUtf8().constData());
        return st.step() ? st.text(0) : QString();
    }
    qint64 pending() { return store->db().scalar("SELECT count(*) FROM outbox WHERE state = 'pending'"); }

    TestSupport::TempDir dir;
    QString path;
    MemoryTokenStore tokens;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<Store> store;
    std::unique_ptr<AgentActions> actions;
    SyncStatusSnapshot status;
    qint64 agentId = 0;
    QStringList rejections;
};

// Straight from the hub's database (WAL: reading beside the running hub is safe).
qint64 hubCount(CentreFixture& centre, const QString& sql)
{
    Database hub(centre.databasePath(), Database::Mode::ReadWrite);
    return hub.scalar(sql.toUtf8().constData());
}

QString hubText(CentreFixture& centre, const QString& sql)
{
    Database hub(centre.databasePath(), Database::Mode::ReadWrite);
    Statement st(hub.handle(), sql.toUtf8().constData());
    return st.step() ? st.text(0) : QString();
}

} // namespace

TEST_CASE(
    "Every agent action lands on the hub exactly once, also those made while it was down", "[actions][sync]")
{
    CentreFixture centre;
    Desk desk(centre);
    REQUIRE(waitFor([&] { return desk.online() && desk.agentId > 0; }));
    REQUIRE(desk.agentId == centre.agent1Id);
    desk.actions->setAgent(desk.agentId);
    const qint64 me = desk.agentId;
    const qint64 customer = centre.customerId();
    int commands = 0;
    const auto act = [&](const AgentActions::Result& result) {
        INFO(result.error.toStdString());
        REQUIRE(result);
        ++commands;
        return result;
    };

    // Ready: shown at once, then on the hub, whose router offers the waiting chat.
    act(desk.actions->setState(AgentState::Ready));
    CHECK(desk.text(QStringLiteral("SELECT state FROM agents WHERE id = %1").arg(me))
        == QStringLiteral("ready"));
    REQUIRE(waitFor([&] {
        return centre.agent(me).value(QStringLiteral("state")).toString() == QStringLiteral("ready");
    }));
    const qint64 chat
        = centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
            { QStringLiteral("queueId"), CentreFixture::kBillingChat },
            { QStringLiteral("customerId"), customer } });
    REQUIRE(waitFor([&] {
        return desk.text(
                   QStringLiteral("SELECT status || agent_id FROM interactions WHERE id = %1").arg(chat))
            == QStringLiteral("offered%1").arg(me);
    }));

    act(desk.actions->acceptOffer(chat));
    CHECK(desk.text(QStringLiteral("SELECT status FROM interactions WHERE id = %1").arg(chat))
        == QStringLiteral("active"));
    act(desk.actions->reply(chat, QStringLiteral("Buongiorno, la aiuto subito")));
    act(desk.actions->addNote(chat, QStringLiteral("Second invoice this month")));
    act(desk.actions->hold(chat));
    act(desk.actions->resume(chat));
    REQUIRE(waitFor([&] { return desk.pending() == 0; }));
    CHECK(centre.interaction(chat).value(QStringLiteral("status")).toString() == QStringLiteral("active"));
    // The backend's copies replaced the ones made here.
    REQUIRE(
        waitFor([&] { return desk.store->db().scalar("SELECT count(*) FROM messages WHERE id < 0") == 0; }));
    CHECK(desk.store->db().scalar("SELECT count(*) FROM messages WHERE body = 'Buongiorno, la aiuto subito'")
        == 1);

    // The hub goes away; the agent goes on working.
    centre.stopHub();
    REQUIRE(waitFor([&] { return !desk.online(); }));
    act(desk.actions->end(chat));
    act(desk.actions->setDisposition(chat, QStringLiteral("resolved"), QStringLiteral("billing question")));
    act(desk.actions->finishWrapUp(chat));
    act(desk.actions->setState(AgentState::NotReady, QStringLiteral("break")));
    const qint64 ticket
        = act(desk.actions->createTicket({ customer, QStringLiteral("Duplicate invoice"),
                  QStringLiteral("Charged twice in March"), QStringLiteral("normal"), {}, chat }))
              .id;
    AgentActions::TicketChange change;
    change.priority = QStringLiteral("high");
    change.assign = true;
    change.assigneeId = me;
    act(desk.actions->updateTicket(ticket, change));
    act(desk.actions->scheduleCallback(
        { customer, QStringLiteral("+39 02 1234 5678"), QDateTime::currentSecsSinceEpoch() + 7200,
            CentreFixture::kBillingVoice, QStringLiteral("Call back after the refund") }));
    act(desk.actions->linkIdentity(customer, IdentityKind::Email, QStringLiteral("Giulia.Work@Example.com")));
    act(desk.actions->mergeCustomers(customer, centre.otherCustomerId()));
    act(desk.actions->undoMerge(centre.otherCustomerId()));
    // All of it shows on the desk already.
    CHECK(desk.text(QStringLiteral("SELECT status FROM interactions WHERE id = %1").arg(chat))
        == QStringLiteral("ended"));
    CHECK(desk.text(QStringLiteral("SELECT state || '/' || state_reason FROM agents WHERE id = %1").arg(me))
        == QStringLiteral("not_ready/break"));
    CHECK(desk.text(QStringLiteral("SELECT priority FROM tickets WHERE id = %1").arg(ticket))
        == QStringLiteral("high"));
    CHECK(desk.pending() == commands - 6);

    centre.startHub();
    desk.engine->setBaseUrl(centre.hub().url(QString()));
    desk.engine->reconnectNow();
    REQUIRE(waitFor([&] { return desk.online() && desk.pending() == 0; }));
    INFO(desk.rejections.join(QLatin1Char('\n')).toStdString());
    CHECK(desk.rejections.isEmpty());

    // Each command once: one idempotency record per command, none replayed twice.
    CHECK(hubCount(centre, QStringLiteral("SELECT count(*) FROM idempotency WHERE login = 'agent1'"))
        == commands);
    CHECK(hubCount(centre,
              QStringLiteral("SELECT count(*) FROM messages WHERE body = 'Buongiorno, la aiuto subito'"))
        == 1);
    CHECK(hubCount(centre,
              QStringLiteral("SELECT count(*) FROM messages WHERE body = 'Second invoice this month' "
                             "AND kind = 'note'"))
        == 1);
    CHECK(hubText(centre,
              QStringLiteral("SELECT status || '/' || disposition FROM interactions WHERE id = %1").arg(chat))
        == QStringLiteral("ended/resolved"));
    CHECK(hubText(
              centre, QStringLiteral("SELECT state || '/' || state_reason FROM agents WHERE id = %1").arg(me))
        == QStringLiteral("not_ready/break"));
    // The update queued behind the creation reached the ticket the hub made.
    CHECK(hubText(centre,
              QStringLiteral("SELECT count(*) || '/' || priority || '/' || assignee_id FROM tickets "
                             "WHERE subject = 'Duplicate invoice'"))
        == QStringLiteral("1/high/%1").arg(me));
    CHECK(hubCount(centre,
              QStringLiteral("SELECT count(*) FROM callbacks WHERE note = 'Call back after the refund'"))
        == 1);
    CHECK(hubCount(centre,
              QStringLiteral("SELECT count(*) FROM identities WHERE value = 'giulia.work@example.com' "
                             "AND customer_id = %1")
                  .arg(customer))
        == 1);
    CHECK(hubCount(centre, QStringLiteral("SELECT count(*) FROM customer_merges WHERE undone_at IS NOT NULL"))
        == 1);
    CHECK(hubCount(centre, QStringLiteral("SELECT count(*) FROM customers")) == 2);

    // The desk converges: the hub's ids, nothing temporary left, nothing twice.
    REQUIRE(waitFor([&] {
        return desk.store->db().scalar(
                   "SELECT count(*) FROM tickets WHERE subject = 'Duplicate invoice' AND id > 0")
            == 1;
    }));
    REQUIRE(waitFor([&] {
        return desk.store->db().scalar(
                   "SELECT (SELECT count(*) FROM tickets WHERE id < 0) + (SELECT count(*) FROM "
                   "callbacks WHERE id < 0) + (SELECT count(*) FROM identities WHERE id < 0) + "
                   "(SELECT count(*) FROM messages WHERE id < 0)")
            == 0;
    }));
    CHECK(desk.store->db().scalar("SELECT count(*) FROM callbacks WHERE note = 'Call back after the refund'")
        == 1);
    CHECK(desk.store->customer(centre.otherCustomerId()).has_value());
    CHECK(desk.store->interactionCount(centre.otherCustomerId()) == 1);
}

TEST_CASE("A command the hub refuses comes back with its reason, discarding it keeps the hub's state",
    "[actions][sync]")
{
    CentreFixture centre;
    Desk desk(centre);
    REQUIRE(waitFor([&] { return desk.online() && desk.agentId > 0; }));
    desk.actions->setAgent(desk.agentId);
    REQUIRE(desk.actions->setState(AgentState::Ready));
    const qint64 chat
        = centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
            { QStringLiteral("queueId"), CentreFixture::kBillingChat },
            { QStringLiteral("customerId"), centre.customerId() } });
    REQUIRE(waitFor([&] {
        return desk.text(QStringLiteral("SELECT status FROM interactions WHERE id = %1").arg(chat))
            == QStringLiteral("offered");
    }));
    REQUIRE(desk.actions->acceptOffer(chat));
    REQUIRE(waitFor([&] { return desk.pending() == 0; }));

    // The desk is cut off while a supervisor ends the chat on the hub; the agent, not knowing, puts it on
    // hold.
    desk.engine->stop();
    const auto ended
        = centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(chat), centre.supervisor);
    REQUIRE(ended.status == 200);
    REQUIRE(desk.actions->hold(chat));
    desk.engine->start();
    REQUIRE(waitFor([&] { return !desk.rejections.isEmpty(); }));
    CHECK(desk.rejections.first().contains(QString::number(chat)));
    CHECK(desk.rejections.first().contains(QStringLiteral("wrap_up")));
    QList<OutboxEntry> entries = desk.engine->outbox()->entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries.at(0).rejected);
    CHECK(entries.at(0).command == QStringLiteral("interaction.hold"));

    desk.engine->outbox()->discard(entries.at(0).id);
    CHECK(desk.engine->outbox()->entries().isEmpty());
    CHECK(desk.text(QStringLiteral("SELECT status FROM interactions WHERE id = %1").arg(chat))
        == QStringLiteral("wrap_up"));
}
