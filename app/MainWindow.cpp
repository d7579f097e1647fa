#include "MainWindow.h"

#include "CustomerCard.h"
#include "IconNameDelegate.h"
#include "SyncStatusLabel.h"
#include "itemmodels/CustomerListModel.h"
#include "itemmodels/InteractionListModel.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

Q_LOGGING_CATEGORY(lcWindow, "unisono.window", QtInfoMsg)

// Searches run on the model's worker, which answers only the newest and
// interrupts a stale one, so every keystroke may search: the delay only
// gathers keys that arrive together (a paste, an input method).
constexpr int kFilterDelayMs = 0;
// Sync changes are gathered this long before the views read them: a live
// change still shows at once to the eye, and a first sync's hundreds of
// pages a minute cost a few reads, not one per page.
constexpr int kChangeDelayMs = 100;

QSettings layoutSettings()
{
    return QSettings(
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/layout.ini"),
        QSettings::IniFormat);
}

// A table that reads like a list: whole rows, no grid, compact rows.
void styleTable(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
}

// Wide enough for the header and the widest typical value, measured in the
// agent's font: nothing is elided, and widths do not jump as rows change.
void fitColumn(QTableView* view, int column, const QStringList& samples, int decoration = 0)
{
    const QFontMetrics body = view->fontMetrics();
    int width = view->horizontalHeader()->fontMetrics().horizontalAdvance(
        view->model()->headerData(column, Qt::Horizontal).toString());
    for (const QString& sample : samples)
        width = qMax(width, body.horizontalAdvance(sample) + decoration);
    // Room for the cell's and the header's margins in the common styles.
    view->setColumnWidth(column, width + 14);
}

// Right-click on a header lists the columns to show or hide: at 1280 pixels
// not every column fits, and each agent misses a different one.
void addColumnChooser(QTableView* view)
{
    QHeaderView* header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        auto* action = new QAction(view->model()->headerData(column, Qt::Horizontal).toString(), header);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        QObject::connect(action, &QAction::toggled, header, [header, action, column](bool shown) {
            // The last visible column stays: a header without sections has no menu to bring them back.
            if (!shown && header->count() - header->hiddenSectionCount() <= 1) {
                const QSignalBlocker blocker(action);
                action->setChecked(true);
                return;
            }
            header->setSectionHidden(column, !shown);
        });
        header->addAction(action);
    }
}

// After a restored layout the menu must match the columns actually shown.
void syncColumnChooser(QTableView* view)
{
    const QList<QAction*> actions = view->horizontalHeader()->actions();
    for (int column = 0; column < actions.size(); ++column) {
        const QSignalBlocker blocker(actions.at(column));
        actions.at(column)->setChecked(!view->horizontalHeader()->isSectionHidden(column));
    }
}

QStringList repeated(QChar c, int times)
{
    return { QString(times, c) };
}

} // namespace

