// The supervisor's models without a hub: a scripted source answers the
// feed's requests and sends its events, so batching, ordering, thresholds and
// the signals views rely on are checked exactly. Every model runs under
// QAbstractItemModelTester (Warning mode, warnings fail the test).
#include "CheckedModel.h"
#include "TestSupport.h"
#include "supervisor/AgentBoardFilter.h"
#include "supervisor/AgentBoardModel.h"
#include "supervisor/AgentPerformanceModel.h"
#include "supervisor/AlertMonitor.h"
#include "supervisor/CsvExport.h"
#include "supervisor/GroupedSortProxy.h"
#include "supervisor/HubClockEstimate.h"
#include "supervisor/QueueBoardModel.h"
#include "supervisor/SupervisorFeed.h"
#include "supervisor/SupervisorSettings.h"
#include "supervisor/SupervisorSource.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

// Answers GETs from a table of canned bodies, after the event loop turns
// (as a real transport would); events are sent by the test.
class ScriptedSource : public SupervisorSource
{
public:
    QHash<QString, QJsonObject> bodies;
    QHash<QString, int> statuses;
    QStringList asked;

    void get(const QString& pathAndQuery, QObject* context, Done done) override
    {
        asked << pathAndQuery;
        const QString path = pathAndQuery.section(QLatin1Char('?'), 0, 0);
        SupervisorReply reply;
        reply.status = statuses.value(path, 200);
        reply.json = QJsonDocument(bodies.value(path));
        QMetaObject::invokeMethod(
            context, [done, reply] { done(reply); }, Qt::QueuedConnection);
    }
    void send(const QString& type, const QJsonObject& data) { Q_EMIT liveEvent(type, data); }
};

QJsonObject agentJson(qint64 id, const QString& name, qint64 site, const QString& team, const QString& skills,
    const QString& state, qint64 since)
{
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("displayName"), name },
        { QStringLiteral("login"), name.toLower() }, { QStringLiteral("role"), QStringLiteral("agent") },
        { QStringLiteral("siteId"), site }, { QStringLiteral("team"), team },
        { QStringLiteral("skills"), skills }, { QStringLiteral("state"), state },
        { QStringLiteral("stateReason"), QJsonValue() }, { QStringLiteral("stateSince"), since } };
}

QJsonObject queueJson(qint64 id, const QString& name, const QString& channel, qint64 waiting, double sl)
{
    return QJsonObject { { QStringLiteral("queueId"), id }, { QStringLiteral("name"), name },
        { QStringLiteral("channel"), channel }, { QStringLiteral("siteId"), 1 },
        { QStringLiteral("serviceLevelTargetPct"), 80 }, { QStringLiteral("serviceLevelSeconds"), 20 },
        { QStringLiteral("waiting"), waiting }, { QStringLiteral("longestWaitSeconds"), waiting ? 30 : 0 },
        { QStringLiteral("offered"), 20 }, { QStringLiteral("answered"), 18 },
        { QStringLiteral("abandoned"), 2 }, { QStringLiteral("abandonedPct"), 10.0 },
        { QStringLiteral("serviceLevelDenominator"), 20 }, { QStringLiteral("serviceLevelPct"), sl },
        { QStringLiteral("recentSentimentCount"), 0 },
        { QStringLiteral("recentNegativePct"), QJsonValue() } };
}

