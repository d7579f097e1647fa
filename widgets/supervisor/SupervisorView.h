#pragma once

#include <QWidget>

class AgentBoardPanel;
class AlertBanner;
class PerformancePanel;
class QLabel;
class QTabWidget;
class QTableView;
class ShiftCharts;
class SupervisorBoard;

// The supervisor's window on the whole centre: the alert banner, then the
// live boards (queues, sites and all sites above; every agent below, with
// filters and the drill-down to the customer), the shift charts, the alert
// list and the performance report, each exportable to CSV. It shows the
// SupervisorBoard's models and nothing else.
class SupervisorView : public QWidget
{
    Q_OBJECT
public:
    enum class Page { Live, Charts, Alerts, Performance };

    explicit SupervisorView(SupervisorBoard& board, QWidget* parent = nullptr);

    void showPage(Page page);
    // CSV of what the tables show now (filters and order included); false with *error set.
    bool exportAgents(const QString& path, QString* error);
    bool exportQueues(const QString& path, QString* error);
    bool exportPerformance(const QString& path, QString* error);
    bool exportAlerts(const QString& path, QString* error);

    AgentBoardPanel* agentPanel() const { return m_agents; }
    QTableView* queueTable() const { return m_queues; }
    QTableView* alertTable() const { return m_alerts; }
    AlertBanner* banner() const { return m_banner; }
    ShiftCharts* charts() const { return m_charts; }
    PerformancePanel* performancePanel() const { return m_performance; }

private:
    void chooseExport(const QString& what);
    void editThresholds();

    SupervisorBoard& m_board;
    AlertBanner* m_banner;
    QLabel* m_problem;
    QTabWidget* m_tabs;
    QTableView* m_queues;
    AgentBoardPanel* m_agents;
    ShiftCharts* m_charts;
    QTableView* m_alerts;
    PerformancePanel* m_performance;
};
