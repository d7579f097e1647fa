// The whole desk against the real hub, driven as an agent drives it,
// offscreen: sign in through the dialog, go ready from the keyboard, take
// the chat the hub's router offers, see the customer's session pop, sign out.
// Also: a refused change listed with the server's reason and discarded, and
// a remembered session that needs the password again. Every wait is on a
// condition, never a sleep.
#include "AgentStateButton.h"
#include "CentreFixture.h"
#include "CustomerCard.h"
#include "DeskSession.h"
#include "MainWindow.h"
#include "OfferCard.h"
#include "RejectedCommandsDialog.h"
#include "SessionTabs.h"
#include "SignInDialog.h"
#include "SyncStatusLabel.h"
#include "TestSupport.h"
#include "TopBar.h"
#include "workspace/InteractionPanel.h"
#include "Workstation.h"
#include "settings/Settings.h"
#include "store/Store.h"
#include "sync/SyncStatus.h"
#include "workspace/AgentActions.h"
#include "workspace/MyWorkModel.h"

#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

namespace {

constexpr int kTimeoutMs = 30000;

bool waitFor(const std::function<bool()>& condition, int timeoutMs = kTimeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

// A desk as the launcher builds it, with test-sized backoffs, a temporary
// settings file and stores, and tokens kept in memory only.
struct Desk
{
    explicit Desk(bool interactive = true)
        : settings(dir.file(QStringLiteral("unisono.ini")))
    {
        WorkstationOptions base;
        base.sync.backoffMinMs = 100;
        base.sync.backoffMaxMs = 1000;
        base.sync.http.connectTimeoutMs = 2000;
        base.sync.http.streamIdleTimeoutMs = 5000;
        session = std::make_unique<DeskSession>(
            base, settings,
            [this](const DeskSession::SignIn& signIn) {
                return std::make_unique<Store>(dir.file(QStringLiteral("desk-%1.db").arg(signIn.login)));
            },
            interactive);
    }

    SignInDialog* dialog() const { return session->signInDialog(); }
    MainWindow* window() const
    {
        return session->workstation() ? &session->workstation()->window() : nullptr;
    }
    bool windowShown() const { return window() && window()->isVisible(); }
    template <typename T> T* find(const char* name) const
    {
        return window() ? window()->findChild<T*>(QLatin1String(name)) : nullptr;
    }

    void signIn(const QUrl& address, const QString& user, const QString& password)
    {
        auto* addressField = dialog()->findChild<QLineEdit*>(QStringLiteral("hubAddressField"));
        auto* userField = dialog()->findChild<QLineEdit*>(QStringLiteral("userField"));
        auto* passwordField = dialog()->findChild<QLineEdit*>(QStringLiteral("passwordField"));
        REQUIRE(addressField);
        REQUIRE(userField);
        REQUIRE(passwordField);
        addressField->clear();
        QTest::keyClicks(addressField, address.toString());
        userField->clear();
        QTest::keyClicks(userField, user);
        passwordField->clear();
        QTest::keyClicks(passwordField, password);
        QTest::mouseClick(dialog()->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
    }

    QString stateText() const { return find<AgentStateButton>("agentStateButton")->text(); }

    TestSupport::TempDir dir;
    Settings settings;
    std::unique_ptr<DeskSession> session;
};

// The hub's own record of a command: one idempotency row per command it
// executed, keyed by the hash of "METHOD path\nbody" (an empty command body is sent as {}).
qint64 hubCommands(CentreFixture& centre, const QByteArray& methodAndPath, const QByteArray& body = "{}")
{
    const QByteArray hash
        = QCryptographicHash::hash(methodAndPath + '\n' + body, QCryptographicHash::Sha256).toHex();
    Database hub(centre.databasePath(), Database::Mode::ReadWrite);
    Statement st(
        hub.handle(), "SELECT count(*) FROM idempotency WHERE login = 'agent1' AND request_hash = ?");
    st.bind(1, QString::fromLatin1(hash));
    return st.step() ? st.int64(0) : -1;
}

} // namespace

TEST_CASE("An agent signs in, goes ready, takes the chat the hub offers and its customer's session pops",
    "[gui][desk][sync]")
{
    CentreFixture centre;
    Desk desk;
    desk.session->showSignIn();
    REQUIRE(desk.dialog());
    REQUIRE(QTest::qWaitForWindowExposed(desk.dialog()));
    // A new desk offers the local demo hub's account.
    CHECK(desk.dialog()->findChild<QLineEdit*>(QStringLiteral("userField"))->text()
        == QStringLiteral("agent1"));

    desk.signIn(centre.hub().url(QString()), QStringLiteral("agent1"), QStringLiteral("agent1"));
    // The dialog waits for the hub's yes, then the desk opens.
    REQUIRE(waitFor([&] { return desk.windowShown(); }));
    CHECK_FALSE(desk.dialog()->isVisible());
    CHECK(desk.settings.value(Settings::Key::LastHubAddress).toString()
        == centre.hub().url(QString()).toString());
    CHECK(desk.settings.value(Settings::Key::SignedIn).toBool());
    MainWindow& window = *desk.window();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(waitFor([&] { return desk.stateText().startsWith(QStringLiteral("Logged out")); }));
    CHECK(desk.find<QToolButton>("accountButton")->text() == QStringLiteral("Anna Uno"));

    // Ready, from the keyboard: shown at once, then true on the hub.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(desk.stateText().startsWith(QStringLiteral("Ready · 0:0")));
    REQUIRE(waitFor([&] {
        return centre.agent(centre.agent1Id).value(QStringLiteral("state")) == QStringLiteral("ready");
    }));

    // A customer starts a chat; the router offers it to the only ready agent.
    const qint64 chat
        = centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
            { QStringLiteral("queueId"), CentreFixture::kBillingChat },
            { QStringLiteral("customerId"), centre.customerId() },
            { QStringLiteral("subject"), QStringLiteral("Doppio addebito") } });
    OfferCard* offer = nullptr;
    REQUIRE(waitFor([&] {
        offer = window.findChild<OfferCard*>(QStringLiteral("offer-%1").arg(chat));
        return offer && offer->isVisible()
            && offer->findChild<QProgressBar*>(QStringLiteral("offerCountdown"))->isVisible();
    }));
    CHECK(offer->findChild<QLabel*>(QStringLiteral("offerCustomer"))->text()
        == QStringLiteral("Giulia Bianchi"));
    CHECK(offer->findChild<QLabel*>(QStringLiteral("offerDetail"))
              ->text()
              .contains(QStringLiteral("IT Chat Billing")));
    CHECK(offer->acceptButton()->accessibleName().contains(QStringLiteral("Giulia Bianchi")));
    CHECK(desk.stateText().startsWith(QStringLiteral("Busy (Ringing)")));