// A centre of three agents and two queues at hub time 10,000.
void script(ScriptedSource& source)
{
    source.bodies.insert(QStringLiteral("/api/v1/agents"),
        QJsonObject { { QStringLiteral("agents"),
            QJsonArray {
                agentJson(1, QStringLiteral("Anna"), 1, QStringLiteral("Milano 1"),
                    QStringLiteral("billing,voice"), QStringLiteral("ready"), 9000),
                agentJson(2, QStringLiteral("Bruno"), 2, QStringLiteral("Napoli 1"), QStringLiteral("sales"),
                    QStringLiteral("not_ready"), 9500),
                agentJson(3, QStringLiteral("Carla"), 1, QStringLiteral("Milano 1"),
                    QStringLiteral("sales,chat"), QStringLiteral("busy"), 9900),
                QJsonObject { { QStringLiteral("id"), 4 },
                    { QStringLiteral("displayName"), QStringLiteral("Boss") },
                    { QStringLiteral("role"), QStringLiteral("supervisor") } },
            } } });
    source.bodies.insert(QStringLiteral("/api/v1/stats/agents"),
        QJsonObject { { QStringLiteral("generatedAt"), 10000 },
            { QStringLiteral("agents"),
                QJsonArray { QJsonObject { { QStringLiteral("agentId"), 3 }, { QStringLiteral("handled"), 4 },
                    { QStringLiteral("averageHandleTime"), 300.0 }, { QStringLiteral("averageCsat"), 4.5 },
                    { QStringLiteral("current"),
                        QJsonObject { { QStringLiteral("interactionId"), 77 },
                            { QStringLiteral("channel"), QStringLiteral("chat") },
                            { QStringLiteral("status"), QStringLiteral("active") },
                            { QStringLiteral("customerId"), 5 },
                            { QStringLiteral("customerName"), QStringLiteral("Giulia Bianchi") },
                            { QStringLiteral("offeredAt"), 9890 },
                            { QStringLiteral("answeredAt"), 9900 } } } } } } });
    source.bodies.insert(QStringLiteral("/api/v1/stats/queues"),
        QJsonObject { { QStringLiteral("generatedAt"), 10000 },
            { QStringLiteral("queues"),
                QJsonArray {
                    queueJson(1, QStringLiteral("IT Voice Billing"), QStringLiteral("voice"), 2, 85.0),
                    queueJson(2, QStringLiteral("IT Social"), QStringLiteral("social"), 0, 95.0) } } });
    source.bodies.insert(QStringLiteral("/api/v1/stats/sites"),
        QJsonObject { { QStringLiteral("generatedAt"), 10000 },
            { QStringLiteral("sites"),
                QJsonArray { QJsonObject { { QStringLiteral("siteId"), 1 },
                                 { QStringLiteral("name"), QStringLiteral("Milano") } },
                    QJsonObject { { QStringLiteral("siteId"), 2 },
                        { QStringLiteral("name"), QStringLiteral("Napoli") } } } } });
    source.bodies.insert(QStringLiteral("/api/v1/stats/all"),
        QJsonObject { { QStringLiteral("generatedAt"), 10000 },
            { QStringLiteral("all"), queueJson(0, {}, {}, 2, 88.0) } });
    source.bodies.insert(QStringLiteral("/api/v1/stats/trends"),
        QJsonObject { { QStringLiteral("generatedAt"), 10000 }, { QStringLiteral("bucketSeconds"), 1800 },
            { QStringLiteral("buckets"), QJsonArray {} } });
}

QJsonObject stateEvent(qint64 agentId, const QString& state, qint64 since, const QString& reason = QString())
{
    return QJsonObject { { QStringLiteral("agentId"), agentId }, { QStringLiteral("state"), state },
        { QStringLiteral("reason"), reason }, { QStringLiteral("since"), since } };
}

AgentRecord agent(qint64 id, const QString& name, const QString& state, qint64 since)
{
    AgentRecord record;
    record.id = id;
    record.name = name;
    record.role = QStringLiteral("agent");
    record.siteId = id % 2 ? 1 : 2;
    record.team = id % 2 ? QStringLiteral("Milano 1") : QStringLiteral("Napoli 1");
    record.skills = { QStringLiteral("billing") };
    record.state = state;
    record.stateSince = since;
    return record;
}

} // namespace

