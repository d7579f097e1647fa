// AgentActions and LocalEffects on a store alone: each action's local effect
// and its outbox command are written together or not at all, refusals say
// why and write nothing, and the outbox's answers (acknowledged, discarded)
// settle the effect. The same actions against the real hub are in
// tests/sync/AgentActionsHubTests.cpp.
#include "TestSupport.h"
#include "store/Store.h"
#include "sync/HttpTransport.h"
#include "sync/Outbox.h"
#include "workspace/AgentActions.h"
#include "workspace/LocalEffects.h"
#include "workspace/LocalMerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace {

constexpr qint64 kMe = 7;
constexpr qint64 kColleague = 8;
constexpr qint64 kQueue = 1;

struct Desk
{
    Desk()
    {
        Database& db = store.db();
        db.exec("INSERT INTO queues(id, name, skill, channel) VALUES (1, 'IT Chat', 'billing', 'chat')");
        db.exec("INSERT INTO agents(id, login, display_name, state) VALUES (7, 'anna', 'Anna Uno', 'ready'), "
                "(8, 'bruno', 'Bruno Due', 'ready')");
        Customer c;
        c.firstName = QStringLiteral("Giulia");
        c.lastName = QStringLiteral("Bianchi");
        c.country = QStringLiteral("IT");
        customer = store.addCustomer(c);
        store.addIdentity(
            customer, IdentityKind::Email, QStringLiteral("giulia@example.com"), QStringLiteral("crm"));
        c.firstName = QStringLiteral("Giulia B.");
        other = store.addCustomer(c);
        Interaction old;
        old.customerId = other;
        old.channel = Channel::Email;
        old.offeredAt = 1700000000;
        oldInteraction = store.addInteraction(old);
        db.cached("INSERT INTO interactions(id, customer_id, channel, direction, status, queue_id, agent_id, "
                  "offered_at, "
                  "version) VALUES (100, ?, 'chat', 'inbound', 'offered', 1, 7, 1700000000, 3)")
            .bind(1, customer)
            .run();
        actions.setAgent(kMe);
    }

    QString scalarText(const char* sql)
    {
        Statement st(store.db().handle(), sql);
        return st.step() ? st.text(0) : QString();
    }
    qint64 count(const char* sql) { return store.db().scalar(sql); }
    QList<OutboxEntry> entries() { return outbox.entries(); }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("desk.db")) };
    AgentActions actions { store };
    LocalEffects effects;
    // No base URL: nothing is ever sent; the tests play the backend's part.
    HttpTransport transport { HttpTransportOptions() };
    Outbox outbox { store.db(), transport, &effects };
    qint64 customer = 0;
    qint64 other = 0;
    qint64 oldInteraction = 0;
};

QByteArray changeRecord(const char* entity, qint64 id)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("seq"), 99 }, { QStringLiteral("entity"), QLatin1String(entity) },
            { QStringLiteral("id"), id }, { QStringLiteral("op"), QStringLiteral("upsert") } })
        .toJson(QJsonDocument::Compact);
}

void reject(Store& store, qint64 outboxId)
{
    store.db()
        .cached("UPDATE outbox SET state = 'rejected', last_error = 'HTTP 409: no' WHERE id = ?")
        .bind(1, outboxId)
        .run();
}

} // namespace

TEST_CASE("An agent action writes its local effect and its outbox command together", "[actions]")
{
    Desk desk;
    QList<QList<qint64>> changed;
    QObject::connect(&desk.actions, &AgentActions::storeChanged,
        [&](const QList<qint64>&, const QList<qint64>& interactions) { changed << interactions; });
    int queued = 0;
    QObject::connect(&desk.actions, &AgentActions::commandQueued, [&] { ++queued; });

    const AgentActions::Result accepted = desk.actions.acceptOffer(100);
    INFO(accepted.error.toStdString());
    REQUIRE(accepted);
    CHECK(desk.scalarText("SELECT status FROM interactions WHERE id = 100") == QStringLiteral("active"));
    CHECK(desk.scalarText("SELECT state || '/' || state_reason FROM agents WHERE id = 7")
        == QStringLiteral("busy/chat"));
    REQUIRE(desk.entries().size() == 1);
    const OutboxEntry entry = desk.entries().at(0);
    CHECK(entry.idempotencyKey == accepted.key);
    CHECK(entry.entityKind == QStringLiteral("interaction"));
    CHECK(entry.entityId == QStringLiteral("100"));
    CHECK(entry.path == QStringLiteral("/api/v1/offers/100/accept"));
    CHECK(entry.method == "POST");
    CHECK(queued == 1);
    CHECK(changed == QList<QList<qint64>> { { 100 } });

    const AgentActions::Result note
        = desk.actions.addNote(100, QStringLiteral("  Customer calls about invoice 42  "));
    REQUIRE(note);
    CHECK(note.id < 0);
    CHECK(desk.scalarText("SELECT body || '/' || kind || '/' || author_name FROM messages WHERE id < 0")
        == QStringLiteral("Customer calls about invoice 42/note/Anna Uno"));
    CHECK(desk.entries().at(1).body == QByteArray(R"({"text":"Customer calls about invoice 42"})"));
}

