// The supervisor board on a real desk (Workstation: window, sync engine on
// its thread, SupervisorDesk) against the real unisono-hub running its
// traffic simulator fast. The boards are compared with the hub's own
// statistics endpoints; every wait is on a condition.
#include "CommandLine.h"
#include "CustomerCard.h"
#include "HubProcess.h"
#include "Launcher.h"
#include "MainWindow.h"
#include "SupervisorDesk.h"
#include "TestSupport.h"
#include "Workstation.h"
#include "store/Store.h"
#include "supervisor/AgentBoardFilter.h"
#include "supervisor/AgentBoardModel.h"
#include "supervisor/AgentBoardPanel.h"
#include "supervisor/AgentPerformanceModel.h"
#include "supervisor/AlertBanner.h"
#include "supervisor/AlertMonitor.h"
#include "supervisor/PerformancePanel.h"
#include "supervisor/QueueBoardModel.h"
#include "supervisor/ShiftCharts.h"
#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorFeed.h"
#include "supervisor/SupervisorSettings.h"
#include "supervisor/SupervisorView.h"
#include "supervisor/ThresholdsDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPieSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>

namespace {

constexpr int kTimeoutMs = 30000;

// The tiny demo centre (14 agents, 48 queues) with the simulator twenty
// times faster than life and twice as busy as the default.
QStringList simulatedCentre()
{
    return { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
        QStringLiteral("--simulate"), QStringLiteral("--sim-speed"), QStringLiteral("20"),
        QStringLiteral("--rate-calls"), QStringLiteral("240"), QStringLiteral("--rate-chats"),
        QStringLiteral("120"), QStringLiteral("--rate-social"), QStringLiteral("60"),
        QStringLiteral("--heartbeat-ms"), QStringLiteral("500") };
}

WorkstationOptions deskFor(const QString& login, const QUrl& hub)
{
    WorkstationOptions options;
    options.backend = WorkstationOptions::Backend::RemoteHub;
    options.sync.baseUrl = hub;
    options.sync.login = login;
    options.sync.password = login;
    options.sync.backoffMinMs = 200;
    options.sync.backoffMaxMs = 2000;
    options.sync.http.streamIdleTimeoutMs = 5000;
    return options;
}

// A supervisor's desk with the board open.
struct SupervisorDeskFixture
{
    SupervisorDeskFixture()
        : hub(dir.file(QStringLiteral("hub.db")), simulatedCentre())
        , store(dir.file(QStringLiteral("local.db")))
        , workstation(store, deskFor(QStringLiteral("supervisor"), hub.url(QString())))
    {
        workstation.window().show();
        workstation.start();
        SupervisorDesk* desk = workstation.supervisorDesk();
        REQUIRE(desk);
        REQUIRE(QTest::qWaitFor([desk] { return desk->isAllowed(); }, kTimeoutMs));
        // The entry is in the window's View menu, and it opens the board.
        auto* action = workstation.window().findChild<QAction*>(QStringLiteral("openSupervisorBoard"));
        REQUIRE(action);
        CHECK(action->isVisible());
        action->trigger();
        view = desk->view();
        REQUIRE(view);
        board = desk->board();
        REQUIRE(QTest::qWaitForWindowExposed(view));
        token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    }

    QueueStatsSnapshot hubQueueStats()
    {
        QJsonObject merged = hub.get(QStringLiteral("/api/v1/stats/queues"), token).json;
        const QJsonObject sites = hub.get(QStringLiteral("/api/v1/stats/sites"), token).json;
        const QJsonObject all = hub.get(QStringLiteral("/api/v1/stats/all"), token).json;
        merged.insert(QStringLiteral("sites"), sites.value(QStringLiteral("sites")));
        merged.insert(QStringLiteral("all"), all.value(QStringLiteral("all")));
        merged.insert(QStringLiteral("generatedAt"),
            std::max({ merged.value(QStringLiteral("generatedAt")).toInteger(),
                sites.value(QStringLiteral("generatedAt")).toInteger(),
                all.value(QStringLiteral("generatedAt")).toInteger() }));
        return QueueStatsSnapshot::fromJson(merged);
    }