    QSignalSpy queued(window.actions(), &AgentActions::commandQueued);
    QTest::mouseClick(offer->acceptButton(), Qt::LeftButton);
    // The screen pop: the customer's session, in front, with the chat in the history.
    auto* tabs = desk.find<QTabWidget>("sessionTabs");
    REQUIRE(tabs->count() == 1);
    CHECK(tabs->tabText(0) == QStringLiteral("Giulia Bianchi"));
    CHECK(tabs->currentWidget()->findChild<CustomerCard*>(QStringLiteral("customerCard"))->customerId()
        == centre.customerId());
    CHECK(queued.count() == 1);
    REQUIRE(waitFor(
        [&] { return window.findChild<OfferCard*>(QStringLiteral("offer-%1").arg(chat)) == nullptr; }));
    CHECK(window.activeWork()->rowOfId(chat) == 0);

    // On the hub, once: the chat is the agent's.
    REQUIRE(waitFor([&] {
        return centre.interaction(chat).value(QStringLiteral("status")) == QStringLiteral("active");
    }));
    CHECK(centre.interaction(chat).value(QStringLiteral("agentId")).toInteger() == centre.agent1Id);
    CHECK(hubCommands(centre, QStringLiteral("POST /api/v1/offers/%1/accept").arg(chat).toUtf8()) == 1);
    REQUIRE(waitFor([&] {
        return window.findChild<SyncStatusLabel*>()
            && desk.session->workstation()->syncStatus()->pendingOutbox() == 0;
    }));
    // The session shows the chat in progress, beside the customer's context.
    const auto* handling = tabs->currentWidget()->findChild<InteractionPanel*>(QStringLiteral("interactionPanel"));
    REQUIRE(handling);
    REQUIRE(waitFor([&] { return handling->interactionId() == chat; }));