TEST_CASE("A refused action says why and writes nothing", "[actions]")
{
    Desk desk;
    // Offered to this agent: no state change may strand it.
    AgentActions::Result result = desk.actions.setState(AgentState::NotReady, QStringLiteral("break"));
    CHECK_FALSE(result);
    CHECK(result.error.contains(QStringLiteral("accept or decline")));

    AgentActions other(desk.store);
    other.setAgent(kColleague);
    result = other.acceptOffer(100);
    CHECK_FALSE(result);
    CHECK(result.error.contains(QStringLiteral("not yours")));

    result = desk.actions.reply(desk.oldInteraction, QStringLiteral("hello"));
    CHECK_FALSE(result);
    CHECK_FALSE(desk.actions.finishWrapUp(100));
    CHECK_FALSE(desk.actions.scheduleCallback({ desk.customer, QStringLiteral("not a number"), 1, {}, {} }));
    CHECK_FALSE(
        desk.actions.linkIdentity(desk.other, IdentityKind::Email, QStringLiteral("GIULIA@example.com")));
    CHECK_FALSE(desk.actions.mergeCustomers(desk.customer, desk.customer));
    AgentActions nobody(desk.store);
    result = nobody.setState(AgentState::Ready);
    CHECK_FALSE(result);
    CHECK(result.error.contains(QStringLiteral("signed in")));

    CHECK(desk.count("SELECT count(*) FROM outbox") == 0);
    CHECK(desk.scalarText("SELECT status FROM interactions WHERE id = 100") == QStringLiteral("offered"));
    CHECK(desk.scalarText("SELECT state FROM agents WHERE id = 7") == QStringLiteral("ready"));
}

TEST_CASE("Discarding a refused command undoes its effect unless the backend has moved on", "[actions]")
{
    Desk desk;
    REQUIRE(desk.actions.acceptOffer(100));
    reject(desk.store, desk.entries().at(0).id);
    desk.outbox.discard(desk.entries().at(0).id);
    CHECK(desk.entries().isEmpty());
    CHECK(desk.scalarText("SELECT status FROM interactions WHERE id = 100") == QStringLiteral("offered"));
    CHECK(desk.scalarText("SELECT state || coalesce(state_reason, '-') FROM agents WHERE id = 7")
        == QStringLiteral("ready-"));

    // The backend wrote a newer version since (the feed): its state stays.
    REQUIRE(desk.actions.acceptOffer(100));
    desk.store.db().exec("UPDATE interactions SET status = 'wrap_up', version = version + 1 WHERE id = 100");
    reject(desk.store, desk.entries().at(0).id);
    desk.outbox.discard(desk.entries().at(0).id);
    CHECK(desk.scalarText("SELECT status FROM interactions WHERE id = 100") == QStringLiteral("wrap_up"));

    // A pending command is never discarded: it may be on the wire.
    REQUIRE(desk.actions.setDisposition(100, QStringLiteral("resolved"), QStringLiteral("billing")));
    desk.outbox.discard(desk.entries().at(0).id);
    CHECK(desk.entries().size() == 1);
}

TEST_CASE("A row made here takes the backend's id and the commands queued for it follow", "[actions]")
{
    Desk desk;
    const AgentActions::Result created = desk.actions.createTicket({ desk.customer, QStringLiteral("Refund"),
        QStringLiteral("Twice charged"), QStringLiteral("normal"), {}, 100 });
    REQUIRE(created);
    CHECK(created.id == -1);
    AgentActions::TicketChange change;
    change.priority = QStringLiteral("high");
    REQUIRE(desk.actions.updateTicket(created.id, change));
    CHECK(desk.scalarText("SELECT priority FROM tickets WHERE id = -1") == QStringLiteral("high"));
    QList<OutboxEntry> entries = desk.entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(1).path == QStringLiteral("/api/v1/tickets/-1"));
    CHECK(entries.at(1).method == "PATCH");

    // The backend answers the creation with ticket 812.
    desk.effects.delivered(desk.store.db(), entries.at(0), changeRecord("ticket", 812));
    CHECK(desk.count("SELECT count(*) FROM tickets WHERE id = -1") == 0);
    CHECK(desk.scalarText("SELECT subject || '/' || priority FROM tickets WHERE id = 812")
        == QStringLiteral("Refund/high"));
    entries = desk.entries();
    CHECK(entries.at(1).entityId == QStringLiteral("812"));
    CHECK(entries.at(1).path == QStringLiteral("/api/v1/tickets/812"));
    CHECK(entries.at(1)
              .local.value(QStringLiteral("updated"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("id"))
              .toInteger()
        == 812);

    // When the feed was first, the backend's row stays and the temporary one goes.
    const AgentActions::Result callback
        = desk.actions.scheduleCallback({ desk.customer, QStringLiteral("333 123 4567"),
            QDateTime::currentSecsSinceEpoch() + 3600, {}, QStringLiteral("after 5pm") });
    REQUIRE(callback);
    CHECK(desk.scalarText("SELECT phone FROM callbacks WHERE id = -1") == QStringLiteral("+393331234567"));
    desk.store.db().exec("INSERT INTO callbacks(id, customer_id, phone, requested_at, due_at) VALUES (55, 1, "
                         "'+393331234567', 1, 2)");
    desk.effects.delivered(desk.store.db(), desk.entries().last(), changeRecord("callback", 55));
    CHECK(desk.count("SELECT count(*) FROM callbacks") == 1);
}