    QHash<qint64, QJsonObject> hubAgents()
    {
        QHash<qint64, QJsonObject> agents;
        for (const QJsonValue& value :
            hub.get(QStringLiteral("/api/v1/agents"), token).json.value(QStringLiteral("agents")).toArray()) {
            if (value.toObject().value(QStringLiteral("role")).toString() == QLatin1String("agent"))
                agents.insert(value.toObject().value(QStringLiteral("id")).toInteger(), value.toObject());
        }
        return agents;
    }

    TestSupport::TempDir dir;
    HubProcess hub;
    Store store;
    Workstation workstation;
    SupervisorView* view = nullptr;
    SupervisorBoard* board = nullptr;
    QString token;
};

// The figures the queue board shows, apart from those that move with time alone.
bool sameFigures(const QueueStatsRow& a, const QueueStatsRow& b)
{
    return a.name == b.name && a.waiting == b.waiting && a.offered == b.offered && a.answered == b.answered
        && a.abandoned == b.abandoned && a.abandonedPct == b.abandonedPct
        && a.averageSpeedOfAnswer == b.averageSpeedOfAnswer && a.serviceLevelPct == b.serviceLevelPct
        && a.averageHandleTime == b.averageHandleTime && a.averageCsat == b.averageCsat
        && a.averageSentiment == b.averageSentiment;
}

bool sameAgent(const QJsonObject& hub, const AgentRecord& board)
{
    return hub.value(QStringLiteral("state")).toString() == board.state
        && hub.value(QStringLiteral("stateReason")).toString() == board.reason
        && hub.value(QStringLiteral("stateSince")).toInteger() == board.stateSince;
}

} // namespace

