#include "SupervisorView.h"

#include "AgentBoardPanel.h"
#include "AlertBanner.h"
#include "IconNameDelegate.h"
#include "PerformancePanel.h"
#include "ShiftCharts.h"
#include "ThresholdsDialog.h"
#include "supervisor/AgentBoardFilter.h"
#include "supervisor/AgentPerformanceModel.h"
#include "supervisor/AlertMonitor.h"
#include "supervisor/CsvExport.h"
#include "supervisor/GroupedSortProxy.h"
#include "supervisor/QueueBoardModel.h"
#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorFeed.h"

#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QTableView* table(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

} // namespace

SupervisorView::SupervisorView(SupervisorBoard& board, QWidget* parent)
    : QWidget(parent)
    , m_board(board)
    , m_banner(new AlertBanner(board.alerts(), this))
    , m_problem(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_queues(table(&board.queueSort(), QStringLiteral("queueBoard"), this))
    , m_agents(new AgentBoardPanel(board, this))
    , m_charts(new ShiftCharts(this))
    , m_alerts(table(&board.alerts(), QStringLiteral("alertList"), this))
    , m_performance(new PerformancePanel(board, this))
{
    setObjectName(QStringLiteral("supervisorView"));
    setWindowTitle(tr("Supervisor board — Unisono"));
    m_problem->setObjectName(QStringLiteral("supervisorProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_queues->setSortingEnabled(true);
    m_queues->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the hub's order until asked
    m_queues->setColumnWidth(QueueBoardModel::Name, 200);
    m_queues->setColumnWidth(QueueBoardModel::Target, 110);
    m_queues->setItemDelegateForColumn(QueueBoardModel::Channel,
        new IconNameDelegate(QueueBoardModel::IconNameRole, QStyleOptionViewItem::Left, m_queues));
    m_alerts->setColumnWidth(AlertMonitor::Queue, 200);
    m_alerts->setColumnWidth(AlertMonitor::Alert, 220);
    m_alerts->horizontalHeader()->setStretchLastSection(true);

    auto* live = new QSplitter(Qt::Vertical, this);
    live->addWidget(m_queues);
    live->addWidget(m_agents);
    live->setStretchFactor(0, 2);
    live->setStretchFactor(1, 3);

    auto* alertPage = new QWidget(this);
    auto* alertLayout = new QVBoxLayout(alertPage);
    alertLayout->addWidget(m_alerts, 1);

    m_tabs->setObjectName(QStringLiteral("supervisorTabs"));
    m_tabs->addTab(live, tr("Live"));
    m_tabs->addTab(m_charts, tr("Shift charts"));
    m_tabs->addTab(alertPage, tr("Alerts"));
    m_tabs->addTab(m_performance, tr("Performance"));

    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportCsv"));
    auto* thresholds = new QPushButton(tr("Thresholds…"), this);
    thresholds->setObjectName(QStringLiteral("editThresholds"));
    m_tabs->setCornerWidget(nullptr);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_problem, 1);
    bar->addStretch();
    bar->addWidget(thresholds);
    bar->addWidget(exportButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_banner, &AlertBanner::showRequested, this, [this] { showPage(Page::Alerts); });
    connect(exportButton, &QPushButton::clicked, this,
        [this] { chooseExport(m_tabs->tabText(m_tabs->currentIndex())); });
    connect(thresholds, &QPushButton::clicked, this, &SupervisorView::editThresholds);
    connect(&board.feed(), &SupervisorFeed::problemChanged, this, [this](const QString& problem) {
        m_problem->setText(problem);
        m_problem->setVisible(!problem.isEmpty());
    });
    connect(&board.feed(), &SupervisorFeed::trendsChanged, m_charts, &ShiftCharts::setTrends);
    connect(&board.feed(), &SupervisorFeed::queueStatsChanged, m_charts, &ShiftCharts::setLive);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The report is asked for when first looked at, not at every start.
        if (m_tabs->widget(index) == m_performance && m_board.performance().rowCount() == 0)
            m_performance->refresh();
    });
    resize(1400, 900);
}

void SupervisorView::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

bool SupervisorView::exportAgents(const QString& path, QString* error)
{
    return CsvExport::writeFile(m_board.agentFilter(), path, error);
}

bool SupervisorView::exportQueues(const QString& path, QString* error)
{
    return CsvExport::writeFile(m_board.queueSort(), path, error);
}

bool SupervisorView::exportPerformance(const QString& path, QString* error)
{
    return CsvExport::writeFile(*m_performance->sortedModel(), path, error);
}

bool SupervisorView::exportAlerts(const QString& path, QString* error)
{
    return CsvExport::writeFile(m_board.alerts(), path, error);
}

void SupervisorView::chooseExport(const QString&)
{
    const Page page = Page(m_tabs->currentIndex());
    const QString stem = page == Page::Performance ? QStringLiteral("performance")
        : page == Page::Alerts                     ? QStringLiteral("alerts")
                                                   : QStringLiteral("boards");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QStringLiteral("%1/unisono-%2-%3.csv")
                                  .arg(folder, stem, QDate::currentDate().toString(Qt::ISODate));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    bool ok = true;
    switch (page) {
    case Page::Live:
    case Page::Charts: {
        // Both boards: queues in one file, agents next to it.
        ok = exportQueues(path, &error);
        QString agentsPath = path;
        agentsPath.insert(
            path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? path.size() - 4 : path.size(),
            QStringLiteral("-agents"));
        ok = ok && exportAgents(agentsPath, &error);
        break;
    }
    case Page::Alerts:
        ok = exportAlerts(path, &error);
        break;
    case Page::Performance:
        ok = exportPerformance(path, &error);
        break;
    }
    if (!ok)
        QMessageBox::warning(this, tr("Export CSV"), error);
}

void SupervisorView::editThresholds()
{
    ThresholdsDialog dialog(m_board, this);
    dialog.exec();
}