TEST_CASE("Discarding a refused creation removes the row and what was queued for it", "[actions]")
{
    Desk desk;
    const AgentActions::Result created = desk.actions.createTicket(
        { desk.customer, QStringLiteral("Refund"), {}, QStringLiteral("low"), {}, {} });
    INFO(created.error.toStdString());
    REQUIRE(created);
    AgentActions::TicketChange change;
    change.status = QStringLiteral("open");
    REQUIRE(desk.actions.updateTicket(created.id, change));
    REQUIRE(desk.actions.setDisposition(100, QStringLiteral("resolved"), QStringLiteral("billing")));
    reject(desk.store, desk.entries().at(0).id);
    desk.outbox.discard(desk.entries().at(0).id);
    CHECK(desk.count("SELECT count(*) FROM tickets") == 0);
    // Only the ticket's commands went; the interaction's stays.
    REQUIRE(desk.entries().size() == 1);
    CHECK(desk.entries().at(0).command == QStringLiteral("interaction.disposition"));
}

TEST_CASE("The backend's copy of a reply or an identity takes the place of the one made here", "[actions]")
{
    Desk desk;
    desk.effects.attach(desk.store.db());
    REQUIRE(desk.actions.acceptOffer(100));
    REQUIRE(desk.actions.reply(100, QStringLiteral("On it")));
    REQUIRE(desk.actions.reply(100, QStringLiteral("On it")));
    desk.store.db().exec("INSERT INTO messages(id, interaction_id, sent_at, author, body) VALUES (900, 100, "
                         "1, 'agent', 'On it')");
    // One of the two temporary copies gave way, the other waits for its own.
    CHECK(desk.count("SELECT count(*) FROM messages WHERE id < 0") == 1);
    CHECK(desk.count("SELECT count(*) FROM messages") == 2);

    const AgentActions::Result linked
        = desk.actions.linkIdentity(desk.customer, IdentityKind::Phone, QStringLiteral("02 1234 5678"));
    REQUIRE(linked);
    CHECK(desk.store.searchCustomers(QStringLiteral("02 1234"), 0, 5).value(0).id == desk.customer);
    // Without the trigger this insert would break UNIQUE(kind, network, value).
    desk.store.db()
        .cached("INSERT INTO identities(id, customer_id, kind, value, source, created_at) VALUES (300, ?, "
                "'phone', "
                "'+390212345678', 'agent', 1)")
        .bind(1, desk.customer)
        .run();
    CHECK(desk.count("SELECT count(*) FROM identities WHERE value = '+390212345678'") == 1);
}

TEST_CASE("A merge moves the customer's records at once, undo and a refused merge put them back", "[actions]")
{
    Desk desk;
    REQUIRE(desk.actions.mergeCustomers(desk.customer, desk.other));
    CHECK(desk.count("SELECT count(*) FROM customers") == 1);
    CHECK(desk.store.interactionCount(desk.customer) == 2);
    REQUIRE(LocalMerge::record(desk.store.db(), desk.other));

    // Undone before the backend answered: queued behind the merge, numbered when it does.
    REQUIRE(desk.actions.undoMerge(desk.other));
    CHECK(desk.count("SELECT count(*) FROM customers") == 2);
    CHECK(desk.store.interactionCount(desk.other) == 1);
    QList<OutboxEntry> entries = desk.entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(1).path == QStringLiteral("/api/v1/merges/{mergeId}/undo"));
    desk.effects.delivered(desk.store.db(), entries.at(0),
        QJsonDocument(QJsonObject { { QStringLiteral("mergeId"), 4 } }).toJson());
    CHECK(desk.entries().at(1).path == QStringLiteral("/api/v1/merges/4/undo"));
    // The backend refused the undo: the merge stands again here too.
    reject(desk.store, entries.at(1).id);
    desk.store.db().cached("DELETE FROM outbox WHERE id = ?").bind(1, entries.at(0).id).run();
    desk.outbox.discard(entries.at(1).id);
    CHECK(desk.count("SELECT count(*) FROM customers") == 1);
    CHECK(desk.store.customer(desk.other) == std::nullopt);
}
