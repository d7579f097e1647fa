// The session centre driven as an agent drives it, offscreen, on the real
// main window: an offer event arrives and is accepted from the keyboard,
// the customer's session pops with every panel filled; the agent writes a
// note, sends a canned reply (placeholders filled, in the customer's
// language), ends the chat after confirming, sets the wrap-up codes and
// finishes; each step lands in the outbox as the command the backend gets.
// Customer text in the transcript shows its markup as characters.
#include "CheckedModel.h"
#include "KeyboardShortcuts.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "context/CustomerContextPanel.h"
#include "context/NewCustomerCard.h"
#include "store/Store.h"
#include "workspace/CallControls.h"
#include "workspace/InteractionPanel.h"
#include "workspace/TranscriptModel.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

constexpr int kWaitMs = 5000;
constexpr qint64 kAgent = 7;
constexpr qint64 kQueue = 3;

template <typename T> T* child(QWidget* parent, const char* name)
{
    REQUIRE(parent);
    T* widget = parent->findChild<T*>(QLatin1String(name));
    INFO("looking for " << name);
    REQUIRE(widget);
    return widget;
}

// The commands in the outbox, oldest first.
QStringList outboxCommands(Store& store)
{
    QStringList commands;
    Statement& st = store.db().cached("SELECT command FROM outbox ORDER BY id");
    while (st.step())
        commands << st.text(0);
    st.reset();
    return commands;
}

QJsonObject lastBody(Store& store, const char* command)
{
    Statement& st
        = store.db().cached("SELECT payload FROM outbox WHERE command = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, command);
    QJsonObject body;
    if (st.step())
        body = QJsonDocument::fromJson(st.text(0).toUtf8()).object().value(QStringLiteral("body")).toObject();
    st.reset();
    return body;
}

// A desk whose agent (Luca Verdi) is ready, and a customer whose chat is offered to them.
struct OfferedChat
{
    explicit OfferedChat(const QString& language = QStringLiteral("it"),
        const QString& firstMessage = QString(), Channel channel = Channel::Chat, bool knownCaller = true)
    {
        store.db().exec(QStringLiteral(
            "INSERT INTO queues(id, name, skill, channel) VALUES (%1, 'Chat italiano', 'general', 'chat');"
            "INSERT INTO agents(id, login, display_name, state) VALUES (%2, 'luca', 'Luca Verdi', 'ready');"
            "INSERT INTO agents(id, login, display_name, state) VALUES (8, 'sara', 'Sara Neri', 'ready');")
                            .arg(kQueue)
                            .arg(kAgent));
        Customer c;
        c.firstName = language == QLatin1String("it") ? QStringLiteral("Giulia") : QStringLiteral("John");
        c.lastName = language == QLatin1String("it") ? QStringLiteral("Bianchi") : QStringLiteral("Smith");
        c.displayName = c.firstName + QLatin1Char(' ') + c.lastName;
        c.language = language;
        customer = store.addCustomer(c);
        store.addIdentity(
            customer, IdentityKind::Phone, QStringLiteral("+39 02 1234 5678"), QStringLiteral("pbx"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int day = 1; day <= 3; ++day) {
            Interaction old;
            old.customerId = customer;
            old.channel = Channel::Email;
            old.offeredAt = now - day * 86400;
            old.subject = QStringLiteral("Bolletta %1").arg(day);
            store.addInteraction(old);
        }
        store.db().exec(
            QStringLiteral("INSERT INTO tickets(id, customer_id, subject, status, created_at, updated_at) "
                           "VALUES (4321, %1, 'Doppio addebito', 'open', %2, %2)")
                .arg(customer)
                .arg(now - 3600));
        Interaction offer;
        if (knownCaller)
            offer.customerId = customer;
        offer.channel = channel;
        offer.status = QStringLiteral("offered");
        offer.agentId = kAgent;
        offer.queueId = kQueue;
        offer.subject = QStringLiteral("Addebito doppio");
        offer.language = language;
        offer.offeredAt = now - 5;
        chat = store.addInteraction(offer);
        if (channel != Channel::Voice) {
            store.addMessage(chat, now - 4, QStringLiteral("customer"), c.displayName,
                firstMessage.isEmpty()
                    ? QStringLiteral("La carta 4111 1111 1111 1111 è stata addebitata due volte")
                    : firstMessage);
        }
        window.setAgent(kAgent);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        tabs = window.findChild<QTabWidget*>(QStringLiteral("sessionTabs"));
        REQUIRE(tabs);
    }

    // The hub's offer event, as the sync engine hands it to the window.
    void offer(const QJsonObject& identity = QJsonObject())
    {
        QJsonObject event { { QStringLiteral("interactionId"), chat }, { QStringLiteral("agentId"), kAgent },
            { QStringLiteral("customerId"), customer }, { QStringLiteral("channel"), QStringLiteral("chat") },
            { QStringLiteral("timeoutMs"), 30000 } };
        if (!identity.isEmpty()) {
            event.insert(QStringLiteral("customerId"), QJsonValue());
            event.insert(QStringLiteral("identity"), identity);
        }
        window.applyLiveEvent(QStringLiteral("offer"), QString::fromUtf8(QJsonDocument(event).toJson()));
    }

    // Offer, accept from the keyboard, and wait for the screen pop.
    QWidget* acceptFromKeyboard(const QJsonObject& identity = QJsonObject())
    {
        offer(identity);
        QTest::keySequence(&window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::AcceptOffer));
        REQUIRE(QTest::qWaitFor([&] { return tabs->count() == 1; }, kWaitMs));
        return tabs->currentWidget();
    }

    QString status()
    {
        Statement& st = store.db().cached("SELECT status FROM interactions WHERE id = ?");
        st.bind(1, chat);
        const QString value = st.step() ? st.text(0) : QString();
        st.reset();
        return value;
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("session.db")) };
    qint64 customer = 0;
    qint64 chat = 0;
    MainWindow window { store };
    QTabWidget* tabs = nullptr;
};

} // namespace