TEST_CASE("Supervisor board: the boards fill from the simulated centre and show what the hub's endpoints say",
    "[gui][supervisor]")
{
    SupervisorDeskFixture desk;
    QueueBoardModel& queues = desk.board->queues();
    AgentBoardModel& agents = desk.board->agents();
    QAbstractItemModelTester queueTester(&queues, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester agentTester(
        &desk.board->agentFilter(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Filled: 14 demo agents less the supervisors and the admin, 48 queues, 3 sites, all sites.
    REQUIRE(QTest::qWaitFor([&] { return queues.rowCount() == 52 && agents.rowCount() >= 10; }, kTimeoutMs));
    auto* queueTable = desk.view->findChild<QTableView*>(QStringLiteral("queueBoard"));
    auto* agentTable = desk.view->findChild<QTableView*>(QStringLiteral("agentBoard"));
    REQUIRE(queueTable);
    REQUIRE(agentTable);
    CHECK(queueTable->model()->rowCount() == 52);
    CHECK(agentTable->model()->rowCount() == agents.rowCount());
    CHECK(queueTable->model()->index(0, QueueBoardModel::Name).data().toString()
        == QStringLiteral("All sites"));
    // The simulator makes work: someone gets a contact and the offered counts grow.
    REQUIRE(QTest::qWaitFor(
        [&] { return queues.rowAt(queues.rowOf(QueueStatsRow::Kind::All, 0)).offered > 0; }, kTimeoutMs));
    REQUIRE(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < agents.rowCount(); ++row)
                if (agents.agentAt(row).interactionId != 0)
                    return true;
            return false;
        },
        kTimeoutMs));

    // Every row against the endpoints: read the hub, let the board take its
    // next update, read the hub again; a queue or site that held still across
    // the three must show exactly the hub's figures. The all-sites row moves
    // with every contact of the centre and rarely holds still: it must lie
    // between the two readings. All rows must add up to the queues they sum.
    QSet<qint64> queuesChecked;
    QSet<qint64> totalsChecked;
    QSet<qint64> agentsChecked;
    const auto between = [](const QueueStatsRow& low, const QueueStatsRow& board, const QueueStatsRow& high) {
        return low.offered <= board.offered && board.offered <= high.offered && low.answered <= board.answered
            && board.answered <= high.answered && low.abandoned <= board.abandoned
            && board.abandoned <= high.abandoned;
    };
    for (int round = 0; round < 40
         && (queuesChecked.size() < 48 || totalsChecked.size() < 4 || agentsChecked.size() < agents.rowCount());
         ++round) {
        const QueueStatsSnapshot before = desk.hubQueueStats();
        const QHash<qint64, QJsonObject> agentsBefore = desk.hubAgents();
        // The board's next update, if any comes: only rows that held still are compared below.
        static_cast<void>(QTest::qWaitFor(
            [&] { return desk.board->feed().queueStats().generatedAt >= before.generatedAt; }, 1500));
        static_cast<void>(QTest::qWaitFor(
            [&] {
                for (auto it = agentsBefore.cbegin(); it != agentsBefore.cend(); ++it) {
                    const int row = agents.rowOf(it.key());
                    if (row < 0 || !sameAgent(it.value(), agents.agentAt(row)))
                        return false;
                }
                return true;
            },
            1000));
        const QueueStatsSnapshot after = desk.hubQueueStats();
        const QHash<qint64, QJsonObject> agentsAfter = desk.hubAgents();
        for (const QueueStatsRow& hubRow : before.rows) {
            const QueueStatsRow* later = after.find(hubRow.kind, hubRow.id);
            const int row = queues.rowOf(hubRow.kind, hubRow.id);
            REQUIRE(row >= 0);
            REQUIRE(later);
            const bool boardIsNewer = desk.board->feed().queueStats().generatedAt >= before.generatedAt;
            if (hubRow.kind == QueueStatsRow::Kind::All) {
                if (boardIsNewer && between(hubRow, queues.rowAt(row), *later))
                    totalsChecked.insert(hubRow.key());
                continue;
            }
            if (hubRow.kind == QueueStatsRow::Kind::Site) {
                // A contact counts for its queue's site until an agent answers it, then for
                // the agent's site: a site's figures can fall, so only a site that held still counts.
                if (boardIsNewer && sameFigures(hubRow, *later) && sameFigures(hubRow, queues.rowAt(row)))
                    totalsChecked.insert(hubRow.key());
                continue;
            }
            if (!sameFigures(hubRow, *later) || !sameFigures(hubRow, queues.rowAt(row)))
                continue;
            queuesChecked.insert(hubRow.key());
            // What the cells say, too.
            CHECK(queues.index(row, QueueBoardModel::Offered).data().toLongLong() == hubRow.offered);
            CHECK(queues.index(row, QueueBoardModel::Waiting).data().toLongLong() == hubRow.waiting);
            CHECK(queues.index(row, QueueBoardModel::ServiceLevel).data().toString()
                == (hubRow.serviceLevelPct
                        ? QString::number(*hubRow.serviceLevelPct, 'f', 1) + QStringLiteral(" %")
                        : QString()));
        }
        for (auto it = agentsBefore.cbegin(); it != agentsBefore.cend(); ++it) {
            const int row = agents.rowOf(it.key());
            REQUIRE(row >= 0);
            if (it.value() != agentsAfter.value(it.key()) || !sameAgent(it.value(), agents.agentAt(row)))
                continue;
            agentsChecked.insert(it.key());
            CHECK(agents.index(row, AgentBoardModel::State).data(AgentBoardModel::StateKeyRole).toString()
                == it.value().value(QStringLiteral("state")).toString());
            CHECK(agents.index(row, AgentBoardModel::Agent).data().toString()
                == it.value().value(QStringLiteral("displayName")).toString());
        }
    }
    CHECK(queuesChecked.size() == 48);
    CHECK(totalsChecked.size() == 4);
    CHECK(agentsChecked.size() == agents.rowCount());
    // One snapshot on screen: all sites = the sites = the queues, contact for contact.
    QueueStatsRow sites, queueSum;
    for (int row = 0; row < queues.rowCount(); ++row) {
        QueueStatsRow& sum = queues.rowAt(row).kind == QueueStatsRow::Kind::Site ? sites : queueSum;
        if (queues.rowAt(row).kind == QueueStatsRow::Kind::All)
            continue;
        sum.offered += queues.rowAt(row).offered;
        sum.answered += queues.rowAt(row).answered;
        sum.waiting += queues.rowAt(row).waiting;
    }
    const QueueStatsRow& all = queues.rowAt(queues.rowOf(QueueStatsRow::Kind::All, 0));
    CHECK(all.offered == sites.offered);
    CHECK(all.offered == queueSum.offered);
    CHECK(all.answered == sites.answered);
    CHECK(all.waiting == queueSum.waiting);

    // Today's handled counts follow /stats/agents the same way.
    int handledChecked = 0;
    for (int round = 0; round < 20 && handledChecked == 0; ++round) {
        const QJsonArray before = desk.hub.get(QStringLiteral("/api/v1/stats/agents"), desk.token)
                                      .json.value(QStringLiteral("agents"))
                                      .toArray();
        static_cast<void>(QTest::qWaitFor(
            [&] {
                for (const QJsonValue& value : before) {
                    const int row = agents.rowOf(value[QStringLiteral("agentId")].toInteger());
                    if (row >= 0
                        && agents.agentAt(row).handled != value[QStringLiteral("handled")].toInteger())
                        return false;
                }
                return true;
            },
            1500));
        const QJsonArray after = desk.hub.get(QStringLiteral("/api/v1/stats/agents"), desk.token)
                                     .json.value(QStringLiteral("agents"))
                                     .toArray();
        for (int i = 0; i < before.size(); ++i) {
            const QJsonObject row = before.at(i).toObject();
            const int boardRow = agents.rowOf(row.value(QStringLiteral("agentId")).toInteger());
            if (boardRow < 0
                || row.value(QStringLiteral("handled"))
                    != after.at(i).toObject().value(QStringLiteral("handled")))
                continue;
            CHECK(agents.agentAt(boardRow).handled == row.value(QStringLiteral("handled")).toInteger());
            ++handledChecked;
        }
    }
    CHECK(handledChecked >= agents.rowCount() / 2);
}

