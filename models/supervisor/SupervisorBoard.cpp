#include "SupervisorBoard.h"

#include "AgentBoardFilter.h"
#include "AgentBoardModel.h"
#include "AgentPerformanceModel.h"
#include "AlertMonitor.h"
#include "CustomerDrillDown.h"
#include "GroupedSortProxy.h"
#include "QueueBoardModel.h"
#include "SupervisorFeed.h"
#include "SupervisorSettings.h"

SupervisorBoard::SupervisorBoard(
    SupervisorSource& source, SupervisorSettings& settings, Store* store, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_feed(new SupervisorFeed(source, this))
    , m_agents(new AgentBoardModel(this))
    , m_agentFilter(new AgentBoardFilter(*m_agents, this))
    , m_queues(new QueueBoardModel(this))
    , m_queueSort(new GroupedSortProxy(QueueBoardModel::KindRole, QueueBoardModel::SortRole, this))
    , m_alerts(new AlertMonitor(settings, this))
    , m_performance(new AgentPerformanceModel(this))
    , m_drillDown(new CustomerDrillDown(source, store, this))
{
    m_queueSort->setSourceModel(m_queues);
    m_agents->setThresholds(settings.agentThresholds());
    connect(m_feed, &SupervisorFeed::agentsLoaded, this, [this](const QList<AgentRecord>& agents) {
        m_agents->tick(m_feed->hubNow());
        m_agents->setAgents(agents);
    });
    connect(m_feed, &SupervisorFeed::agentsChanged, m_agents, &AgentBoardModel::updateAgents);
    connect(m_feed, &SupervisorFeed::queueStatsChanged, this, [this](const QueueStatsSnapshot& snapshot) {
        QHash<qint64, QString> sites;
        for (const QueueStatsRow& row : snapshot.rows) {
            if (row.kind == QueueStatsRow::Kind::Site)
                sites.insert(row.id, row.name);
        }
        m_agents->setSiteNames(sites);
        m_performance->setSiteNames(sites);
        m_queues->setSnapshot(snapshot);
        m_alerts->evaluate(snapshot, m_feed->hubNow());
    });
    connect(m_feed, &SupervisorFeed::performanceLoaded, m_performance, &AgentPerformanceModel::setReport);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SupervisorBoard::tick);
}

SupervisorBoard::~SupervisorBoard() = default;

void SupervisorBoard::start()
{
    m_feed->start();
    m_tick.start();
}

void SupervisorBoard::reloadSettings()
{
    m_agents->setThresholds(m_settings.agentThresholds());
    m_alerts->reloadThresholds();
}

void SupervisorBoard::tick()
{
    const qint64 now = m_feed->hubNow();
    if (now <= 0)
        return;
    m_agents->tick(now);
    m_queues->tick(now);
    m_alerts->tick(now);
}