TEST_CASE("an offer accepted from the keyboard pops its customer's session with every panel filled",
    "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();
    CHECK(page->objectName() == QStringLiteral("session-%1").arg(desk.customer));
    CHECK(desk.tabs->tabText(0) == QStringLiteral("Giulia Bianchi"));

    // Left: the chat being handled, its transcript with the card number masked.
    auto* handling = child<InteractionPanel>(page, "interactionPanel");
    CHECK(handling->interactionId() == desk.chat);
    CHECK(child<QLabel>(page, "interactionHeading")->text().contains(QStringLiteral("Addebito doppio")));
    auto* transcript = child<QListView>(page, "transcriptView");
    TestSupport::CheckedModel checked(transcript->model());
    REQUIRE(transcript->model()->rowCount() == 1);
    const QString shown = transcript->model()->index(0, 0).data().toString();
    CHECK(shown.contains(QStringLiteral("•••• •••• •••• 1111")));
    CHECK_FALSE(shown.contains(QStringLiteral("4111 1111")));
    CHECK(child<QWidget>(page, "replyComposer")->isVisible());
    CHECK(child<CallControls>(page, "callControls")->isVisible());

    // Right: the whole context, at once.
    auto* context = child<CustomerContextPanel>(page, "customerContextPanel");
    CHECK(context->customerId() == desk.customer);
    CHECK(child<QLabel>(context, "cardName")->text() == QStringLiteral("Giulia Bianchi"));
    CHECK(child<QListView>(context, "timelineView")->model()->rowCount() == 4);
    CHECK(child<QListView>(context, "ticketsView")->model()->rowCount() == 1);
    CHECK(child<QWidget>(page, "sessionSplitter")->isVisible());
    CHECK(desk.status() == QStringLiteral("active"));
    CHECK(outboxCommands(desk.store) == QStringList { QStringLiteral("offer.accept") });
}