    // Signing out is refused while the chat is on.
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(desk.find<QLabel>("actionNotice")->text().contains(QStringLiteral("in progress")));
}

TEST_CASE("Signing out logs the agent out on the hub, forgets the session and returns to the sign-in",
    "[gui][desk][sync]")
{
    CentreFixture centre;
    Desk desk;
    desk.session->showSignIn();
    desk.signIn(centre.hub().url(QString()), QStringLiteral("agent1"), QStringLiteral("agent1"));
    REQUIRE(waitFor([&] { return desk.windowShown(); }));
    MainWindow& window = *desk.window();
    // Not ready, coaching: the entry of the state selector's menu.
    QAction* coaching = desk.find<AgentStateButton>("agentStateButton")->action(AgentState::NotReady, QStringLiteral("coaching"));
    REQUIRE(coaching);
    coaching->trigger();
    CHECK(desk.stateText().startsWith(QStringLiteral("Not ready (Coaching) · 0:0")));
    REQUIRE(waitFor([&] {
        return centre.agent(centre.agent1Id).value(QStringLiteral("state")) == QStringLiteral("not_ready");
    }));

    QAction* signOut = window.findChild<QAction*>(QStringLiteral("signOutAction"));
    REQUIRE(signOut);
    signOut->trigger();
    REQUIRE(waitFor([&] { return desk.session->workstation() == nullptr && desk.dialog()->isVisible(); }));
    CHECK(centre.agent(centre.agent1Id).value(QStringLiteral("state")) == QStringLiteral("logged_out"));
    CHECK_FALSE(desk.settings.value(Settings::Key::SignedIn).toBool());
    // The dialog remembers where and who.
    CHECK(desk.dialog()->findChild<QLineEdit*>(QStringLiteral("hubAddressField"))->text()
        == centre.hub().url(QString()).toString());
    CHECK(desk.dialog()->findChild<QLineEdit*>(QStringLiteral("passwordField"))->text().isEmpty());

    // Quit from the dialog ends the run.
    QSignalSpy finished(desk.session.get(), &DeskSession::finished);
    QTest::mouseClick(desk.dialog()->findChild<QPushButton*>(QStringLiteral("quitButton")), Qt::LeftButton);
    CHECK(finished.count() == 1);
}

TEST_CASE("The sign-in dialog refuses an address it cannot use and shows the hub's refusal in words",
    "[gui][desk][sync]")
{
    CentreFixture centre;
    Desk desk;
    desk.session->showSignIn();
    desk.signIn(QUrl(QStringLiteral("hub.example.com")), QStringLiteral("agent1"), QStringLiteral("agent1"));
    auto* message = desk.dialog()->findChild<QLabel*>(QStringLiteral("signInMessage"));
    CHECK(message->text().contains(QStringLiteral("not a hub address")));
    CHECK(desk.session->workstation() == nullptr);

    desk.signIn(centre.hub().url(QString()), QStringLiteral("agent1"), QStringLiteral("wrong"));
    auto* signInButton = desk.dialog()->findChild<QPushButton*>(QStringLiteral("signInButton"));
    REQUIRE(waitFor([&] {
        return message->text().contains(QStringLiteral("refused the login")) && signInButton->isEnabled();
    }));
    CHECK(desk.dialog()->isVisible());
    // What the agent typed is still there to correct.
    CHECK(desk.dialog()->findChild<QLineEdit*>(QStringLiteral("hubAddressField"))->text()
        == centre.hub().url(QString()).toString());
    CHECK_FALSE(desk.windowShown());
    CHECK_FALSE(desk.settings.value(Settings::Key::SignedIn).toBool());
}