TEST_CASE("Agent board: a batch repaints only the agents in it and only the columns that changed",
    "[supervisor][models]")
{
    AgentBoardModel board;
    TestSupport::CheckedModel tested(&board);
    board.setAgents({ agent(1, QStringLiteral("Anna"), QStringLiteral("ready"), 100),
        agent(2, QStringLiteral("Bruno"), QStringLiteral("ready"), 100),
        agent(3, QStringLiteral("Carla"), QStringLiteral("ready"), 100) });
    REQUIRE(board.rowCount() == 3);
    QSignalSpy changed(&board, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&board, &QAbstractItemModel::modelReset);

    AgentRecord bruno = board.agentAt(board.rowOf(2));
    bruno.state = QStringLiteral("not_ready");
    bruno.reason = QStringLiteral("lunch");
    bruno.stateSince = 200;
    board.updateAgents({ bruno, board.agentAt(board.rowOf(3)) }); // Carla unchanged
    REQUIRE(changed.count() == 1);
    const QModelIndex from = changed.at(0).at(0).toModelIndex();
    const QModelIndex to = changed.at(0).at(1).toModelIndex();
    CHECK(from.row() == board.rowOf(2));
    CHECK(to.row() == board.rowOf(2));
    CHECK(from.column() == AgentBoardModel::State);
    CHECK(to.column() == AgentBoardModel::TimeInState);
    CHECK(board.index(board.rowOf(2), AgentBoardModel::State).data().toString()
        == QStringLiteral("Not ready · lunch"));

    // A snapshot with a new agent and one gone: rows move, nothing resets.
    board.setAgents({ bruno, agent(3, QStringLiteral("Carla"), QStringLiteral("ready"), 100),
        agent(4, QStringLiteral("Dario"), QStringLiteral("busy"), 150) });
    CHECK(board.rowCount() == 3);
    CHECK(board.rowOf(1) == -1);
    CHECK(board.index(board.rowOf(4), AgentBoardModel::Agent).data().toString() == QStringLiteral("Dario"));
    CHECK(reset.isEmpty());
}

TEST_CASE("Agent board: time in state ticks with one display-only signal per column, thresholds flag rows",
    "[supervisor][models]")
{
    AgentBoardModel board;
    TestSupport::CheckedModel tested(&board);
    AgentThresholds thresholds;
    thresholds.notReadySeconds = 600;
    thresholds.afterCallWorkSeconds = 60;
    board.setThresholds(thresholds);
    board.setAgents({ agent(1, QStringLiteral("Anna"), QStringLiteral("not_ready"), 1000),
        agent(2, QStringLiteral("Bruno"), QStringLiteral("after_call_work"), 1500),
        agent(3, QStringLiteral("Carla"), QStringLiteral("ready"), 100) });
    QSignalSpy changed(&board, &QAbstractItemModel::dataChanged);
    board.tick(1550);
    // Time in state and duration, every row, display only; nobody over yet.
    REQUIRE(changed.count() == 2);
    CHECK(changed.at(0).at(2).value<QList<int>>() == QList<int> { Qt::DisplayRole });
    CHECK(changed.at(0).at(0).toModelIndex().column() == AgentBoardModel::TimeInState);
    CHECK(board.index(board.rowOf(1), AgentBoardModel::TimeInState).data().toString()
        == QStringLiteral("9:10"));
    CHECK(board.overThresholdCount() == 0);

    changed.clear();
    board.tick(1561); // Bruno: 61 s of after-call work
    REQUIRE(changed.count() == 3);
    CHECK(changed.at(2).at(0).toModelIndex().row() == board.rowOf(2));
    CHECK(board.index(board.rowOf(2), 0).data(AgentBoardModel::OverThresholdRole).toBool());
    CHECK(board.index(board.rowOf(2), 0).data(Qt::BackgroundRole).isValid());
    board.tick(1601); // Anna: 601 s not ready
    CHECK(board.overThresholdCount() == 2);

    // Raising the threshold clears the flags at once.
    thresholds.notReadySeconds = 3600;
    thresholds.afterCallWorkSeconds = 3600;
    board.setThresholds(thresholds);
    CHECK(board.overThresholdCount() == 0);
}

