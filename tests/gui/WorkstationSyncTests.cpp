// The real workstation — main window, sync engine on its thread, status bar,
// local hub — built through the same Workstation class the launcher uses,
// against the real unisono-hub. Every wait is on a condition, never a sleep.
#include "CommandLine.h"
#include "CustomerCard.h"
#include "HubProcess.h"
#include "Launcher.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "Workstation.h"
#include "store/Store.h"
#include "sync/SyncStatus.h"

#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUuid>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <memory>

namespace {

constexpr int kSyncTimeoutMs = 30000;
// The tiny demo centre; quick heartbeats keep the engine's idle watchdog happy.
const QStringList kTinyDemo { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
    QStringLiteral("--heartbeat-ms"), QStringLiteral("500") };
constexpr int kTinyCustomers = 60;

WorkstationOptions quickSync(WorkstationOptions::Backend backend)
{
    WorkstationOptions options;
    options.backend = backend;
    options.sync.login = QStringLiteral("agent1");
    options.sync.password = QStringLiteral("agent1");
    // Quick retries: the tests stop hubs and must not wait out real backoffs.
    options.sync.backoffMinMs = 200;
    options.sync.backoffMaxMs = 2000;
    options.sync.http.connectTimeoutMs = 2000;
    options.sync.http.streamIdleTimeoutMs = 5000;
    return options;
}

// The window of a workstation, seen as an agent sees it.
struct Desk
{
    explicit Desk(Workstation& workstation)
        : window(workstation.window())
    {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        status = window.findChild<QLabel*>(QStringLiteral("syncStatus"));
        customerList = window.findChild<QTableView*>(QStringLiteral("customerList"));
        REQUIRE(status);
        REQUIRE(customerList);
    }

    QString statusText() const { return status->text(); }
    bool online() const { return statusText().startsWith(QStringLiteral("Online · synced ")); }
    int customers() const { return customerList->model()->rowCount(); }
    // The card of the session in front.
    CustomerCard* card() const { return window.findChild<QTabWidget*>(QStringLiteral("sessionTabs"))
                                        ->currentWidget()
                                        ->findChild<CustomerCard*>(QStringLiteral("customerCard")); }
    bool cardShows(const QString& text) const
    {
        for (const QLabel* label : card()->findChildren<QLabel*>())
            if (label->text() == text)
                return true;
        return false;
    }
    int rowOf(qint64 customerId) const
    {
        for (int row = 0; row < customers(); ++row)
            if (customerList->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong() == customerId)
                return row;
        return -1;
    }

    MainWindow& window;
    QLabel* status = nullptr;
    QTableView* customerList = nullptr;
};

} // namespace