TEST_CASE("Supervisor board: filters, drill-down to the customer, charts, performance and CSV export",
    "[gui][supervisor]")
{
    SupervisorDeskFixture desk;
    AgentBoardModel& agents = desk.board->agents();
    AgentBoardPanel* panel = desk.view->agentPanel();
    REQUIRE(QTest::qWaitFor([&] { return agents.rowCount() >= 10; }, kTimeoutMs));

    // Filter by state through the combo box: only agents in that state remain.
    auto* stateFilter = panel->findChild<QComboBox*>(QStringLiteral("stateFilter"));
    REQUIRE(stateFilter);
    stateFilter->setCurrentIndex(stateFilter->findData(QStringLiteral("ready")));
    QAbstractItemModel* shown = panel->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        CHECK(shown->index(row, 0).data(AgentBoardModel::StateKeyRole).toString() == QStringLiteral("ready"));
    stateFilter->setCurrentIndex(0);
    CHECK(shown->rowCount() == agents.rowCount());
    auto* siteFilter = panel->findChild<QComboBox*>(QStringLiteral("siteFilter"));
    REQUIRE(siteFilter);
    REQUIRE(QTest::qWaitFor([&] { return siteFilter->count() == 4; }, kTimeoutMs)); // every site + 3
    siteFilter->setCurrentIndex(1);
    CHECK(shown->rowCount() < agents.rowCount());
    for (int row = 0; row < shown->rowCount(); ++row)
        CHECK(shown->index(row, 0).data(AgentBoardModel::SiteIdRole) == siteFilter->currentData());
    siteFilter->setCurrentIndex(0);

    // Drill-down: an agent with a customer on the line; the card shows that customer.
    qint64 agentId = 0;
    qint64 customerId = 0;
    REQUIRE(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < agents.rowCount(); ++row) {
                if (agents.agentAt(row).interactionId != 0 && agents.agentAt(row).customerId != 0) {
                    agentId = agents.agentAt(row).id;
                    customerId = agents.agentAt(row).customerId;
                    return true;
                }
            }
            return false;
        },
        kTimeoutMs));
    REQUIRE(panel->selectAgent(agentId));
    CustomerCard* card = panel->card();
    // The agent may move on meanwhile: the card follows their customer of the moment.
    REQUIRE(QTest::qWaitFor(
        [&] {
            const int row = agents.rowOf(agentId);
            return card->customerId() != 0 && card->customerId() == agents.agentAt(row).customerId;
        },
        kTimeoutMs));
    const std::optional<Customer> customer = desk.store.customer(card->customerId());
    REQUIRE(customer);
    bool named = false;
    for (const QLabel* label : card->findChildren<QLabel*>())
        named = named || label->text() == customer->displayName;
    CHECK(named);

    // Charts: the shift's buckets are drawn.
    // The shift's trends are read again every second here (30 s in the desk): the first
    // reading may come before any contact of the window has a channel to count.
    desk.board->feed().setTrendsInterval(1000);
    REQUIRE(QTest::qWaitFor([&] { return desk.view->charts()->waitingSeries()->count() > 0; }, kTimeoutMs));
    CHECK(QTest::qWaitFor([&] { return desk.view->charts()->channelMix()->count() > 0; }, kTimeoutMs));

    // The performance report of today, per agent, then per team.
    desk.view->showPage(SupervisorView::Page::Performance);
    REQUIRE(QTest::qWaitFor([&] { return desk.board->performance().rowCount() > 0; }, kTimeoutMs));
    CHECK(desk.board->performance().rowCount() == agents.rowCount());
    auto* grouping = desk.view->findChild<QComboBox*>(QStringLiteral("groupingChooser"));
    REQUIRE(grouping);
    grouping->setCurrentIndex(1);
    CHECK(desk.board->performance().grouping() == AgentPerformanceModel::Grouping::Teams);
    CHECK(desk.board->performance().rowCount() > 0);
    auto* period = desk.view->findChild<QComboBox*>(QStringLiteral("periodChooser"));
    REQUIRE(period);
    QSignalSpy loaded(&desk.board->feed(), &SupervisorFeed::performanceLoaded);
    period->setCurrentIndex(3); // last 30 days: the demo's history
    REQUIRE(loaded.wait(kTimeoutMs));
    const PerformanceReport month = loaded.last().at(0).value<PerformanceReport>();
    CHECK(month.to - month.from > 29 * 86400);

    // CSV of the boards and of the report.
    QString error;
    const QString agentsCsv = desk.dir.file(QStringLiteral("agents.csv"));
    const QString queuesCsv = desk.dir.file(QStringLiteral("queues.csv"));
    const QString reportCsv = desk.dir.file(QStringLiteral("report.csv"));
    REQUIRE(desk.view->exportAgents(agentsCsv, &error));
    REQUIRE(desk.view->exportQueues(queuesCsv, &error));
    REQUIRE(desk.view->exportPerformance(reportCsv, &error));
    auto lines = [](const QString& path) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    };
    const QStringList queueLines = lines(queuesCsv);
    REQUIRE(queueLines.size() == 53);
    CHECK(queueLines.at(0).contains(QStringLiteral("Service level")));
    CHECK(queueLines.at(1).startsWith(QStringLiteral("All sites,")));
    CHECK(lines(agentsCsv).size() == agents.rowCount() + 1);
    CHECK(lines(reportCsv).first().contains(QStringLiteral("FCR")));
}