TEST_CASE("Agent board filter: by site, team, state, skill and over-threshold, sorted by stable keys",
    "[supervisor][models]")
{
    AgentBoardModel board;
    AgentBoardFilter filter(board);
    TestSupport::CheckedModel tested(&filter);
    AgentRecord anna = agent(1, QStringLiteral("Anna"), QStringLiteral("ready"), 100);
    anna.skills = { QStringLiteral("billing"), QStringLiteral("voice") };
    AgentRecord bruno = agent(2, QStringLiteral("Bruno"), QStringLiteral("not_ready"), 50);
    bruno.skills = { QStringLiteral("sales") };
    AgentRecord carla = agent(3, QStringLiteral("Carla"), QStringLiteral("not_ready"), 900);
    carla.skills = { QStringLiteral("sales"), QStringLiteral("voice") };
    board.setAgents({ anna, bruno, carla });
    board.tick(1000);
    CHECK(board.teams() == QStringList { QStringLiteral("Milano 1"), QStringLiteral("Napoli 1") });
    CHECK(board.skills()
        == QStringList { QStringLiteral("billing"), QStringLiteral("sales"), QStringLiteral("voice") });

    filter.setSite(1);
    CHECK(filter.rowCount() == 2);
    filter.setState(QStringLiteral("not_ready"));
    REQUIRE(filter.rowCount() == 1);
    CHECK(filter.index(0, AgentBoardModel::Agent).data().toString() == QStringLiteral("Carla"));
    filter.setSite(0);
    filter.setSkill(QStringLiteral("sales"));
    CHECK(filter.rowCount() == 2);
    filter.setTeam(QStringLiteral("Napoli 1"));
    CHECK(filter.rowCount() == 1);
    filter.setTeam(QString());
    filter.setState(QString());
    filter.setSkill(QString());

    // Longest in state first; a tick does not re-sort (starts do not move).
    filter.sort(AgentBoardModel::TimeInState, Qt::DescendingOrder);
    CHECK(filter.index(0, AgentBoardModel::Agent).data().toString() == QStringLiteral("Bruno"));
    QSignalSpy layout(&filter, &QAbstractItemModel::layoutChanged);
    board.tick(1001);
    CHECK(layout.isEmpty());

    AgentThresholds thresholds;
    thresholds.notReadySeconds = 500;
    board.setThresholds(thresholds);
    filter.setOverThresholdOnly(true);
    REQUIRE(filter.rowCount() == 1);
    CHECK(filter.index(0, AgentBoardModel::Agent).data().toString() == QStringLiteral("Bruno"));
}

TEST_CASE("Feed: snapshot first, then events in batches of at most ten a second, older events are ignored",
    "[supervisor][feed]")
{
    ScriptedSource source;
    script(source);
    SupervisorFeed feed(source);
    QSignalSpy loaded(&feed, &SupervisorFeed::agentsLoaded);
    QSignalSpy changed(&feed, &SupervisorFeed::agentsChanged);
    QSignalSpy queues(&feed, &SupervisorFeed::queueStatsChanged);
    feed.start();
    REQUIRE(QTest::qWaitFor([&] { return feed.isLoaded(); }));
    REQUIRE(loaded.count() == 1);
    const auto agents = loaded.at(0).at(0).value<QList<AgentRecord>>();
    REQUIRE(agents.size() == 3); // the supervisor is not on the board
    CHECK(feed.agents().value(3).customerName == QStringLiteral("Giulia Bianchi"));
    CHECK(feed.agents().value(3).interactionSince == 9900);
    CHECK(feed.hubNow() >= 10000);
    REQUIRE(queues.count() == 1);
    CHECK(feed.queueStats().rows.size() == 5); // all, two sites, two queues
    CHECK(feed.siteName(2) == QStringLiteral("Napoli"));

    // An event from before the snapshot's state is ignored.
    changed.clear();
    source.send(QStringLiteral("agent_state"), stateEvent(2, QStringLiteral("ready"), 9400));
    QTest::qWait(150);
    CHECK(changed.isEmpty());
    CHECK(feed.agents().value(2).state == QStringLiteral("not_ready"));

    // A storm: 600 changes over about a second come out as a handful of batches.
    QElapsedTimer timer;
    timer.start();
    int sent = 0;
    while (timer.elapsed() < 1000) {
        source.send(QStringLiteral("agent_state"),
            stateEvent(
                1 + sent % 3, sent % 2 ? QStringLiteral("busy") : QStringLiteral("ready"), 10000 + sent));
        ++sent;
        QTest::qWait(1);
    }
    REQUIRE(QTest::qWaitFor(
        [&] { return feed.agents().value(1 + (sent - 1) % 3).stateSince == 10000 + sent - 1; }));
    QTest::qWait(150);
    INFO(sent << " events in " << changed.count() << " batches");
    CHECK(sent > 100);
    CHECK(changed.count() <= 13);
    CHECK(changed.count() >= 2);
    // The last batch carries each agent as it is now.
    const auto last = changed.last().at(0).value<QList<AgentRecord>>();
    for (const AgentRecord& record : last)
        CHECK(record == feed.agents().value(record.id));
}