TEST_CASE("the workstation syncs with the hub, shows its changes live and says when it is offline", "[gui][sync]")
{
    TestSupport::TempDir dir;
    auto hub = std::make_unique<HubProcess>(dir.file(QStringLiteral("hub.db")), kTinyDemo);
    // A new desk: the store is empty and is filled by sync, not by the local generator.
    Store store(dir.file(QStringLiteral("local.db")));
    WorkstationOptions options = quickSync(WorkstationOptions::Backend::RemoteHub);
    options.sync.baseUrl = hub->url(QString());
    Workstation workstation(store, options);
    Desk desk(workstation);
    CHECK(desk.customers() == 0);
    workstation.start();

    REQUIRE(QTest::qWaitFor([&] { return desk.online() && desk.customers() == kTinyCustomers; }, kSyncTimeoutMs));
    INFO("status: " << desk.statusText().toStdString());
    CHECK(desk.status->toolTip().contains(hub->url(QString()).toDisplayString()));
    // The agent opens the first customer's session.
    const qint64 shown = desk.customerList->model()->index(0, 0).data(Qt::UserRole + 1).toLongLong();
    REQUIRE(desk.window.openCustomer(shown));
    REQUIRE(desk.card()->customerId() == shown);

    // A supervisor links an e-mail address to the customer on screen: the card follows.
    const QString supervisor = hub->login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto linked = hub->command(QStringLiteral("/api/v1/customers/%1/identities").arg(shown),
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("email") },
            { QStringLiteral("value"), QStringLiteral("Live.Sync@Example.com") } },
        supervisor);
    INFO(linked.body.toStdString());
    REQUIRE(linked.status == 201);
    REQUIRE(QTest::qWaitFor([&] { return desk.cardShows(QStringLiteral("live.sync@example.com")); }, kSyncTimeoutMs));
    CHECK(desk.card()->customerId() == shown);

    // Another customer is erased on the hub: their row leaves the list, the card stays.
    const qint64 erased = desk.customerList->model()
                              ->index(desk.customers() - 1, 0)
                              .data(Qt::UserRole + 1)
                              .toLongLong();
    REQUIRE(erased != shown);
    const auto erase = hub->send("DELETE", QStringLiteral("/api/v1/customers/%1").arg(erased), {}, supervisor,
        { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
    INFO(erase.body.toStdString());
    REQUIRE(erase.status == 200);
    REQUIRE(QTest::qWaitFor([&] { return desk.rowOf(erased) < 0; }, kSyncTimeoutMs));
    CHECK(desk.customers() == kTinyCustomers - 1);
    CHECK(desk.card()->customerId() == shown);

    // The hub goes away: the status bar says offline, counts down and says why.
    hub.reset();
    REQUIRE(QTest::qWaitFor(
        [&] { return desk.statusText().startsWith(QStringLiteral("Offline — retrying in ")); }, kSyncTimeoutMs));
    CHECK(desk.status->toolTip().contains(QStringLiteral("Last problem:")));
    // The store stays readable: everything is still on screen.
    CHECK(desk.customers() == kTinyCustomers - 1);
    CHECK(desk.card()->customerId() == shown);
}

TEST_CASE("the embedded default starts a local hub, syncs its demo data and stops it on quit", "[gui][sync]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("local.db")));
    WorkstationOptions options = quickSync(WorkstationOptions::Backend::LocalHub);
    options.localHub.program = TestSupport::builtBinary(QStringLiteral("unisono-hub"));
    options.localHub.databasePath = dir.file(QStringLiteral("hub.sqlite"));
    options.localHub.demoSize = QStringLiteral("tiny");
    options.localHub.extraArguments = { QStringLiteral("--no-simulate"), QStringLiteral("--heartbeat-ms"),
        QStringLiteral("500") };
    auto workstation = std::make_unique<Workstation>(store, options);
    Desk desk(*workstation);
    workstation->start();
    REQUIRE(QTest::qWaitFor([&] { return desk.online() && desk.customers() == kTinyCustomers; }, kSyncTimeoutMs));
    REQUIRE(workstation->localHub());
    const qint64 pid = workstation->localHub()->processId();
    REQUIRE(pid > 0);
    CHECK(::kill(pid_t(pid), 0) == 0);

    workstation.reset();
    // Gone and reaped: no hub outlives the desk.
    CHECK(::kill(pid_t(pid), 0) == -1);
    CHECK(errno == ESRCH);
}

TEST_CASE("a local hub that cannot start leaves the desk usable and says why", "[gui][sync]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("local.db")));
    WorkstationOptions options = quickSync(WorkstationOptions::Backend::LocalHub);
    options.localHub.program = dir.file(QStringLiteral("no-such-hub"));
    options.localHub.databasePath = dir.file(QStringLiteral("hub.sqlite"));
    Workstation workstation(store, options);
    Desk desk(workstation);
    workstation.start();
    REQUIRE(QTest::qWaitFor([&] { return desk.statusText() == QStringLiteral("Offline"); }, kSyncTimeoutMs));
    CHECK(desk.status->toolTip().contains(QStringLiteral("no-such-hub")));
}

TEST_CASE("an offline desk says it works offline on purpose", "[gui][sync]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("local.db")));
    Workstation workstation(store, WorkstationOptions());
    Desk desk(workstation);
    workstation.start();
    CHECK(desk.statusText() == QStringLiteral("Working offline"));
    CHECK(workstation.syncStatus() == nullptr);
}

TEST_CASE("the command line picks the backend: local hub by default, --hub, --offline, screenshots offline",
    "[gui][cli]")
{
    const auto setup = [](const QStringList& arguments) {
        const CommandLine::Result parsed
            = CommandLine::parse(QStringList { QStringLiteral("unisono") } + arguments);
        REQUIRE(parsed.action == CommandLine::Action::Run);
        return Launcher::workstationOptions(parsed.options);
    };
    // The tests sit next to unisono-hub, as unisono does.
    const WorkstationOptions embedded = setup({ QStringLiteral("--demo-size"), QStringLiteral("tiny") });
    CHECK(embedded.backend == WorkstationOptions::Backend::LocalHub);
    CHECK(embedded.localHub.program.endsWith(QStringLiteral("/unisono-hub")));
    CHECK(embedded.localHub.databasePath.endsWith(QStringLiteral("/hub.sqlite")));
    CHECK(embedded.localHub.demoSize == QStringLiteral("tiny"));
    CHECK(embedded.sync.login == QStringLiteral("agent1"));

    const WorkstationOptions remote = setup({ QStringLiteral("--hub"), QStringLiteral("https://hub.example.com:8443"),
        QStringLiteral("--user"), QStringLiteral("anna"), QStringLiteral("--password"), QStringLiteral("secret") });
    CHECK(remote.backend == WorkstationOptions::Backend::RemoteHub);
    CHECK(remote.sync.baseUrl == QUrl(QStringLiteral("https://hub.example.com:8443")));
    CHECK(remote.sync.login == QStringLiteral("anna"));
    CHECK(remote.sync.password == QStringLiteral("secret"));

    CHECK(setup({ QStringLiteral("--offline") }).backend == WorkstationOptions::Backend::Offline);
    CHECK(setup({ QStringLiteral("--screenshot"), QStringLiteral("x.png") }).backend
        == WorkstationOptions::Backend::Offline);
    CHECK(setup({ QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--hub"),
                    QStringLiteral("http://127.0.0.1:8080") })
              .backend
        == WorkstationOptions::Backend::RemoteHub);

    for (const QStringList& wrong : { QStringList { QStringLiteral("--hub"), QStringLiteral("hub.example.com") },
             QStringList { QStringLiteral("--hub"), QStringLiteral("ftp://hub.example.com") },
             QStringList { QStringLiteral("--hub"), QStringLiteral("http://h:1"), QStringLiteral("--offline") },
             QStringList { QStringLiteral("--user"), QStringLiteral(" ") } }) {
        INFO(wrong.join(QLatin1Char(' ')).toStdString());
        const CommandLine::Result parsed = CommandLine::parse(QStringList { QStringLiteral("unisono") } + wrong);
        CHECK(parsed.action == CommandLine::Action::Fail);
        CHECK(parsed.exitCode() == 2);
    }
}