TEST_CASE("a note, a canned reply in the customer's language, the end and the wrap-up all land in the outbox",
    "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();

    // A note, from its shortcut.
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::Note));
    auto* note = child<QPlainTextEdit>(page, "noteEditor");
    REQUIRE(QTest::qWaitFor([&] { return note->hasFocus(); }, kWaitMs));
    QTest::keyClicks(note, QStringLiteral("Cliente rimborsata a marzo"));
    QTest::mouseClick(child<QPushButton>(page, "addNote"), Qt::LeftButton);
    CHECK(note->toPlainText().isEmpty());

    // The greeting, in Italian, with her name, the agent's and no braces left.
    auto* canned = child<QComboBox>(page, "cannedResponses");
    canned->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>(page, "insertCanned"), Qt::LeftButton);
    auto* reply = child<QPlainTextEdit>(page, "replyEditor");
    CHECK(reply->toPlainText() == QStringLiteral("Buongiorno Giulia, sono Luca Verdi. Come posso aiutarla?"));
    // The ticket response names her open ticket.
    reply->clear();
    canned->setCurrentIndex(2);
    QTest::mouseClick(child<QPushButton>(page, "insertCanned"), Qt::LeftButton);
    CHECK(reply->toPlainText().contains(QStringLiteral("pratica n. 4321")));
    reply->clear();
    canned->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>(page, "insertCanned"), Qt::LeftButton);
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::SendReply));
    REQUIRE(QTest::qWaitFor([&] { return reply->toPlainText().isEmpty(); }, kWaitMs));
    auto* transcript = child<QListView>(page, "transcriptView");
    // The customer's message, the note and the reply.
    REQUIRE(transcript->model()->rowCount() == 3);
    CHECK(transcript->model()->index(1, 0).data(TranscriptModel::KindRole).toString()
        == QStringLiteral("note"));
    CHECK(transcript->model()->index(2, 0).data(TranscriptModel::BodyRole).toString()
        == QStringLiteral("Buongiorno Giulia, sono Luca Verdi. Come posso aiutarla?"));

    // Wrap-up cannot finish while the chat is on, and says why.
    auto* finish = child<QPushButton>(page, "finishWrapUp");
    auto* why = child<QLabel>(page, "wrapUpReason");
    CHECK_FALSE(finish->isEnabled());
    CHECK(why->text().contains(QStringLiteral("End the interaction first")));

    // End, confirmed.
    QTest::mouseClick(child<QPushButton>(page, "endCall"), Qt::LeftButton);
    auto* confirm = child<QPushButton>(page, "confirmEndCall");
    REQUIRE(confirm->isVisible());
    QTest::mouseClick(confirm, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("wrap_up"); }, kWaitMs));
    CHECK(why->text().contains(QStringLiteral("disposition and a contact reason")));
    CHECK_FALSE(finish->isEnabled());

    auto* disposition = child<QComboBox>(page, "dispositionChoice");
    auto* reason = child<QComboBox>(page, "contactReasonChoice");
    disposition->setCurrentIndex(disposition->findData(QStringLiteral("resolved")));
    CHECK_FALSE(finish->isEnabled());
    CHECK(why->text().contains(QStringLiteral("contact reason")));
    reason->setCurrentIndex(reason->findData(QStringLiteral("billing")));
    REQUIRE(finish->isEnabled());
    CHECK(why->text().isEmpty());
    QTest::mouseClick(finish, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("ended"); }, kWaitMs));

    CHECK(outboxCommands(desk.store)
        == QStringList { QStringLiteral("offer.accept"), QStringLiteral("interaction.note"),
            QStringLiteral("interaction.reply"), QStringLiteral("interaction.end"),
            QStringLiteral("interaction.disposition"), QStringLiteral("interaction.wrapup") });
    CHECK(lastBody(desk.store, "interaction.note").value(QStringLiteral("text")).toString()
        == QStringLiteral("Cliente rimborsata a marzo"));
    CHECK(lastBody(desk.store, "interaction.reply").value(QStringLiteral("text")).toString()
        == QStringLiteral("Buongiorno Giulia, sono Luca Verdi. Come posso aiutarla?"));
    const QJsonObject codes = lastBody(desk.store, "interaction.disposition");
    CHECK(codes.value(QStringLiteral("disposition")).toString() == QStringLiteral("resolved"));
    CHECK(codes.value(QStringLiteral("contactReason")).toString() == QStringLiteral("billing"));
}