TEST_CASE("Feed: events that arrive during a reload are applied after its snapshot", "[supervisor][feed]")
{
    ScriptedSource source;
    script(source);
    SupervisorFeed feed(source);
    feed.start();
    // Before the snapshot answers: kept, then applied on top of it.
    source.send(QStringLiteral("agent_state"),
        stateEvent(1, QStringLiteral("not_ready"), 10010, QStringLiteral("break")));
    REQUIRE(QTest::qWaitFor([&] { return feed.isLoaded(); }));
    REQUIRE(QTest::qWaitFor([&] { return feed.agents().value(1).state == QStringLiteral("not_ready"); }));
    CHECK(feed.agents().value(1).reason == QStringLiteral("break"));

    // The live interaction follows agent_stats; a queue_stats event replaces the figures.
    source.send(QStringLiteral("agent_stats"),
        QJsonObject { { QStringLiteral("generatedAt"), 10020 },
            { QStringLiteral("agents"),
                QJsonArray { QJsonObject { { QStringLiteral("agentId"), 3 }, { QStringLiteral("handled"), 5 },
                    { QStringLiteral("current"), QJsonValue() } } } } });
    source.send(QStringLiteral("queue_stats"),
        QJsonObject { { QStringLiteral("generatedAt"), 10020 },
            { QStringLiteral("queues"),
                QJsonArray {
                    queueJson(1, QStringLiteral("IT Voice Billing"), QStringLiteral("voice"), 0, 70.0) } },
            { QStringLiteral("sites"), QJsonArray {} },
            { QStringLiteral("all"), queueJson(0, {}, {}, 0, 70.0) } });
    REQUIRE(QTest::qWaitFor([&] { return feed.agents().value(3).handled == 5; }));
    CHECK(feed.agents().value(3).interactionId == 0);
    REQUIRE(QTest::qWaitFor([&] { return feed.queueStats().generatedAt == 10020; }));
    CHECK(*feed.queueStats().find(QueueStatsRow::Kind::Queue, 1)->serviceLevelPct == Approx(70.0));

    // The stream reopened: everything is read again.
    const int asked = int(source.asked.size());
    Q_EMIT source.streamOpened();
    REQUIRE(QTest::qWaitFor([&] { return source.asked.size() >= asked + 5; }));
}

TEST_CASE("Feed: a 403 from the backend says the account may not see the board", "[supervisor][feed]")
{
    ScriptedSource source;
    script(source);
    source.statuses.insert(QStringLiteral("/api/v1/stats/agents"), 403);
    source.statuses.insert(QStringLiteral("/api/v1/stats/queues"), 403);
    source.statuses.insert(QStringLiteral("/api/v1/stats/sites"), 403);
    source.statuses.insert(QStringLiteral("/api/v1/stats/all"), 403);
    source.statuses.insert(QStringLiteral("/api/v1/agents"), 403);
    SupervisorFeed feed(source);
    QSignalSpy denied(&feed, &SupervisorFeed::accessDenied);
    feed.start();
    REQUIRE(denied.wait(2000));
    CHECK(!feed.isLoaded());
}