TEST_CASE("Supervisor board: alerts raise on crossed thresholds, clear when thresholds move, and thresholds "
          "are kept",
    "[gui][supervisor][alerts]")
{
    SupervisorDeskFixture desk;
    AlertMonitor& alerts = desk.board->alerts();
    REQUIRE(QTest::qWaitFor([&] { return desk.board->queues().rowCount() == 52; }, kTimeoutMs));

    // Thresholds that the simulated traffic will cross: any wait over 1 s,
    // any abandon, from the first contact.
    ThresholdsDialog dialog(*desk.board, desk.view);
    auto* longestWait = dialog.findChild<QSpinBox*>(QStringLiteral("longestWaitSeconds"));
    auto* minimum = dialog.findChild<QSpinBox*>(QStringLiteral("minimumContacts"));
    auto* notReady = dialog.findChild<QSpinBox*>(QStringLiteral("notReadyMinutes"));
    REQUIRE(longestWait);
    REQUIRE(minimum);
    REQUIRE(notReady);
    longestWait->setValue(1);
    minimum->setValue(1);
    notReady->setValue(1);
    dialog.save();
    CHECK(desk.board->agents().thresholds().notReadySeconds == 60);

    REQUIRE(QTest::qWaitFor([&] { return alerts.activeCount() > 0; }, kTimeoutMs));
    AlertBanner* banner = desk.view->banner();
    REQUIRE(QTest::qWaitFor([&] { return banner->isVisible(); }, kTimeoutMs));
    CHECK(banner->text().contains(QStringLiteral("alert")));
    auto* list = desk.view->findChild<QTableView*>(QStringLiteral("alertList"));
    REQUIRE(list);
    REQUIRE(list->model()->rowCount() > 0);
    CHECK(list->model()->index(0, AlertMonitor::Cleared).data().toString() == QStringLiteral("active"));
    CHECK(alerts.entryAt(0).raisedAt.isValid());

    // Thresholds no queue can cross: every alert clears, with its time, and stays listed.
    ThresholdsDialog relaxed(*desk.board, desk.view);
    relaxed.findChild<QSpinBox*>(QStringLiteral("longestWaitSeconds"))->setValue(86400);
    relaxed.findChild<QDoubleSpinBox*>(QStringLiteral("abandonedPct"))->setValue(100);
    relaxed.findChild<QDoubleSpinBox*>(QStringLiteral("socialNegativePct"))->setValue(100);
    relaxed.findChild<QSpinBox*>(QStringLiteral("minimumContacts"))->setValue(10000);
    relaxed.save();
    REQUIRE(QTest::qWaitFor([&] { return alerts.activeCount() == 0; }, kTimeoutMs));
    CHECK(!banner->isVisible());
    REQUIRE(alerts.rowCount() > 0);
    for (int row = 0; row < alerts.rowCount(); ++row) {
        CHECK(!alerts.entryAt(row).active());
        CHECK(alerts.entryAt(row).clearedAt >= alerts.entryAt(row).raisedAt);
    }

    // Kept: a new reading of the settings file has them.
    SupervisorSettings reread(desk.board->settings().fileName());
    CHECK(reread.defaultQueueThresholds().longestWaitSeconds == 86400);
    CHECK(reread.defaultQueueThresholds().minimumContacts == 10000);
    CHECK(reread.agentThresholds().notReadySeconds == 60);
}