TEST_CASE("a canned response follows an English-speaking customer's language", "[gui][session]")
{
    OfferedChat desk(QStringLiteral("en"));
    QWidget* page = desk.acceptFromKeyboard();
    auto* canned = child<QComboBox>(page, "cannedResponses");
    canned->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>(page, "insertCanned"), Qt::LeftButton);
    CHECK(child<QPlainTextEdit>(page, "replyEditor")->toPlainText()
        == QStringLiteral("Hello John, this is Luca Verdi. How can I help you?"));
}

TEST_CASE("a reply with a placeholder left unfilled cannot be sent and says which", "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();
    auto* reply = child<QPlainTextEdit>(page, "replyEditor");
    QTest::keyClicks(reply, QStringLiteral("Il suo codice: {interactionX}?"));
    CHECK(child<QPushButton>(page, "sendReply")->isEnabled());
    reply->setPlainText(QStringLiteral("Gentile {customerName}, {agentName}"));
    // Typed by hand, not filled: the agent must replace them before sending.
    CHECK_FALSE(child<QPushButton>(page, "sendReply")->isEnabled());
    CHECK(child<QLabel>(page, "replyWarning")->text().contains(QStringLiteral("{customerName}")));
}

TEST_CASE("ending takes a confirmation: the shortcut and the button only ask, and keeping it changes nothing",
    "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();
    auto* controls = child<CallControls>(page, "callControls");

    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::EndInteraction));
    REQUIRE(controls->isConfirmingEnd());
    auto* keep = child<QPushButton>(page, "keepCall");
    // The safe answer has the focus: a stray Enter ends nothing, Space keeps the contact going.
    CHECK(keep->hasFocus());
    QTest::keyClick(keep, Qt::Key_Return);
    CHECK(desk.status() == QStringLiteral("active"));
    QTest::keyClick(keep, Qt::Key_Space);
    CHECK_FALSE(controls->isConfirmingEnd());
    CHECK(desk.status() == QStringLiteral("active"));

    QTest::mouseClick(child<QPushButton>(page, "endCall"), Qt::LeftButton);
    REQUIRE(controls->isConfirmingEnd());
    QTest::keyClick(keep, Qt::Key_Escape);
    CHECK_FALSE(controls->isConfirmingEnd());
    CHECK(desk.status() == QStringLiteral("active"));
    CHECK_FALSE(outboxCommands(desk.store).contains(QStringLiteral("interaction.end")));

    // With a second session open, the keys act on the session in front only.
    Customer other;
    other.displayName = QStringLiteral("Paolo Neri");
    REQUIRE(desk.window.openCustomer(desk.store.addCustomer(other)));
    REQUIRE(desk.tabs->count() == 2);
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::EndInteraction));
    CHECK_FALSE(controls->isConfirmingEnd());
    desk.tabs->setCurrentIndex(0);
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::EndInteraction));
    CHECK(controls->isConfirmingEnd());
}

