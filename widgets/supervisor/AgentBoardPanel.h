#pragma once

#include <QWidget>

class CustomerCard;
class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class SupervisorBoard;

// The agent board with its filters (site, team, state, skill, only those
// past a threshold) and, beside it, the drill-down: the customer of the
// selected agent's current interaction, read-only on the customer card.
class AgentBoardPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AgentBoardPanel(SupervisorBoard& board, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    CustomerCard* card() const { return m_card; }
    // Selects the agent's row (if the filters show it); the card follows.
    bool selectAgent(qint64 agentId);
    qint64 selectedAgent() const { return m_selectedAgent; }

private:
    void fillChoices();
    void applyFilters();
    void followSelection();
    void showSelectedCustomer();

    SupervisorBoard& m_board;
    QComboBox* m_site;
    QComboBox* m_team;
    QComboBox* m_state;
    QComboBox* m_skill;
    QCheckBox* m_overOnly;
    QLabel* m_count;
    QTableView* m_table;
    QLabel* m_drillTitle;
    QLabel* m_drillStatus;
    CustomerCard* m_card;
    qint64 m_selectedAgent = 0;
    qint64 m_shownCustomer = -1;
};
