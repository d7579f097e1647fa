// The workspace's models: My work (offers with their countdown, active work
// with unread badges, tickets, callbacks), the agent's presence and the list
// of refused commands, each checked by QAbstractItemModelTester through every
// change an action or a sync makes.
#include "TestSupport.h"
#include "store/Store.h"
#include "workspace/AgentActions.h"
#include "workspace/AgentPresence.h"
#include "workspace/MyWorkModel.h"
#include "workspace/RejectedCommandsModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

constexpr qint64 kMe = 7;

// QAbstractItemModelTester reports through qWarning in Warning mode; any
// warning while a model is checked fails the test.
class CheckedModel
{
public:
    explicit CheckedModel(QAbstractItemModel* model)
    {
        s_warnings.clear();
        m_previous = qInstallMessageHandler(&CheckedModel::handle);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Warning);
    }
    ~CheckedModel()
    {
        m_tester.reset();
        qInstallMessageHandler(m_previous);
        CHECK(s_warnings.join(QLatin1Char('\n')).toStdString() == std::string());
    }
    CheckedModel(const CheckedModel&) = delete;
    CheckedModel& operator=(const CheckedModel&) = delete;

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (type != QtDebugMsg && type != QtInfoMsg)
            s_warnings << QStringLiteral("%1: %2").arg(QLatin1String(context.category), message);
    }

    static inline QStringList s_warnings;
    QtMessageHandler m_previous = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

struct Centre
{
    Centre()
    {
        Database& db = store.db();
        db.exec(
            "INSERT INTO queues(id, name, skill, channel) VALUES (1, 'IT Chat Billing', 'billing', 'chat')");
        db.exec("INSERT INTO agents(id, login, display_name, role, state, state_since) VALUES "
                "(6, 'sup', 'Sara Capo', 'supervisor', 'ready', 1000), (7, 'anna', 'Anna Uno', 'agent', "
                "'ready', 1000)");
        Customer c;
        c.firstName = QStringLiteral("Giulia");
        c.lastName = QStringLiteral("Bianchi");
        giulia = store.addCustomer(c);
        c.firstName = QStringLiteral("Mario");
        c.lastName = QStringLiteral("Rossi");
        mario = store.addCustomer(c);
        actions.setAgent(kMe);
    }

    void addInteraction(qint64 id, qint64 customer, const char* status, qint64 agent = kMe)
    {
        store.db()
            .cached(
                "INSERT INTO interactions(id, customer_id, channel, direction, status, queue_id, agent_id, "
                "subject, offered_at) VALUES (?, ?, 'chat', 'inbound', ?, 1, ?, 'Invoice', ?)")
            .bind(1, id)
            .bind(2, customer)
            .bind(3, status)
            .bind(4, agent)
            .bind(5, 1700000000 + id)
            .run();
    }
    void customerWrites(qint64 interaction, const QString& text)
    {
        store.addMessage(
            interaction, QDateTime::currentSecsSinceEpoch(), QStringLiteral("customer"), QString(), text);
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("work.db")) };
    AgentActions actions { store };
    qint64 giulia = 0;
    qint64 mario = 0;
};

QStringList names(const QAbstractItemModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data().toString();
    return list;
}

} // namespace

TEST_CASE("My work shows the agent's offers with the seconds left to answer", "[mywork]")
{
    Centre centre;
    MyWorkModel offers(centre.store, MyWorkModel::Kind::Offers);
    CheckedModel checked(&offers);
    QSignalSpy arrived(&offers, &MyWorkModel::arrived);
    offers.setAgent(kMe);
    CHECK(offers.rowCount() == 0);

    centre.addInteraction(10, centre.giulia, "offered");
    centre.addInteraction(11, centre.mario, "offered", 6); // someone else's
    offers.applyLiveEvent(QStringLiteral("offer"),
        QJsonObject { { QStringLiteral("interactionId"), 10 }, { QStringLiteral("agentId"), kMe },
            { QStringLiteral("timeoutMs"), 15000 } });
    REQUIRE(offers.rowCount() == 1);
    CHECK(arrived.count() == 1);
    const QModelIndex offer = offers.index(0, 0);
    CHECK(offer.data().toString() == QStringLiteral("Giulia Bianchi"));
    CHECK(offer.data(MyWorkModel::CustomerIdRole).toLongLong() == centre.giulia);
    CHECK(offer.data(MyWorkModel::IconNameRole).toString() == QStringLiteral("channel-chat"));
    const int left = offer.data(MyWorkModel::SecondsLeftRole).toInt();
    CHECK((left > 10 && left <= 15));
    CHECK(offer.data(MyWorkModel::DetailRole).toString().contains(QStringLiteral("IT Chat Billing")));

    // The countdown repaints the row every second.
    QSignalSpy repaint(&offers, &QAbstractItemModel::dataChanged);
    REQUIRE(repaint.wait(3000));

    // Accepted: it leaves the offers for the active work, with no duplicate signal.
    MyWorkModel active(centre.store, MyWorkModel::Kind::Active);
    CheckedModel checkedActive(&active);
    active.setAgent(kMe);
    REQUIRE(centre.actions.acceptOffer(10));
    offers.refresh();
    active.refresh();
    CHECK(offers.rowCount() == 0);
    CHECK(names(active) == QStringList { QStringLiteral("Giulia Bianchi") });
    CHECK(active.index(0, 0).data(MyWorkModel::StatusRole).toString() == QStringLiteral("active"));
}