TEST_CASE(
    "markup a customer writes in a chat shows as characters in the transcript", "[gui][session][safety]")
{
    TestSupport::TempDir images;
    const QString redPath = images.file(QStringLiteral("red.png"));
    QImage red(48, 48, QImage::Format_RGB32);
    red.fill(Qt::red);
    REQUIRE(red.save(redPath));
    const QString markup = QStringLiteral("<b>Eve</b> <img src=\"%1\" width=\"48\" height=\"48\"> "
                                          "<a href=\"https://evil.example/x\">click me</a>")
                               .arg(redPath);
    OfferedChat desk(QStringLiteral("it"), markup);
    QWidget* page = desk.acceptFromKeyboard();
    auto* transcript = child<QListView>(page, "transcriptView");
    REQUIRE(transcript->model()->rowCount() == 1);
    const QString shown = transcript->model()->index(0, 0).data().toString();
    CHECK(shown.contains(QStringLiteral("<b>Eve</b>")));
    CHECK(shown.contains(QStringLiteral("<img src=")));
    CHECK(shown.contains(QStringLiteral("<a href=\"https://evil.example/x\">")));
    // Painted as text: the image the markup names is never loaded.
    const QImage painted = transcript->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int redPixels = 0;
    for (int y = 0; y < painted.height(); ++y)
        for (int x = 0; x < painted.width(); ++x) {
            const QRgb pixel = painted.pixel(x, y);
            if (qRed(pixel) > 240 && qGreen(pixel) < 16 && qBlue(pixel) < 16)
                ++redPixels;
        }
    CHECK(redPixels == 0);
}

TEST_CASE("every shortcut in the registry is unique and none uses Ctrl+Alt (AltGr)", "[gui][session]")
{
    QSet<QString> seen;
    for (const KeyboardShortcuts::Shortcut& shortcut : KeyboardShortcuts::all()) {
        INFO(shortcut.keys.toString().toStdString());
        CHECK_FALSE(shortcut.text.isEmpty());
        CHECK_FALSE(seen.contains(shortcut.keys.toString()));
        seen.insert(shortcut.keys.toString());
        const Qt::KeyboardModifiers modifiers = shortcut.keys[0].keyboardModifiers();
        CHECK_FALSE(((modifiers & Qt::ControlModifier) && (modifiers & Qt::AltModifier)));
    }
    CHECK(seen.size() == int(KeyboardShortcuts::all().size()));
}

TEST_CASE("a call from an unknown number pops the new-customer card, linking it fills the customer's context",
    "[gui][session]")
{
    OfferedChat desk(QStringLiteral("it"), QString(), Channel::Voice, false);
    QWidget* page = desk.acceptFromKeyboard(QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") },
        { QStringLiteral("value"), QStringLiteral("06 1234 5678") } });
    CHECK(page->objectName() == QStringLiteral("session-unknown-%1").arg(desk.chat));
    CHECK(desk.tabs->tabText(0) == QStringLiteral("Unknown: 06 1234 5678"));
    auto* card = child<NewCustomerCard>(page, "newCustomerCard");
    REQUIRE(card->isVisible());
    CHECK(child<QLabel>(card, "unknownIdentity")->text() == QStringLiteral("+39 06 1234 5678"));
    // The call is handled meanwhile: it is on, with its controls.
    CHECK(child<InteractionPanel>(page, "interactionPanel")->interactionId() == desk.chat);
    CHECK(child<CallControls>(page, "callControls")->isVisible());

    auto* matches = child<QListView>(card, "customerMatches");
    REQUIRE(matches->model()->rowCount() == 1);
    matches->setCurrentIndex(matches->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(card, "linkIdentity"), Qt::LeftButton);

    auto* context = child<CustomerContextPanel>(page, "customerContextPanel");
    REQUIRE(QTest::qWaitFor([&] { return context->isVisible(); }, kWaitMs));
    CHECK(context->customerId() == desk.customer);
    CHECK(child<QLabel>(context, "cardName")->text() == QStringLiteral("Giulia Bianchi"));
    CHECK(desk.tabs->tabText(0) == QStringLiteral("Giulia Bianchi"));
    CHECK(outboxCommands(desk.store)
        == QStringList { QStringLiteral("offer.accept"), QStringLiteral("customer.identity") });
    CHECK(lastBody(desk.store, "customer.identity").value(QStringLiteral("value")).toString()
        == QStringLiteral("06 1234 5678"));
    // Her session now: opening her again brings this tab, not a second one.
    REQUIRE(desk.window.openCustomer(desk.customer));
    CHECK(desk.tabs->count() == 1);
}

