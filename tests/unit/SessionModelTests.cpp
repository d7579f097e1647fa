// The models behind the session centre: canned responses (language and
// placeholders), the transcript (order, masking, notes) and what the page
// reads about the interaction in front.
#include "CheckedModel.h"
#include "TestSupport.h"
#include "store/Store.h"
#include "workspace/ActiveInteraction.h"
#include "workspace/AgentActions.h"
#include "workspace/CannedResponseModel.h"
#include "workspace/TranscriptModel.h"

#include <QDateTime>
#include <catch2/catch.hpp>

using TestSupport::CheckedModel;

namespace {

struct Session
{
    Session()
    {
        store.db().exec(
            "INSERT INTO agents(id, login, display_name, state) VALUES (5, 'anna', 'Anna Neri', 'busy');"
            "INSERT INTO agents(id, login, display_name, state) VALUES (6, 'ugo', 'Ugo Sala', 'ready');"
            "INSERT INTO agents(id, login, display_name, state) VALUES (7, 'eva', 'Eva Pio', 'ready');");
        Customer c;
        c.firstName = QStringLiteral("Mario");
        c.lastName = QStringLiteral("Rossi");
        c.displayName = QStringLiteral("Mario Rossi");
        customer = store.addCustomer(c);
        Interaction chat;
        chat.customerId = customer;
        chat.channel = Channel::Chat;
        chat.status = QStringLiteral("active");
        chat.agentId = 5;
        chat.offeredAt = now - 100;
        interaction = store.addInteraction(chat);
        actions.setAgent(5);
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("session.db")) };
    AgentActions actions { store };
    qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 customer = 0;
    qint64 interaction = 0;
};

} // namespace

TEST_CASE("canned responses come in the customer's language with their placeholders filled", "[session]")
{
    CannedResponseModel model;
    CheckedModel checked(&model);
    const int greeting = model.rowOfKey(QStringLiteral("greeting"));
    REQUIRE(greeting >= 0);
    const QHash<QString, QString> values { { QStringLiteral("firstName"), QStringLiteral("Mario") },
        { QStringLiteral("agentName"), QStringLiteral("Anna") } };
    CHECK(model.filled(greeting, QStringLiteral("it"), values)
        == QStringLiteral("Buongiorno Mario, sono Anna. Come posso aiutarla?"));
    CHECK(model.filled(greeting, QStringLiteral("en"), values)
        == QStringLiteral("Hello Mario, this is Anna. How can I help you?"));
    // A language with no text of its own gets English.
    CHECK(model.text(greeting, QStringLiteral("de")) == model.text(greeting, QStringLiteral("en")));
    // Every response exists in both languages with the same placeholders.
    for (int row = 0; row < model.rowCount(); ++row) {
        INFO(model.index(row, 0).data().toString().toStdString());
        CHECK(CannedResponseModel::unfilled(model.text(row, QStringLiteral("it")))
            == CannedResponseModel::unfilled(model.text(row, QStringLiteral("en"))));
    }
}

TEST_CASE(
    "placeholders fill in one pass: a value that looks like a placeholder stays as written", "[session]")
{
    const QString filled = CannedResponseModel::fill(QStringLiteral("Ciao {firstName}, pratica {ticketId}"),
        { { QStringLiteral("firstName"), QStringLiteral("{agentName}") },
            { QStringLiteral("agentName"), QStringLiteral("Anna") } });
    CHECK(filled == QStringLiteral("Ciao {agentName}, pratica {ticketId}"));
    // Only the names responses use count as unfilled; other braces are text.
    CHECK(CannedResponseModel::unfilled(QStringLiteral("{ticketId} {x} {ticketId} {agentName}"))
        == QStringList { QStringLiteral("{ticketId}"), QStringLiteral("{agentName}") });
}

TEST_CASE(
    "the transcript lists messages oldest first, the desk's own after the backend's, masked", "[session]")
{
    Session s;
    s.store.addMessage(s.interaction, s.now - 50, QStringLiteral("customer"), QStringLiteral("Mario"),
        QStringLiteral("IBAN IT60 X054 2811 1010 0000 0123 456 <b>grazie</b>"));
    TranscriptModel model(s.store);
    CheckedModel checked(&model);
    model.setInteraction(s.interaction);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.messageAt(0).body == QStringLiteral("IBAN IT60 •••• •••• •••• •••• •••3 456 <b>grazie</b>"));
    CHECK(model.customerText() == model.messageAt(0).body);

    REQUIRE(s.actions.reply(s.interaction, QStringLiteral("first")));
    REQUIRE(s.actions.addNote(s.interaction, QStringLiteral("second")));
    REQUIRE(s.actions.reply(s.interaction, QStringLiteral("third")));
    model.refresh();
    REQUIRE(model.rowCount() == 4);
    CHECK(model.messageAt(1).body == QStringLiteral("first"));
    CHECK(model.messageAt(2).body == QStringLiteral("second"));
    CHECK(model.messageAt(2).kind == QStringLiteral("note"));
    CHECK(model.messageAt(3).body == QStringLiteral("third"));
    CHECK(model.index(2, 0).data().toString().startsWith(QStringLiteral("Note by Anna Neri")));
    // The agent's messages only answer: they are not what knowledge is ranked against.
    CHECK_FALSE(model.customerText().contains(QStringLiteral("first")));
}

TEST_CASE(
    "the session finds the agent's live interaction, transfer targets and placeholder values", "[session]")
{
    Session s;
    ActiveInteraction reader(s.store);
    CHECK(reader.liveInteractionOf(s.customer, 5) == s.interaction);
    CHECK(reader.liveInteractionOf(s.customer, 6) == 0);
    const std::optional<ActiveInteraction::State> state = reader.read(s.interaction);
    REQUIRE(state);
    CHECK(state->status == QStringLiteral("active"));
    CHECK(state->channel == QStringLiteral("chat"));
    CHECK_FALSE(reader.read(999).has_value());

    const QList<ActiveInteraction::Choice> agents = reader.readyAgents(5);
    REQUIRE(agents.size() == 2);
    CHECK(agents.at(0).name == QStringLiteral("Eva Pio"));

    // A ticket the backend has not numbered yet has no number to tell the customer.
    AgentActions::TicketDraft draft;
    draft.customerId = s.customer;
    draft.subject = QStringLiteral("Rimborso");
    REQUIRE(s.actions.createTicket(draft));
    QHash<QString, QString> values = reader.placeholderValues(s.customer, 5, s.interaction);
    CHECK(values.value(QStringLiteral("firstName")) == QStringLiteral("Mario"));
    CHECK(values.value(QStringLiteral("agentName")) == QStringLiteral("Anna Neri"));
    CHECK_FALSE(values.contains(QStringLiteral("ticketId")));
    s.store.db().exec(QStringLiteral("INSERT INTO tickets(id, customer_id, subject, created_at, updated_at) "
                                     "VALUES (812, %1, 'Vecchia', 1, 1)")
                          .arg(s.customer));
    values = reader.placeholderValues(s.customer, 5, s.interaction);
    CHECK(values.value(QStringLiteral("ticketId")) == QStringLiteral("812"));
    CHECK(values.value(QStringLiteral("interactionId")) == QString::number(s.interaction));
}