TEST_CASE("An offer event that overtakes the offer itself still gives it its countdown", "[mywork]")
{
    Centre centre;
    MyWorkModel offers(centre.store, MyWorkModel::Kind::Offers);
    CheckedModel checked(&offers);
    offers.setAgent(kMe);
    offers.applyLiveEvent(QStringLiteral("offer"),
        QJsonObject { { QStringLiteral("interactionId"), 12 }, { QStringLiteral("agentId"), kMe },
            { QStringLiteral("timeoutMs"), 20000 } });
    CHECK(offers.rowCount() == 0);
    // The feed brings the offered interaction a moment later.
    centre.addInteraction(12, centre.giulia, "offered");
    offers.refresh();
    REQUIRE(offers.rowCount() == 1);
    CHECK(offers.index(0, 0).data(MyWorkModel::SecondsLeftRole).toInt() > 15);
    // An offer for another agent is none of this desk's business.
    offers.applyLiveEvent(QStringLiteral("offer_withdrawn"),
        QJsonObject { { QStringLiteral("interactionId"), 12 }, { QStringLiteral("agentId"), 6 } });
    CHECK(offers.index(0, 0).data(MyWorkModel::SecondsLeftRole).toInt() > 15);
}

TEST_CASE("Active work counts the customer's messages the agent has not read", "[mywork]")
{
    Centre centre;
    centre.addInteraction(20, centre.giulia, "active");
    centre.customerWrites(20, QStringLiteral("Hello?"));
    MyWorkModel active(centre.store, MyWorkModel::Kind::Active);
    CheckedModel checked(&active);
    active.setAgent(kMe);
    // What was there when the work first showed is not news.
    CHECK(active.index(0, 0).data(MyWorkModel::UnreadRole).toInt() == 0);

    centre.customerWrites(20, QStringLiteral("Anyone there?"));
    centre.customerWrites(20, QStringLiteral("I'm waiting"));
    active.refresh();
    CHECK(active.index(0, 0).data(MyWorkModel::UnreadRole).toInt() == 2);
    CHECK(active.index(0, 0).data().toString() == QStringLiteral("Giulia Bianchi (2 unread)"));
    // An agent's own reply is not unread.
    REQUIRE(centre.actions.reply(20, QStringLiteral("Here I am")));
    active.refresh();
    CHECK(active.index(0, 0).data(MyWorkModel::UnreadRole).toInt() == 2);

    active.markRead(20);
    CHECK(active.index(0, 0).data(MyWorkModel::UnreadRole).toInt() == 0);
}

