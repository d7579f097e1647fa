#include "AgentBoardPanel.h"

#include "CustomerCard.h"
#include "IconNameDelegate.h"
#include "supervisor/AgentBoardFilter.h"
#include "supervisor/AgentBoardModel.h"
#include "supervisor/CustomerDrillDown.h"
#include "supervisor/SupervisorBoard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Keeps the chosen item across a refill (the lists change as agents load).
void refill(QComboBox* combo, const QString& anyText, const QList<QPair<QVariant, QString>>& items)
{
    const QVariant chosen = combo->currentData();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(anyText, QVariant());
    for (const auto& [value, text] : items)
        combo->addItem(text, value);
    const int index = chosen.isValid() ? combo->findData(chosen) : 0;
    combo->setCurrentIndex(std::max(0, index));
}

} // namespace

AgentBoardPanel::AgentBoardPanel(SupervisorBoard& board, QWidget* parent)
    : QWidget(parent)
    , m_board(board)
    , m_site(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_skill(new QComboBox(this))
    , m_overOnly(new QCheckBox(tr("Past threshold only"), this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_drillTitle(new QLabel(tr("Select an agent to see their customer"), this))
    , m_drillStatus(new QLabel(this))
    , m_card(new CustomerCard(this))
{
    m_site->setObjectName(QStringLiteral("siteFilter"));
    m_team->setObjectName(QStringLiteral("teamFilter"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_skill->setObjectName(QStringLiteral("skillFilter"));
    m_overOnly->setObjectName(QStringLiteral("overThresholdOnly"));
    m_count->setObjectName(QStringLiteral("agentCount"));
    m_drillTitle->setObjectName(QStringLiteral("drillDownTitle"));
    m_drillTitle->setTextFormat(Qt::PlainText);
    m_drillStatus->setObjectName(QStringLiteral("drillDownStatus"));
    m_drillStatus->setTextFormat(Qt::PlainText);
    m_drillStatus->setWordWrap(true);
    m_card->setObjectName(QStringLiteral("drillDownCard"));
    QList<QPair<QVariant, QString>> states;
    for (const char* key : { "ready", "busy", "after_call_work", "not_ready", "logged_out" })
        states.append({ QString::fromLatin1(key), AgentBoardModel::stateLabel(QString::fromLatin1(key)) });
    refill(m_state, tr("Any state"), states);

    m_table->setObjectName(QStringLiteral("agentBoard"));
    m_table->setModel(&board.agentFilter());
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AgentBoardModel::Agent, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 2,000 rows to lay them out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AgentBoardModel::Agent, 170);
    m_table->setColumnWidth(AgentBoardModel::Team, 170);
    m_table->setColumnWidth(AgentBoardModel::Skills, 150);
    m_table->setColumnWidth(AgentBoardModel::State, 150);
    m_table->setColumnWidth(AgentBoardModel::Customer, 150);
    m_table->setItemDelegateForColumn(AgentBoardModel::Channel,
        new IconNameDelegate(AgentBoardModel::IconNameRole, QStyleOptionViewItem::Left, m_table));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_site);
    filters->addWidget(m_team);
    filters->addWidget(m_state);
    filters->addWidget(m_skill);
    filters->addWidget(m_overOnly);
    filters->addStretch(1);
    filters->addWidget(m_count);

    auto* drill = new QWidget(this);
    auto* drillLayout = new QVBoxLayout(drill);
    drillLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_drillTitle->font();
    bold.setBold(true);
    m_drillTitle->setFont(bold);
    drillLayout->addWidget(m_drillTitle);
    drillLayout->addWidget(m_drillStatus);
    drillLayout->addWidget(m_card, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(drill);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 1150, 350 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    for (QComboBox* combo : { m_site, m_team, m_state, m_skill })
        connect(combo, &QComboBox::currentIndexChanged, this, &AgentBoardPanel::applyFilters);
    connect(m_overOnly, &QCheckBox::toggled, this, &AgentBoardPanel::applyFilters);
    connect(&board.agents(), &AgentBoardModel::choicesChanged, this, &AgentBoardPanel::fillChoices);
    auto updateCount = [this] {
        m_count->setText(
            tr("%1 of %2 agents").arg(m_board.agentFilter().rowCount()).arg(m_board.agents().rowCount()));
    };
    connect(&board.agentFilter(), &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(&board.agentFilter(), &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(&board.agentFilter(), &QAbstractItemModel::modelReset, this, updateCount);
    connect(&board.agentFilter(), &QAbstractItemModel::layoutChanged, this, updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &AgentBoardPanel::followSelection);
    // The selected agent's interaction can change under the selection.
    connect(&board.agents(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& from, const QModelIndex& to) {
            const int row = m_board.agents().rowOf(m_selectedAgent);
            if (row >= from.row() && row <= to.row() && to.column() >= AgentBoardModel::Channel
                && from.column() <= AgentBoardModel::Customer)
                showSelectedCustomer();
        });
    connect(&board.drillDown(), &CustomerDrillDown::customerReady, this,
        [this](const Customer& customer, const QList<Identity>& identities) {
            m_drillStatus->clear();
            m_card->setCustomer(customer, identities);
        });
    connect(&board.drillDown(), &CustomerDrillDown::cleared, this, [this](const QString& reason) {
        m_card->clear();
        m_drillStatus->setText(reason);
    });
    fillChoices();
    updateCount();
}

void AgentBoardPanel::fillChoices()
{
    QList<QPair<QVariant, QString>> sites, teams, skills;
    for (const auto& [id, name] : m_board.agents().sites())
        sites.append({ id, name });
    for (const QString& team : m_board.agents().teams())
        teams.append({ team, team });
    for (const QString& skill : m_board.agents().skills())
        skills.append({ skill, skill });
    refill(m_site, tr("Every site"), sites);
    refill(m_team, tr("Every team"), teams);
    refill(m_skill, tr("Any skill"), skills);
}

void AgentBoardPanel::applyFilters()
{
    AgentBoardFilter& filter = m_board.agentFilter();
    filter.setSite(m_site->currentData().toLongLong());
    filter.setTeam(m_team->currentData().toString());
    filter.setState(m_state->currentData().toString());
    filter.setSkill(m_skill->currentData().toString());
    filter.setOverThresholdOnly(m_overOnly->isChecked());
}

bool AgentBoardPanel::selectAgent(qint64 agentId)
{
    const int row = m_board.agents().rowOf(agentId);
    if (row < 0)
        return false;
    const QModelIndex index = m_board.agentFilter().mapFromSource(m_board.agents().index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void AgentBoardPanel::followSelection()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_selectedAgent = current.isValid() ? current.data(AgentBoardModel::AgentIdRole).toLongLong() : 0;
    m_shownCustomer = -1;
    showSelectedCustomer();
}

void AgentBoardPanel::showSelectedCustomer()
{
    const int row = m_board.agents().rowOf(m_selectedAgent);
    if (row < 0) {
        m_drillTitle->setText(tr("Select an agent to see their customer"));
        m_board.drillDown().showCustomer(0);
        return;
    }
    const AgentRecord& agent = m_board.agents().agentAt(row);
    if (agent.interactionId == 0)
        m_drillTitle->setText(tr("%1 has no interaction in hand").arg(agent.name));
    else
        m_drillTitle->setText(
            tr("%1 · %2 with %3")
                .arg(agent.name, m_board.agents().index(row, AgentBoardModel::Channel).data().toString(),
                    agent.customerName.isEmpty() ? tr("an unknown customer") : agent.customerName));
    if (agent.customerId == m_shownCustomer)
        return;
    m_shownCustomer = agent.customerId;
    m_board.drillDown().showCustomer(agent.interactionId ? agent.customerId : 0);
}