TEST_CASE("a ringing call answered in its session: the timer runs, hold and resume, transfer to a queue",
    "[gui][session]")
{
    OfferedChat desk(QStringLiteral("it"), QString(), Channel::Voice);
    desk.offer();
    // The agent looked the caller up while it rang: the session shows the ringing call.
    REQUIRE(desk.window.openCustomer(desk.customer));
    QWidget* page = desk.tabs->currentWidget();
    auto* answer = child<QPushButton>(page, "answerCall");
    REQUIRE(answer->isVisible());
    CHECK(child<QLabel>(page, "callTimer")->text() == QStringLiteral("Ringing"));
    CHECK_FALSE(child<QWidget>(page, "replyComposer")->isVisible());
    QTest::mouseClick(answer, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("active"); }, kWaitMs));
    CHECK_FALSE(answer->isVisible());
    CHECK(child<QLabel>(page, "callTimer")->text().startsWith(QStringLiteral("00:0")));

    auto* hold = child<QPushButton>(page, "holdCall");
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::HoldResume));
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("held"); }, kWaitMs));
    CHECK(hold->text() == QStringLiteral("Resume"));
    CHECK(child<QLabel>(page, "callTimer")->text().contains(QStringLiteral("on hold")));
    QTest::mouseClick(hold, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("active"); }, kWaitMs));

    auto* menu = child<QMenu>(page, "transferMenu");
    QMetaObject::invokeMethod(menu, "aboutToShow");
    auto* toQueue = menu->findChild<QAction*>(QStringLiteral("transferQueue-%1").arg(kQueue));
    REQUIRE(toQueue);
    // Ready colleagues are offered too, never the agent themself.
    CHECK(menu->findChild<QAction*>(QStringLiteral("transferAgent-8")));
    CHECK_FALSE(menu->findChild<QAction*>(QStringLiteral("transferAgent-%1").arg(kAgent)));
    toQueue->trigger();
    REQUIRE(QTest::qWaitFor([&] { return desk.status() == QStringLiteral("queued"); }, kWaitMs));
    CHECK(outboxCommands(desk.store)
        == QStringList { QStringLiteral("offer.accept"), QStringLiteral("interaction.hold"),
            QStringLiteral("interaction.resume"), QStringLiteral("interaction.transfer") });
    CHECK(
        lastBody(desk.store, "interaction.transfer").value(QStringLiteral("queueId")).toInteger() == kQueue);
}

TEST_CASE("a ticket and a callback made from the session through their dialogs land in the outbox",
    "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();

    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::CreateTicket));
    QDialog* ticket = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] { return (ticket = page->findChild<QDialog*>(QStringLiteral("ticketDialog"))); }, kWaitMs));
    auto* subject = child<QLineEdit>(ticket, "ticketSubject");
    // The interaction's subject is proposed.
    CHECK(subject->text() == QStringLiteral("Addebito doppio"));
    subject->setText(QStringLiteral("Rimborso doppio addebito"));
    QTest::mouseClick(child<QPushButton>(ticket, "createTicket"), Qt::LeftButton);
    REQUIRE(
        QTest::qWaitFor([&] { return !page->findChild<QDialog*>(QStringLiteral("ticketDialog")); }, kWaitMs));
    const QJsonObject created = lastBody(desk.store, "ticket.create");
    CHECK(created.value(QStringLiteral("subject")).toString() == QStringLiteral("Rimborso doppio addebito"));
    CHECK(created.value(QStringLiteral("interactionId")).toInteger() == desk.chat);
    // The new ticket shows in the context at once.
    CHECK(child<QListView>(page, "ticketsView")->model()->rowCount() == 2);

    QTest::mouseClick(child<QPushButton>(page, "scheduleCallbackButton"), Qt::LeftButton);
    QDialog* callback = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] { return (callback = page->findChild<QDialog*>(QStringLiteral("callbackDialog"))); }, kWaitMs));
    CHECK(child<QLineEdit>(callback, "callbackPhone")->text() == QStringLiteral("+390212345678"));
    QTest::mouseClick(child<QPushButton>(callback, "scheduleCallback"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor(
        [&] { return !page->findChild<QDialog*>(QStringLiteral("callbackDialog")); }, kWaitMs));
    CHECK(outboxCommands(desk.store).contains(QStringLiteral("callback.create")));
}

