#pragma once

#include <QObject>
#include <QTimer>

class AgentBoardFilter;
class AgentBoardModel;
class AgentPerformanceModel;
class AlertMonitor;
class CustomerDrillDown;
class GroupedSortProxy;
class QueueBoardModel;
class Store;
class SupervisorFeed;
class SupervisorSettings;
class SupervisorSource;

// Everything behind the supervisor view, wired once: the feed from the
// backend, the agent board (and its filters), the queue board, the alert
// monitor, the performance report and the customer drill-down, with their
// thresholds from the settings and a once-a-second tick for the times that
// run. The view only shows these models; tests and the bench drive the
// same object.
class SupervisorBoard : public QObject
{
    Q_OBJECT
public:
    // store may be null; settings must outlive the board.
    SupervisorBoard(
        SupervisorSource& source, SupervisorSettings& settings, Store* store, QObject* parent = nullptr);
    ~SupervisorBoard() override;

    void start();
    // Thresholds were edited in the settings: boards and alerts follow.
    void reloadSettings();

    SupervisorFeed& feed() { return *m_feed; }
    SupervisorSettings& settings() { return m_settings; }
    AgentBoardModel& agents() { return *m_agents; }
    AgentBoardFilter& agentFilter() { return *m_agentFilter; }
    QueueBoardModel& queues() { return *m_queues; }
    GroupedSortProxy& queueSort() { return *m_queueSort; }
    AlertMonitor& alerts() { return *m_alerts; }
    AgentPerformanceModel& performance() { return *m_performance; }
    CustomerDrillDown& drillDown() { return *m_drillDown; }

private:
    void tick();

    SupervisorSettings& m_settings;
    SupervisorFeed* m_feed;
    AgentBoardModel* m_agents;
    AgentBoardFilter* m_agentFilter;
    QueueBoardModel* m_queues;
    GroupedSortProxy* m_queueSort;
    AlertMonitor* m_alerts;
    AgentPerformanceModel* m_performance;
    CustomerDrillDown* m_drillDown;
    QTimer m_tick;
};