TEST_CASE("A remembered session resumes without the dialog, and asks again when it has no token",
    "[gui][desk][sync]")
{
    CentreFixture centre;
    Desk desk;
    desk.settings.setValue(Settings::Key::LastHubAddress, centre.hub().url(QString()).toString());
    desk.settings.setValue(Settings::Key::LastUser, QStringLiteral("agent1"));
    desk.settings.setValue(Settings::Key::SignedIn, true);
    const std::optional<DeskSession::SignIn> resumed = DeskSession::remembered(desk.settings);
    REQUIRE(resumed);
    CHECK(resumed->backend == WorkstationOptions::Backend::RemoteHub);
    CHECK(resumed->password.isEmpty());

    // The window opens at once; with no token kept (memory only), the hub must see the password again.
    desk.session->start(*resumed);
    CHECK(desk.windowShown());
    REQUIRE(waitFor([&] { return desk.dialog() && desk.dialog()->isVisible(); }));
    CHECK(desk.dialog()
              ->findChild<QLabel*>(QStringLiteral("signInMessage"))
              ->text()
              .contains(QStringLiteral("agent1")));
    CHECK(desk.dialog()->findChild<QLineEdit*>(QStringLiteral("userField"))->text()
        == QStringLiteral("agent1"));
    desk.signIn(centre.hub().url(QString()), QStringLiteral("agent1"), QStringLiteral("agent1"));
    REQUIRE(waitFor([&] { return desk.windowShown(); }));
}

TEST_CASE("A change the hub refused is listed with its reason, the agent discards it", "[gui][desk][sync]")
{
    CentreFixture centre;
    Desk desk;
    desk.session->showSignIn();
    desk.signIn(centre.hub().url(QString()), QStringLiteral("agent1"), QStringLiteral("agent1"));
    REQUIRE(waitFor([&] { return desk.windowShown(); }));
    MainWindow& window = *desk.window();
    Workstation& workstation = *desk.session->workstation();
    window.chooseState(AgentState::Ready);
    const qint64 chat
        = centre.createInteraction(QJsonObject { { QStringLiteral("channel"), QStringLiteral("chat") },
            { QStringLiteral("queueId"), CentreFixture::kBillingChat },
            { QStringLiteral("customerId"), centre.customerId() } });
    REQUIRE(waitFor([&] { return window.offers()->rowOfId(chat) == 0; }));
    REQUIRE(window.acceptOffer(chat));
    REQUIRE(waitFor([&] {
        return centre.interaction(chat).value(QStringLiteral("status")) == QStringLiteral("active");
    }));

    // The desk loses the hub for a moment; meanwhile the customer leaves and a supervisor ends the chat.
    workstation.sync()->stop();
    REQUIRE(centre.command(QStringLiteral("/api/v1/interactions/%1/end").arg(chat), centre.supervisor).status
        == 200);
    REQUIRE(window.actions()->hold(chat));
    workstation.sync()->start(centre.hub().url(QString()));

    QToolButton* refused = desk.find<QToolButton>("rejectedButton");
    REQUIRE(waitFor([&] { return refused->isVisible(); }));
    CHECK(refused->text() == QStringLiteral("1 refused"));
    REQUIRE(waitFor([&] { return desk.find<QLabel>("actionNotice")->text().contains(QStringLiteral("wrap_up")); }));
    QTest::mouseClick(refused, Qt::LeftButton);
    RejectedCommandsDialog* dialog = window.rejectedDialog();
    REQUIRE(dialog->isVisible());
    REQUIRE(dialog->view()->model()->rowCount() == 1);
    CHECK(dialog->view()->model()->index(0, 0).data().toString().startsWith(QStringLiteral("Put on hold")));
    CHECK(dialog->view()->model()->index(0, 1).data().toString().contains(QStringLiteral("wrap_up")));

    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("discardButton")), Qt::LeftButton);
    REQUIRE(waitFor([&] { return dialog->view()->model()->rowCount() == 0 && !refused->isVisible(); }));
    // The hub's word stands: the chat is in wrap-up on the desk too.
    REQUIRE(waitFor([&] {
        const int row = window.activeWork()->rowOfId(chat);
        return row >= 0 && window.activeWork()->itemAt(row).status == QStringLiteral("wrap_up");
    }));
}