TEST_CASE("Queue board: all sites, sites and queues, a new snapshot signals only what changed",
    "[supervisor][models]")
{
    QueueBoardModel board;
    GroupedSortProxy sorted(QueueBoardModel::KindRole, QueueBoardModel::SortRole);
    sorted.setSourceModel(&board);
    TestSupport::CheckedModel tested(&board);
    TestSupport::CheckedModel testedProxy(&sorted);
    QJsonObject object { { QStringLiteral("generatedAt"), 500 },
        { QStringLiteral("queues"),
            QJsonArray { queueJson(1, QStringLiteral("IT Voice Billing"), QStringLiteral("voice"), 2, 70.0),
                queueJson(2, QStringLiteral("IT Social"), QStringLiteral("social"), 0, 95.0) } },
        { QStringLiteral("sites"),
            QJsonArray { QJsonObject {
                { QStringLiteral("siteId"), 1 }, { QStringLiteral("name"), QStringLiteral("Milano") } } } },
        { QStringLiteral("all"), queueJson(0, {}, {}, 2, 80.0) } };
    board.setSnapshot(QueueStatsSnapshot::fromJson(object));
    REQUIRE(board.rowCount() == 4);
    CHECK(board.index(0, QueueBoardModel::Name).data().toString() == QStringLiteral("All sites"));
    const int voice = board.rowOf(QueueStatsRow::Kind::Queue, 1);
    CHECK(board.index(voice, QueueBoardModel::ServiceLevel).data().toString() == QStringLiteral("70.0 %"));
    CHECK(board.index(voice, 0).data(QueueBoardModel::BelowTargetRole).toBool());
    CHECK(board.index(voice, QueueBoardModel::Target).data().toString() == QStringLiteral("80 % in 20 s"));
    CHECK(board.index(voice, QueueBoardModel::LongestWait).data().toString() == QStringLiteral("0:30"));

    // Sorted by waiting, descending: the all-sites and site rows stay on top.
    sorted.sort(QueueBoardModel::Waiting, Qt::DescendingOrder);
    CHECK(sorted.index(0, QueueBoardModel::Name).data().toString() == QStringLiteral("All sites"));
    CHECK(sorted.index(1, QueueBoardModel::Name).data().toString() == QStringLiteral("Milano"));
    CHECK(sorted.index(2, QueueBoardModel::Name).data().toString() == QStringLiteral("IT Voice Billing"));

    // The longest wait ticks for the rows with someone waiting.
    QSignalSpy changed(&board, &QAbstractItemModel::dataChanged);
    board.tick(510);
    CHECK(changed.count() == 2); // all sites and the voice queue
    CHECK(board.index(voice, QueueBoardModel::LongestWait).data().toString() == QStringLiteral("0:40"));

    // Only the social queue's figures move.
    changed.clear();
    QJsonArray queues = object.value(QStringLiteral("queues")).toArray();
    QJsonObject social = queues.at(1).toObject();
    social.insert(QStringLiteral("offered"), 21);
    queues.replace(1, social);
    object.insert(QStringLiteral("queues"), queues);
    board.setSnapshot(QueueStatsSnapshot::fromJson(object));
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).toModelIndex().row() == board.rowOf(QueueStatsRow::Kind::Queue, 2));
    CHECK(changed.at(0).at(0).toModelIndex().column() == QueueBoardModel::Offered);
}