TEST_CASE("a knowledge article goes into the reply being written", "[gui][session]")
{
    OfferedChat desk;
    desk.store.db().exec("INSERT INTO knowledge_articles(id, title, body, language, updated_at) VALUES "
                         "(91, 'Doppio addebito', 'Il rimborso arriva entro 5 giorni lavorativi.', 'it', 0)");
    QWidget* page = desk.acceptFromKeyboard();
    auto* context = child<CustomerContextPanel>(page, "customerContextPanel");
    context->openArticle(91);
    auto* reply = child<QPlainTextEdit>(page, "replyEditor");
    QTest::mouseClick(child<QPushButton>(context, "insertIntoReply"), Qt::LeftButton);
    CHECK(reply->toPlainText().contains(QStringLiteral("Il rimborso arriva entro 5 giorni lavorativi.")));
}

TEST_CASE("scrolling past the desk's history asks the window for older pages only when a source is set",
    "[gui][session]")
{
    OfferedChat desk;
    QSignalSpy wanted(&desk.window, &MainWindow::olderHistoryWanted);
    // Offline: the start of the history on this desk, nothing asked.
    REQUIRE(desk.window.openCustomer(desk.customer));
    QWidget* page = desk.tabs->currentWidget();
    auto* footer = child<QLabel>(page, "timelineFooter");
    REQUIRE(QTest::qWaitFor(
        [&] { return footer->text().contains(QStringLiteral("start of the history")); }, kWaitMs));
    CHECK(wanted.isEmpty());

    // Syncing: the timeline, all of it on screen, asks for what is older.
    QTest::keySequence(&desk.window, KeyboardShortcuts::keys(KeyboardShortcuts::Id::CloseSession));
    REQUIRE(desk.tabs->count() == 0);
    desk.window.setOlderHistorySource(true);
    REQUIRE(desk.window.openCustomer(desk.customer));
    REQUIRE(QTest::qWaitFor([&] { return !wanted.isEmpty(); }, kWaitMs));
    CHECK(wanted.first().first().toLongLong() == desk.customer);
    page = desk.tabs->currentWidget();
    footer = child<QLabel>(page, "timelineFooter");
    CHECK(footer->text().contains(QStringLiteral("fetching older history")));
    desk.window.olderHistoryFetched(desk.customer, 0, 4);
    REQUIRE(QTest::qWaitFor(
        [&] { return footer->text().contains(QStringLiteral("the whole history")); }, kWaitMs));
}

TEST_CASE("a refused action is said in the session and the reply being written is kept", "[gui][session]")
{
    OfferedChat desk;
    QWidget* page = desk.acceptFromKeyboard();
    auto* notice = child<QLabel>(page, "sessionNotice");
    CHECK_FALSE(notice->isVisible());
    desk.window.setActionsUnavailable(QStringLiteral("This desk sends nothing."));
    auto* reply = child<QPlainTextEdit>(page, "replyEditor");
    QTest::keyClicks(reply, QStringLiteral("Un momento"));
    QTest::mouseClick(child<QPushButton>(page, "sendReply"), Qt::LeftButton);
    CHECK(notice->isVisible());
    CHECK(notice->text() == QStringLiteral("This desk sends nothing."));
    CHECK(reply->toPlainText() == QStringLiteral("Un momento"));
    CHECK(outboxCommands(desk.store) == QStringList { QStringLiteral("offer.accept") });
}
