#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class SupervisorBoard;

// Agent performance against customer satisfaction: choose a period (today,
// yesterday, the last 7 or 30 days) and per agent or per team; the table
// asks the backend for that period and sorts by any column.
class PerformancePanel : public QWidget
{
    Q_OBJECT
public:
    enum class Period { Today, Yesterday, Last7Days, Last30Days };

    explicit PerformancePanel(SupervisorBoard& board, QWidget* parent = nullptr);

    void setPeriod(Period period);
    // Asks for the chosen period again.
    void refresh();
    QTableView* table() const { return m_table; }
    QSortFilterProxyModel* sortedModel() const { return m_sorted; }

private:
    SupervisorBoard& m_board;
    QComboBox* m_period;
    QComboBox* m_grouping;
    QLabel* m_status;
    QTableView* m_table;
    QSortFilterProxyModel* m_sorted;
};