TEST_CASE(
    "Alerts: raised and cleared with their times when a queue crosses its thresholds, thresholds are kept",
    "[supervisor][alerts]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("supervisor.ini"));
    {
        SupervisorSettings settings(path);
        QueueAlertThresholds defaults;
        defaults.longestWaitSeconds = 60;
        defaults.abandonedPct = 15;
        defaults.minimumContacts = 5;
        settings.setDefaultQueueThresholds(defaults);
        QueueAlertThresholds social = defaults;
        social.socialNegativePct = 30;
        settings.setQueueThresholds(2, social);
        AgentThresholds agents;
        agents.notReadySeconds = 300;
        settings.setAgentThresholds(agents);
        settings.sync();
    }
    SupervisorSettings settings(path);
    CHECK(settings.agentThresholds().notReadySeconds == 300);
    CHECK(settings.queueThresholds(2).socialNegativePct == Approx(30));
    CHECK(settings.queueThresholds(1).socialNegativePct == Approx(QueueAlertThresholds().socialNegativePct));
    CHECK(!settings.hasQueueOverride(1));

    AlertMonitor alerts(settings);
    TestSupport::CheckedModel tested(&alerts);
    QDateTime clock = QDateTime(QDate(2024, 5, 6), QTime(9, 0));
    alerts.setClock([&clock] { return clock; });
    QSignalSpy active(&alerts, &AlertMonitor::activeChanged);

    QJsonObject voice = queueJson(1, QStringLiteral("IT Voice Billing"), QStringLiteral("voice"), 1, 85.0);
    QJsonObject social = queueJson(2, QStringLiteral("IT Social"), QStringLiteral("social"), 0, 95.0);
    auto snapshot = [&](qint64 at) {
        return QueueStatsSnapshot::fromJson(QJsonObject { { QStringLiteral("generatedAt"), at },
            { QStringLiteral("queues"), QJsonArray { voice, social } } });
    };
    alerts.evaluate(snapshot(1000), 1000);
    CHECK(alerts.rowCount() == 0); // 30 s wait, 10 % abandoned, 85 % against 80 %

    // The wait grows past a minute between snapshots: raised on a tick.
    clock = clock.addSecs(40);
    alerts.tick(1031);
    REQUIRE(alerts.rowCount() == 1);
    CHECK(alerts.entryAt(0).kind == AlertMonitor::Kind::LongestWait);
    CHECK(alerts.entryAt(0).raisedAt == clock);
    CHECK(alerts.activeCount() == 1);
    REQUIRE(active.count() == 1);
    CHECK(active.at(0).at(1).toString().contains(QStringLiteral("IT Voice Billing")));

    // Service level drops under target, abandonment rises, social turns negative.
    voice.insert(QStringLiteral("serviceLevelPct"), 60.0);
    voice.insert(QStringLiteral("abandonedPct"), 20.0);
    voice.insert(QStringLiteral("longestWaitSeconds"), 90);
    social.insert(QStringLiteral("recentSentimentCount"), 5);
    social.insert(QStringLiteral("recentNegativePct"), 40.0);
    clock = clock.addSecs(10);
    alerts.evaluate(snapshot(1040), 1040);
    CHECK(alerts.activeCount() == 4);
    CHECK(alerts.entryAt(0).queueId == 2); // newest first
    CHECK(alerts.entryAt(0).kind == AlertMonitor::Kind::SocialSentiment);

    // Everything recovers: cleared, with the time, and kept in the list.
    voice = queueJson(1, QStringLiteral("IT Voice Billing"), QStringLiteral("voice"), 0, 90.0);
    social = queueJson(2, QStringLiteral("IT Social"), QStringLiteral("social"), 0, 95.0);
    clock = clock.addSecs(60);
    alerts.evaluate(snapshot(1100), 1100);
    CHECK(alerts.activeCount() == 0);
    CHECK(alerts.rowCount() == 4);
    for (int row = 0; row < alerts.rowCount(); ++row) {
        CHECK(alerts.entryAt(row).clearedAt == clock);
        CHECK(alerts.index(row, AlertMonitor::Cleared).data().toString() != QStringLiteral("active"));
    }
    CHECK(active.last().at(0).toInt() == 0);
}

