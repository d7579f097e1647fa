#include "PerformancePanel.h"

#include "supervisor/AgentPerformanceModel.h"
#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorFeed.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

PerformancePanel::PerformancePanel(SupervisorBoard& board, QWidget* parent)
    : QWidget(parent)
    , m_board(board)
    , m_period(new QComboBox(this))
    , m_grouping(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    m_period->setObjectName(QStringLiteral("periodChooser"));
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Yesterday"), int(Period::Yesterday));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_grouping->setObjectName(QStringLiteral("groupingChooser"));
    m_grouping->addItem(tr("Per agent"));
    m_grouping->addItem(tr("Per team"));
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshPerformance"));
    m_status->setObjectName(QStringLiteral("performanceStatus"));
    m_status->setTextFormat(Qt::PlainText);

    m_sorted->setSourceModel(&board.performance());
    m_sorted->setSortRole(AgentPerformanceModel::SortRole);
    m_table->setObjectName(QStringLiteral("performanceTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AgentPerformanceModel::Handled, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AgentPerformanceModel::Name, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_period);
    bar->addWidget(m_grouping);
    bar->addWidget(refreshButton);
    bar->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &PerformancePanel::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &PerformancePanel::refresh);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_board.performance().setGrouping(
            index == 0 ? AgentPerformanceModel::Grouping::Agents : AgentPerformanceModel::Grouping::Teams);
    });
    connect(&board.feed(), &SupervisorFeed::performanceLoaded, this, [this](const PerformanceReport& report) {
        m_status->setText(tr("%1 – %2").arg(
            QDateTime::fromSecsSinceEpoch(report.from).toString(QStringLiteral("dd/MM HH:mm")),
            QDateTime::fromSecsSinceEpoch(report.to).toString(QStringLiteral("dd/MM HH:mm"))));
    });
    connect(&board.feed(), &SupervisorFeed::performanceFailed, this,
        [this](const QString& error) { m_status->setText(tr("Could not read the report: %1").arg(error)); });
}

void PerformancePanel::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void PerformancePanel::refresh()
{
    m_status->setText(tr("Loading…"));
    // Periods are on the hub's clock: days end at the hub's midnight.
    const qint64 now = m_board.feed().hubNow();
    const qint64 todayStart = m_board.feed().queueStats().windowStart;
    switch (Period(m_period->currentData().toInt())) {
    case Period::Today:
        m_board.feed().requestPerformance(0, 0);
        break;
    case Period::Yesterday:
        m_board.feed().requestPerformance(todayStart - 86400, todayStart);
        break;
    case Period::Last7Days:
        m_board.feed().requestPerformance(now - 7 * 86400, now + 1);
        break;
    case Period::Last30Days:
        m_board.feed().requestPerformance(now - 30 * 86400, now + 1);
        break;
    }
}