MainWindow::MainWindow(Store& store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
{
    setWindowTitle(tr("Unisono"));
    setWindowIcon(IconNameDelegate::icon(QStringLiteral("unisono")));
    resize(1280, 800);

    m_customers = new CustomerListModel(m_store, this);
    connect(m_customers, &CustomerListModel::filterApplied, this, &MainWindow::showFilterResults);
    connect(m_customers, &CustomerListModel::matchCountChanged, this, &MainWindow::updateStatus);
    connect(m_customers, &CustomerListModel::customerTotalChanged, this, &MainWindow::updateStatus);
    m_interactions = new InteractionListModel(m_store, this);

    m_card = new CustomerCard;
    m_card->setObjectName(QStringLiteral("customerCard"));

    m_interactionList = new QTableView;
    m_interactionList->setObjectName(QStringLiteral("interactionList"));
    setUpInteractionList();

    m_detailSplitter = new QSplitter(Qt::Vertical);
    m_detailSplitter->setObjectName(QStringLiteral("detailSplitter"));
    m_detailSplitter->setChildrenCollapsible(false);
    m_detailSplitter->addWidget(m_card);
    m_detailSplitter->addWidget(m_interactionList);
    m_detailSplitter->setStretchFactor(0, 0);
    m_detailSplitter->setStretchFactor(1, 1);
    m_detailSplitter->setSizes({ 280, 520 });

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(buildCustomerPane());
    m_mainSplitter->addWidget(m_detailSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 400, 880 });
    m_mainSplitter->setContentsMargins(6, 6, 6, 0);
    setCentralWidget(m_mainSplitter);

    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("customerCount"));
    m_pathLabel = new QLabel;
    m_pathLabel->setObjectName(QStringLiteral("databasePath"));
    m_pathLabel->setTextFormat(Qt::PlainText);
    m_syncLabel = new SyncStatusLabel;
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_pathLabel);
    m_pathLabel->setText(QDir::toNativeSeparators(m_store.path()));
    m_pathLabel->setToolTip(tr("Local database"));

    m_changeDelay = new QTimer(this);
    m_changeDelay->setSingleShot(true);
    m_changeDelay->setInterval(kChangeDelayMs);
    connect(m_changeDelay, &QTimer::timeout, this, &MainWindow::flushStoreChanges);

    buildActions();
    updateStatus();
    selectFirstCustomer();
    // Agents start by typing who is calling.
    m_searchField->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildCustomerPane()
{
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_searchField = new QLineEdit;
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(tr("Search name, phone, email, handle…"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(IconNameDelegate::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_searchField->setToolTip(tr("Find a customer (Ctrl+K). Phone numbers match in any format."));
    m_searchField->installEventFilter(this);
    layout->addWidget(m_searchField);

    m_customerList = new QTableView;
    m_customerList->setObjectName(QStringLiteral("customerList"));
    setUpCustomerList();
    layout->addWidget(m_customerList, 1);

    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_searchField, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    // Enter searches at once and hands the keyboard to the results.
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        if (m_filterDelay->isActive() || m_customers->filter() != m_searchField->text())
            applyFilter();
        m_customerList->setFocus();
    });
    return pane;
}

void MainWindow::setUpCustomerList()
{
    m_customerList->setModel(m_customers);
    styleTable(m_customerList);
    const int iconSide = m_customerList->fontMetrics().height();
    m_customerList->setItemDelegateForColumn(CustomerListModel::Name,
        new IconNameDelegate(CustomerListModel::IconNameRole, QStyleOptionViewItem::Right, m_customerList));
    // The name takes whatever the other columns leave.
    m_customerList->horizontalHeader()->setStretchLastSection(false);
    m_customerList->horizontalHeader()->setSectionResizeMode(CustomerListModel::Name, QHeaderView::Stretch);
    m_customerList->horizontalHeader()->setMinimumSectionSize(iconSide * 2);
    fitColumn(m_customerList, CustomerListModel::Company, repeated(QLatin1Char('x'), 14));
    QStringList tiers;
    for (const char* tier : { "standard", "silver", "gold", "platinum" })
        tiers << CustomerListModel::tierLabel(QLatin1String(tier));
    fitColumn(m_customerList, CustomerListModel::Tier, tiers);
    fitColumn(m_customerList, CustomerListModel::City, repeated(QLatin1Char('x'), 9));
    QStringList languages;
    for (const char* code : { "it", "en", "de", "fr", "es" })
        languages << CustomerListModel::languageLabel(QLatin1String(code));
    fitColumn(m_customerList, CustomerListModel::Language, languages);
    // Picking the right customer takes name, company and city; tier and
    // language are on the card (and VIPs are marked in the name column).
    m_customerList->hideColumn(CustomerListModel::Tier);
    m_customerList->hideColumn(CustomerListModel::Language);
    addColumnChooser(m_customerList);
    connect(m_customerList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::showCurrentCustomer);
}

void MainWindow::setUpInteractionList()
{
    m_interactionList->setModel(m_interactions);
    styleTable(m_interactionList);
    const int iconSide = m_interactionList->fontMetrics().height();
    m_interactionList->setItemDelegateForColumn(InteractionListModel::Channel,
        new IconNameDelegate(
            InteractionListModel::IconNameRole, QStyleOptionViewItem::Left, m_interactionList));
    // The subject says most about a contact: it gets the room the others leave.
    m_interactionList->horizontalHeader()->setStretchLastSection(false);
    m_interactionList->horizontalHeader()->setSectionResizeMode(
        InteractionListModel::Subject, QHeaderView::Stretch);
    const QDateTime sample(QDate(2024, 12, 28), QTime(23, 58));
    fitColumn(m_interactionList, InteractionListModel::When,
        { InteractionListModel::whenLabel(sample.toSecsSinceEpoch()),
            InteractionListModel::whenLabel(
                QDateTime(QDate::currentDate(), sample.time()).toSecsSinceEpoch()) });
    QStringList channels;
    for (const Channel channel : kAllChannels)
        channels << channelLabel(channel);
    fitColumn(m_interactionList, InteractionListModel::Channel, channels, iconSide + 6);
    fitColumn(m_interactionList, InteractionListModel::Direction, { tr("Outbound") });
    fitColumn(m_interactionList, InteractionListModel::Queue, repeated(QLatin1Char('x'), 10));
    fitColumn(m_interactionList, InteractionListModel::Agent, repeated(QLatin1Char('x'), 16));
    fitColumn(m_interactionList, InteractionListModel::Disposition, repeated(QLatin1Char('x'), 14));
    fitColumn(m_interactionList, InteractionListModel::Sentiment,
        { InteractionListModel::sentimentLabel(-1), InteractionListModel::sentimentLabel(1) });
    fitColumn(m_interactionList, InteractionListModel::Csat, { InteractionListModel::csatStars(5) });
    // The queue matters least to the agent reading the history; the subject needs the room.
    m_interactionList->hideColumn(InteractionListModel::Queue);
    addColumnChooser(m_interactionList);
}

void MainWindow::buildActions()
{
    auto* findCustomer = new QAction(tr("Find Customer"), this);
    findCustomer->setObjectName(QStringLiteral("findCustomerAction"));
    findCustomer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    findCustomer->setShortcutContext(Qt::WindowShortcut);
    connect(findCustomer, &QAction::triggered, this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    addAction(findCustomer);
}

void MainWindow::applyFilter()
{
    m_filterDelay->stop();
    m_customers->setFilter(m_searchField->text());
}

void MainWindow::showFilterResults()
{
    // The customer on screen stays when they still match, so refining a
    // search does not jump the card; otherwise the best match takes over.
    if (m_shownCustomerId == 0 || !selectCustomer(m_shownCustomerId))
        selectFirstCustomer();
    updateStatus();
}

bool MainWindow::selectCustomer(qint64 customerId)
{
    const int row = m_customers->rowOfCustomer(customerId);
    if (row < 0)
        return false;
    const QModelIndex index = m_customers->index(row, CustomerListModel::Name);
    m_customerList->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_customerList->scrollTo(index);
    showCurrentCustomer();
    return true;
}

void MainWindow::selectFirstCustomer()
{
    if (m_customers->rowCount() > 0) {
        selectCustomer(m_customers->customerIdAt(0));
    } else {
        showCurrentCustomer();
    }
}

void MainWindow::showSyncStatus(SyncStatus* status, const QString& backend)
{
    m_syncLabel->setStatus(status, backend);
}

void MainWindow::applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    m_changedCustomers.unite(QSet<qint64>(customerIds.cbegin(), customerIds.cend()));
    m_changedInteractions.unite(QSet<qint64>(interactionIds.cbegin(), interactionIds.cend()));
    if (!m_changeDelay->isActive())
        m_changeDelay->start();
}

void MainWindow::flushStoreChanges()
{
    const QList<qint64> customers(m_changedCustomers.cbegin(), m_changedCustomers.cend());
    const QList<qint64> interactions(m_changedInteractions.cbegin(), m_changedInteractions.cend());
    m_changedCustomers.clear();
    m_changedInteractions.clear();
    const qint64 shown = m_shownCustomerId;

    m_followSelection = false;
    m_customers->refreshCustomers(customers);
    m_followSelection = true;

    if (shown == 0) {
        // The list was empty (a first sync is filling the store): open on the first customer.
        if (m_customers->rowCount() > 0)
            selectFirstCustomer();
    } else {
        // The card stays on the customer the agent is looking at, wherever their row went.
        const int row = m_customers->rowOfCustomer(shown);
        if (row < 0) {
            // Still there but no longer in the list (it stopped matching the
            // search): no other row may look current while the card shows them.
            m_followSelection = false;
            m_customerList->selectionModel()->clear();
            m_followSelection = true;
        } else if (m_customerList->selectionModel()->currentIndex().row() != row) {
            const QModelIndex index = m_customers->index(row, CustomerListModel::Name);
            m_customerList->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        if (customers.contains(shown))
            reloadShownCustomer();
    }
    m_interactions->refreshInteractions(customers, interactions);
    updateStatus();
}

void MainWindow::reloadShownCustomer()
{
    try {
        const std::optional<Customer> customer = m_store.customer(m_shownCustomerId);
        if (!customer) {
            // Erased or merged away: the card must not keep showing them.
            m_shownCustomerId = 0;
            selectFirstCustomer();
            return;
        }
        m_card->setCustomer(*customer, m_store.identities(m_shownCustomerId));
    } catch (const StoreError& error) {
        qCWarning(lcWindow) << "Could not read customer" << m_shownCustomerId << ":" << error.message();
    }
}

void MainWindow::showCurrentCustomer()
{
    if (!m_followSelection)
        return;
    const QModelIndex current = m_customerList->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? current.data(CustomerListModel::CustomerIdRole).toLongLong() : 0;
    if (id == m_shownCustomerId && id != 0)
        return;
    m_shownCustomerId = id;
    if (id == 0) {
        m_card->clear();
        m_interactions->setCustomer(0);
        return;
    }
    try {
        const std::optional<Customer> customer = m_store.customer(id);
        if (!customer) {
            // Gone since the list was read (a merge or a sync): show nothing rather than stale data.
            m_card->clear();
            m_interactions->setCustomer(0);
            return;
        }
        m_card->setCustomer(*customer, m_store.identities(id));
    } catch (const StoreError& error) {
        qCWarning(lcWindow) << "Could not read customer" << id << ":" << error.message();
        m_card->clear();
    }
    m_interactions->setCustomer(id);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    // Counted off the GUI thread; a moment after start the number is there.
    const qint64 total = m_customers->customerTotal();
    const QString everyone = total < 0 ? QStringLiteral("…") : locale.toString(total);
    if (m_customers->filter().trimmed().isEmpty()) {
        m_countLabel->setText(tr("%1 customers").arg(everyone));
    } else if (m_customers->rowCount() == 0) {
        m_countLabel->setText(tr("No customer matches this search (of %1)").arg(everyone));
    } else {
        // Matches are counted up to a limit: past it, the agent types more.
        const QString matches = m_customers->matchesCapped()
            ? tr("%1+").arg(locale.toString(m_customers->matchCount()))
            : locale.toString(m_customers->matchCount());
        m_countLabel->setText(tr("%1 matching of %2 customers").arg(matches, everyone));
    }
}

void MainWindow::restoreLayout()
{
    m_rememberLayout = true;
    const QSettings settings = layoutSettings();
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_detailSplitter->restoreState(settings.value(QStringLiteral("window/detailSplitter")).toByteArray());
    m_customerList->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/customerColumns")).toByteArray());
    m_interactionList->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/interactionColumns")).toByteArray());
    syncColumnChooser(m_customerList);
    syncColumnChooser(m_interactionList);
}

void MainWindow::saveLayout()
{
    QSettings settings = layoutSettings();
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/detailSplitter"), m_detailSplitter->saveState());
    settings.setValue(
        QStringLiteral("window/customerColumns"), m_customerList->horizontalHeader()->saveState());
    settings.setValue(
        QStringLiteral("window/interactionColumns"), m_interactionList->horizontalHeader()->saveState());
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The search field and the list work as one control: arrows move into
    // the results, Escape clears the search, the hands stay on the keyboard.
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            m_customerList->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_searchField->text().isEmpty()) {
            m_searchField->clear();
            applyFilter();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_rememberLayout)
        saveLayout();
    QMainWindow::closeEvent(event);
}