TEST_CASE("My work lists the agent's open tickets by urgency and the callbacks due soon", "[mywork]")
{
    Centre centre;
    Database& db = centre.store.db();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    db.cached("INSERT INTO tickets(id, customer_id, assignee_id, subject, status, priority, created_at, "
              "updated_at) VALUES "
              "(1, ?1, 7, 'Low one', 'open', 'low', 1, 1), (2, ?1, 7, 'Urgent one', 'new', 'urgent', 1, 1), "
              "(3, ?1, 7, 'Done', 'solved', 'urgent', 1, 1), (4, ?1, 6, 'Not mine', 'open', 'high', 1, 1)")
        .bind(1, centre.giulia)
        .run();
    db.cached(
          "INSERT INTO callbacks(id, customer_id, phone, agent_id, requested_at, due_at, status) VALUES "
          "(1, ?1, '+390212345678', NULL, 1, ?2, 'scheduled'), (2, ?1, '+390212345678', 7, 1, ?3, "
          "'scheduled'), "
          "(3, ?1, '+390212345678', 7, 1, ?2, 'completed'), (4, ?1, '+390212345678', 6, 1, ?2, 'scheduled')")
        .bind(1, centre.mario)
        .bind(2, now + 600)
        .bind(3, now + 86400)
        .run();

    MyWorkModel tickets(centre.store, MyWorkModel::Kind::Tickets);
    CheckedModel checkedTickets(&tickets);
    tickets.setAgent(kMe);
    REQUIRE(tickets.rowCount() == 2);
    CHECK(tickets.index(0, 0).data(MyWorkModel::IdRole).toLongLong() == 2);
    CHECK(tickets.index(1, 0).data(MyWorkModel::IdRole).toLongLong() == 1);

    // Solving it takes it off the list at once.
    AgentActions::TicketChange solved;
    solved.status = QStringLiteral("solved");
    REQUIRE(centre.actions.updateTicket(2, solved));
    tickets.refresh();
    CHECK(tickets.rowCount() == 1);

    MyWorkModel callbacks(centre.store, MyWorkModel::Kind::Callbacks);
    CheckedModel checkedCallbacks(&callbacks);
    callbacks.setAgent(kMe);
    REQUIRE(callbacks.rowCount() == 1);
    CHECK(callbacks.index(0, 0).data(MyWorkModel::IdRole).toLongLong() == 1);
    CHECK(callbacks.index(0, 0).data().toString() == QStringLiteral("Mario Rossi"));
}

TEST_CASE("The agent's presence follows the store and the live events", "[mywork]")
{
    Centre centre;
    AgentPresence presence(centre.store);
    QSignalSpy changed(&presence, &AgentPresence::changed);
    presence.setAgent(kMe);
    CHECK(presence.isKnown());
    CHECK(presence.displayName() == QStringLiteral("Anna Uno"));
    CHECK(presence.state() == AgentState::Ready);
    CHECK(presence.secondsInState() > 1000);

    REQUIRE(centre.actions.setState(AgentState::NotReady, QStringLiteral("lunch")));
    presence.refresh();
    CHECK(presence.state() == AgentState::NotReady);
    CHECK(presence.reason() == QStringLiteral("lunch"));
    CHECK(presence.secondsInState() < 5);
    const int signals = int(changed.count());
    // Another agent's event changes nothing here.
    presence.applyLiveEvent(QStringLiteral("agent_state"), QJsonObject { { QStringLiteral("agentId"), 6 } });
    CHECK(changed.count() == signals);

    CHECK(AgentPresence::offlineAgent(centre.store, QStringLiteral("agent1")) == kMe);
    CHECK(AgentPresence::offlineAgent(centre.store, QStringLiteral("sup")) == 6);
    CHECK(AgentPresence::signedInAgent(centre.store, QStringLiteral("agent1")) == 0);
}

TEST_CASE("The refused commands are listed with the server's reason", "[mywork]")
{
    Centre centre;
    RejectedCommandsModel rejected(centre.store);
    CheckedModel checked(&rejected);
    centre.addInteraction(30, centre.giulia, "active");
    REQUIRE(centre.actions.hold(30));
    REQUIRE(centre.actions.createTicket(
        { centre.giulia, QStringLiteral("Refund"), {}, QStringLiteral("normal"), {}, {} }));
    rejected.refresh();
    CHECK(rejected.rowCount() == 0);

    centre.store.db().exec(
        "UPDATE outbox SET state = 'rejected', last_error = 'Interaction 30 is wrap_up; it cannot "
        "be put on hold.' WHERE command = 'interaction.hold'");
    rejected.refresh();
    REQUIRE(rejected.rowCount() == 1);
    CHECK(rejected.index(0, RejectedCommandsModel::Action).data().toString()
        == QStringLiteral("Put on hold (interaction 30)"));
    CHECK(rejected.index(0, RejectedCommandsModel::Reason)
              .data()
              .toString()
              .contains(QStringLiteral("wrap_up")));
    centre.store.db().exec(
        "UPDATE outbox SET state = 'rejected', last_error = 'no' WHERE command = 'ticket.create'");
    rejected.refresh();
    REQUIRE(rejected.rowCount() == 2);
    CHECK(rejected.index(1, RejectedCommandsModel::Action).data().toString()
        == QStringLiteral("New ticket (new ticket)"));
}