TEST_CASE("Performance model: agents or teams of a report", "[supervisor][models]")
{
    AgentPerformanceModel model;
    TestSupport::CheckedModel tested(&model);
    const PerformanceReport report = PerformanceReport::fromJson(QJsonObject {
        { QStringLiteral("windowStart"), 100 }, { QStringLiteral("windowEnd"), 200 },
        { QStringLiteral("agents"),
            QJsonArray {
                QJsonObject { { QStringLiteral("agentId"), 1 },
                    { QStringLiteral("displayName"), QStringLiteral("Anna") },
                    { QStringLiteral("role"), QStringLiteral("agent") },
                    { QStringLiteral("team"), QStringLiteral("T1") }, { QStringLiteral("handled"), 12 },
                    { QStringLiteral("averageHandleTime"), 310.0 },
                    { QStringLiteral("firstContactResolutionPct"), 75.0 },
                    { QStringLiteral("averageCsat"), 4.25 }, { QStringLiteral("averageSentiment"), 0.3 } },
                QJsonObject { { QStringLiteral("agentId"), 9 },
                    { QStringLiteral("displayName"), QStringLiteral("Boss") },
                    { QStringLiteral("role"), QStringLiteral("supervisor") } } } },
        { QStringLiteral("teams"),
            QJsonArray { QJsonObject { { QStringLiteral("team"), QStringLiteral("T1") },
                { QStringLiteral("agents"), 8 }, { QStringLiteral("handled"), 40 } } } } });
    model.setReport(report);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, AgentPerformanceModel::Handled).data().toInt() == 12);
    CHECK(
        model.index(0, AgentPerformanceModel::AverageHandleTime).data().toString() == QStringLiteral("5:10"));
    CHECK(model.index(0, AgentPerformanceModel::FirstContactResolution).data().toString()
        == QStringLiteral("75.0 %"));
    model.setGrouping(AgentPerformanceModel::Grouping::Teams);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, AgentPerformanceModel::Name).data().toString() == QStringLiteral("T1"));
    CHECK(model.index(0, AgentPerformanceModel::Agents).data().toInt() == 8);
}

TEST_CASE(
    "CSV export quotes what needs quoting and defuses formulas, not negative numbers", "[supervisor][csv]")
{
    CHECK(CsvExport::field(QStringLiteral("plain")) == QStringLiteral("plain"));
    CHECK(CsvExport::field(QStringLiteral("Rossi, Mario")) == QStringLiteral("\"Rossi, Mario\""));
    CHECK(CsvExport::field(QStringLiteral("say \"hi\"")) == QStringLiteral("\"say \"\"hi\"\"\""));
    CHECK(CsvExport::field(QStringLiteral("=HYPERLINK(\"x\")"))
        == QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
    CHECK(CsvExport::field(QStringLiteral("@handle")) == QStringLiteral("'@handle"));
    CHECK(CsvExport::field(QStringLiteral("-0.25")) == QStringLiteral("-0.25"));
    CHECK(CsvExport::field(12) == QStringLiteral("12"));

    AgentBoardModel board;
    board.setAgents({ agent(1, QStringLiteral("Rossi, Anna"), QStringLiteral("ready"), 100) });
    const QStringList lines = CsvExport::toCsv(board).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines.at(0).startsWith(QStringLiteral("Agent,Site,Team,Skills,State")));
    CHECK(lines.at(1).startsWith(QStringLiteral("\"Rossi, Anna\",,Milano 1,billing,Ready")));

    TestSupport::TempDir dir;
    QString error;
    REQUIRE(CsvExport::writeFile(board, dir.file(QStringLiteral("board.csv")), &error));
    QFile file(dir.file(QStringLiteral("board.csv")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().startsWith("\xEF\xBB\xBF"
                                    "Agent,"));
    CHECK(!CsvExport::writeFile(board, dir.file(QStringLiteral("missing/board.csv")), &error));
    CHECK(error.contains(QStringLiteral("missing/board.csv")));
}

TEST_CASE("Hub clock estimate follows the hub's stamps and never goes back", "[supervisor][clock]")
{
    HubClockEstimate clock;
    CHECK(clock.now() == 0);
    clock.observe(5000);
    CHECK(clock.now() >= 5000);
    clock.observe(4990); // a late, older stamp
    CHECK(clock.now() >= 5000);
}