TEST_CASE(
    "An agent's desk shows no supervisor entry, and the hub refuses the figures (403)", "[gui][supervisor]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.db")),
        { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
            QStringLiteral("--heartbeat-ms"), QStringLiteral("500") });
    Store store(dir.file(QStringLiteral("local.db")));
    Workstation workstation(store, deskFor(QStringLiteral("agent1"), hub.url(QString())));
    workstation.window().show();
    SupervisorDesk* desk = workstation.supervisorDesk();
    REQUIRE(desk);
    QSignalSpy decided(desk, &SupervisorDesk::accessDecided);
    workstation.start();
    REQUIRE(decided.wait(kTimeoutMs));
    CHECK(decided.first().at(0).toBool() == false);
    CHECK(!desk->isAllowed());
    CHECK(workstation.window().findChild<QAction*>(QStringLiteral("openSupervisorBoard")) == nullptr);
    CHECK(workstation.window().findChild<QMenu*>(QStringLiteral("viewMenu")) == nullptr);
    desk->open();
    CHECK(desk->view() == nullptr);

    const QString agent = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    for (const char* path : { "/api/v1/stats/queues", "/api/v1/stats/sites", "/api/v1/stats/all",
             "/api/v1/stats/agents", "/api/v1/stats/trends", "/api/v1/agents" })
        CHECK(hub.get(QString::fromLatin1(path), agent).status == 403);
}

TEST_CASE("The command line with only the supervisor user signs in with the demo hub's supervisor password",
    "[gui][supervisor][cli]")
{
    const CommandLine::Result parsed = CommandLine::parse(
        { QStringLiteral("unisono"), QStringLiteral("--user"), QStringLiteral("supervisor") });
    REQUIRE(parsed.action == CommandLine::Action::Run);
    const WorkstationOptions options = Launcher::workstationOptions(parsed.options);
    CHECK(options.backend == WorkstationOptions::Backend::LocalHub);
    CHECK(options.sync.login == QStringLiteral("supervisor"));
    CHECK(options.sync.password == QStringLiteral("supervisor"));
    // A password given is kept.
    const CommandLine::Result explicitPassword
        = CommandLine::parse({ QStringLiteral("unisono"), QStringLiteral("--user"),
            QStringLiteral("supervisor"), QStringLiteral("--password"), QStringLiteral("s3cret") });
    CHECK(explicitPassword.options.password == QStringLiteral("s3cret"));
}
