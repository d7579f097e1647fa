#include "MainWindow.h"

#include "AgentStateButton.h"
#include "CustomerSessionPage.h"
#include "IconNameDelegate.h"
#include "KeyboardShortcuts.h"
#include "MyWorkPanel.h"
#include "OfferNotifier.h"
#include "PreferencesDialog.h"
#include "Presentation.h"
#include "RejectedCommandsDialog.h"
#include "SessionTabs.h"
#include "ShortcutsDialog.h"
#include "TableStyle.h"
#include "TopBar.h"
#include "itemmodels/CustomerListModel.h"
#include "settings/Settings.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "sync/SyncStatus.h"
#include "workspace/AgentActions.h"
#include "workspace/AgentPresence.h"
#include "workspace/MyWorkModel.h"
#include "workspace/RejectedCommandsModel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
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
// How long a notice about a refused action stays in the status bar.
constexpr int kNoticeMs = 12000;

} // namespace

MainWindow::MainWindow(Store& store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
{
    setWindowTitle(tr("Unisono"));
    setWindowIcon(IconNameDelegate::icon(QStringLiteral("unisono")));
    resize(1280, 800);

    m_actions = new AgentActions(m_store, this);
    m_presence = new AgentPresence(m_store, this);
    m_offers = new MyWorkModel(m_store, MyWorkModel::Kind::Offers, this);
    m_active = new MyWorkModel(m_store, MyWorkModel::Kind::Active, this);
    m_tickets = new MyWorkModel(m_store, MyWorkModel::Kind::Tickets, this);
    m_callbacks = new MyWorkModel(m_store, MyWorkModel::Kind::Callbacks, this);
    m_rejected = new RejectedCommandsModel(m_store, this);
    m_customers = new CustomerListModel(m_store, this);
    connect(m_customers, &CustomerListModel::filterApplied, this, &MainWindow::showFilterResults);
    connect(m_customers, &CustomerListModel::matchCountChanged, this, &MainWindow::updateStatus);
    connect(m_customers, &CustomerListModel::customerTotalChanged, this, &MainWindow::updateStatus);

    m_topBar = new TopBar;
    m_topBar->setPresence(m_presence);
    m_searchField = m_topBar->searchField();
    m_searchField->installEventFilter(this);

    m_sessions = new SessionTabs(m_store, CustomerSessionPage::factory(*m_actions));
    m_sessions->setObjectName(QStringLiteral("sessions"));

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(buildLeftPane());
    m_mainSplitter->addWidget(m_sessions);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 360, 920 });
    m_mainSplitter->setContentsMargins(6, 4, 6, 0);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_topBar);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("customerCount"));
    m_noticeLabel = new QLabel;
    m_noticeLabel->setObjectName(QStringLiteral("actionNotice"));
    m_noticeLabel->setTextFormat(Qt::PlainText);
    m_noticeLabel->setStyleSheet(QStringLiteral("color: #c83c3c;"));
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(kNoticeMs);
    connect(m_noticeTimer, &QTimer::timeout, m_noticeLabel, &QLabel::clear);
    m_pathLabel = new QLabel;
    m_pathLabel->setObjectName(QStringLiteral("databasePath"));
    m_pathLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_noticeLabel, 1);
    statusBar()->addPermanentWidget(m_pathLabel);
    m_pathLabel->setText(QDir::toNativeSeparators(m_store.path()));
    m_pathLabel->setToolTip(tr("Local database"));

    m_changeDelay = new QTimer(this);
    m_changeDelay->setSingleShot(true);
    m_changeDelay->setInterval(kChangeDelayMs);
    connect(m_changeDelay, &QTimer::timeout, this, &MainWindow::flushStoreChanges);

    // An action's effect is in the store already: the views show it now, not after the gathering delay.
    connect(m_actions, &AgentActions::storeChanged, this,
        [this](const QList<qint64>& customers, const QList<qint64>& interactions) {
            applyStoreChanges(customers, interactions);
            m_changeDelay->stop();
            flushStoreChanges();
        });
    connect(m_topBar->stateButton(), &AgentStateButton::stateChosen, this, &MainWindow::chooseState);
    connect(m_topBar, &TopBar::signOutRequested, this, &MainWindow::signOutRequested);
    connect(m_topBar, &TopBar::rejectedListRequested, this, [this] {
        RejectedCommandsDialog* dialog = rejectedDialog();
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    connect(m_sessions, &SessionTabs::currentCustomerChanged, this, &MainWindow::markSessionRead);
    connect(m_sessions, &SessionTabs::olderHistoryWanted, this, &MainWindow::olderHistoryWanted);
    m_notifier = new OfferNotifier(m_offers, this, this);

    buildActions();
    updateStatus();
    // Agents start by typing who is calling.
    m_searchField->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildLeftPane()
{
    m_leftStack = new QStackedWidget;
    m_leftStack->setObjectName(QStringLiteral("leftPane"));
    m_myWork = new MyWorkPanel(m_offers, m_active, m_tickets, m_callbacks);
    connect(m_myWork, &MyWorkPanel::acceptRequested, this, &MainWindow::acceptOffer);
    connect(m_myWork, &MyWorkPanel::declineRequested, this, &MainWindow::declineOffer);
    connect(m_myWork, &MyWorkPanel::openRequested, this, [this](qint64 customerId, qint64 interactionId) {
        if (customerId <= 0)
            notice(tr("This contact is not linked to a customer yet."));
        else
            openCustomer(customerId, interactionId);
    });
    m_customerList = new QTableView;
    m_customerList->setObjectName(QStringLiteral("customerList"));
    m_customerList->setAccessibleName(tr("Customers found"));
    setUpCustomerList();
    m_leftStack->addWidget(m_myWork);
    m_leftStack->addWidget(m_customerList);

    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_searchField, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_searchField, &QLineEdit::textEdited, this, [this] { m_openBestMatch = false; });
    // Enter opens the best match (or the one picked in the results).
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        if (m_filterDelay->isActive() || m_customers->filter() != m_searchField->text())
            applyFilter();
        // The search runs on a worker: if its answer is not in yet, the best
        // match opens when it arrives (showFilterResults).
        if (m_customers->shownFilter() != m_searchField->text()) {
            m_openBestMatch = true;
            return;
        }
        const QModelIndex current = m_customerList->currentIndex();
        openSearchResult(current.isValid() ? current : m_customers->index(0, 0));
    });
    connect(m_customerList, &QTableView::activated, this, &MainWindow::openSearchResult);
    connect(m_customerList, &QTableView::clicked, this, &MainWindow::openSearchResult);
    return m_leftStack;
}

void MainWindow::setUpCustomerList()
{
    // Nothing is listed until the agent searches: My work is the default view.
    m_customers->setFilter(QString());
    m_customerList->setModel(m_customers);
    TableStyle::apply(m_customerList);
    const int iconSide = m_customerList->fontMetrics().height();
    m_customerList->setItemDelegateForColumn(CustomerListModel::Name,
        new IconNameDelegate(CustomerListModel::IconNameRole, QStyleOptionViewItem::Right, m_customerList));
    // The name takes whatever the other columns leave.
    m_customerList->horizontalHeader()->setStretchLastSection(false);
    m_customerList->horizontalHeader()->setSectionResizeMode(CustomerListModel::Name, QHeaderView::Stretch);
    m_customerList->horizontalHeader()->setMinimumSectionSize(iconSide * 2);
    TableStyle::fitColumn(m_customerList, CustomerListModel::Company, { QString(14, QLatin1Char('x')) });
    TableStyle::fitColumn(m_customerList, CustomerListModel::City, { QString(9, QLatin1Char('x')) });
    // Picking the right customer takes name, company and city; tier and
    // language are on the card (and VIPs are marked in the name column).
    m_customerList->hideColumn(CustomerListModel::Tier);
    m_customerList->hideColumn(CustomerListModel::Language);
    TableStyle::addColumnChooser(m_customerList);
}

void MainWindow::buildActions()
{
    // The keys come from the one list Help shows (KeyboardShortcuts).
    const auto add = [this](const QString& text, const char* name, KeyboardShortcuts::Id id, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(KeyboardShortcuts::keys(id));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_shortcuts.addAction(tr("Desk"), action);
        return action;
    };
    add(tr("Find Customer"), "findCustomerAction", KeyboardShortcuts::Id::FindCustomer, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    add(tr("Accept Offer"), "acceptOfferAction", KeyboardShortcuts::Id::AcceptOffer, [this] {
        if (const qint64 offer = m_myWork->firstOffer())
            acceptOffer(offer);
    });
    add(tr("Decline Offer"), "declineOfferAction", KeyboardShortcuts::Id::DeclineOffer, [this] {
        if (const qint64 offer = m_myWork->firstOffer())
            declineOffer(offer);
    });
    add(tr("Ready"), "readyAction", KeyboardShortcuts::Id::Ready, [this] { chooseState(AgentState::Ready); });
    add(tr("Change State"), "stateMenuAction", KeyboardShortcuts::Id::ChangeState,
        [this] { m_topBar->stateButton()->showMenu(); });
    add(tr("Refused Changes"), "rejectedAction", KeyboardShortcuts::Id::RefusedChanges, [this] {
        RejectedCommandsDialog* dialog = rejectedDialog();
        dialog->show();
        dialog->raise();
    });
    add(tr("My Work"), "myWorkAction", KeyboardShortcuts::Id::MyWork, [this] {
        m_searchField->clear();
        applyFilter();
        m_myWork->focusFirst();
    });
    add(tr("Close Session"), "closeSessionAction", KeyboardShortcuts::Id::CloseSession, [this] {
        if (m_sessions->count() > 0)
            m_sessions->closeSession(m_sessions->tabWidget()->currentIndex());
    });
    add(tr("Next Session"), "nextSessionAction", KeyboardShortcuts::Id::NextSession,
        [this] { m_sessions->nextSession(1); });
    add(tr("Previous Session"), "previousSessionAction", KeyboardShortcuts::Id::PreviousSession,
        [this] { m_sessions->nextSession(-1); });
    // Keys that work inside one control, and so are no window action.
    const QString search = tr("Search field");
    m_shortcuts.add(search, tr("Open the best match, or the customer picked"), QKeySequence(Qt::Key_Return));
    m_shortcuts.add(search, tr("Move into the customers found"), QKeySequence(Qt::Key_Down));
    m_shortcuts.add(search, tr("Clear the search"), QKeySequence(Qt::Key_Escape));
    m_shortcuts.add(tr("Customer context"), tr("Close the knowledge article"), QKeySequence(Qt::Key_Escape));

    // No View menu here: a supervisor's desk gets one (SupervisorDesk), an
    // agent's shows none.
    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    QAction* preferences = settingsMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_shortcuts.addAction(tr("Desk"), preferences);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    m_shortcuts.addAction(tr("Desk"), keys);
}

QList<ShortcutRegistry::Entry> MainWindow::shortcuts() const
{
    // Actions added to the window later (the supervisor board's) join the list.
    ShortcutRegistry all = m_shortcuts;
    // The session pages' keys act inside a session tab, so the window has no action for them.
    for (const KeyboardShortcuts::Shortcut& shortcut : KeyboardShortcuts::all()) {
        if (!all.contains(shortcut.keys))
            all.add(shortcut.group, shortcut.text, shortcut.keys);
    }
    for (const QAction* action : findChildren<QAction*>()) {
        if (!action->shortcut().isEmpty() && !all.contains(action->shortcut()))
            all.addAction(tr("Desk"), action);
    }
    QList<ShortcutRegistry::Entry> entries = all.entries();
    std::stable_sort(entries.begin(), entries.end(),
        [&](const ShortcutRegistry::Entry& a, const ShortcutRegistry::Entry& b) {
            const auto groupOrder = [&](const QString& group) {
                return std::find_if(all.entries().cbegin(), all.entries().cend(),
                           [&](const ShortcutRegistry::Entry& e) { return e.group == group; })
                    - all.entries().cbegin();
            };
            return groupOrder(a.group) < groupOrder(b.group);
        });
    return entries;
}

void MainWindow::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(shortcuts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showPreferences()
{
    if (!m_settings) {
        notice(tr("Preferences are not kept in this run (a screenshot or a test)."));
        return;
    }
    auto* dialog = new PreferencesDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Presentation::applyTheme(dialog->theme());
        if (dialog->languageChanged())
            notice(tr("The new language is used from the next start of Unisono."));
    });
    dialog->show();
}

void MainWindow::setAgent(qint64 agentId)
{
    m_actions->setAgent(agentId);
    m_presence->setAgent(agentId);
    for (MyWorkModel* model : { m_offers, m_active, m_tickets, m_callbacks })
        model->setAgent(agentId);
}

void MainWindow::setActionsUnavailable(const QString& reason)
{
    m_actions->setUnavailable(reason);
}

void MainWindow::showSyncStatus(SyncStatus* status, const QString& backend)
{
    m_topBar->setSyncStatus(status, backend);
    // Refused and settled commands change the counts: the list of refused changes follows.
    if (status)
        connect(status, &SyncStatus::changed, m_rejected, &RejectedCommandsModel::refresh);
}

RejectedCommandsDialog* MainWindow::rejectedDialog()
{
    if (!m_rejectedDialog) {
        m_rejected->refresh();
        m_rejectedDialog = new RejectedCommandsDialog(m_rejected, this);
        connect(m_rejectedDialog, &RejectedCommandsDialog::retryRequested, this, &MainWindow::retryRequested);
        connect(
            m_rejectedDialog, &RejectedCommandsDialog::discardRequested, this, &MainWindow::discardRequested);
    }
    return m_rejectedDialog;
}

void MainWindow::notice(const QString& message)
{
    m_noticeLabel->setText(message);
    m_noticeTimer->start();
    qCInfo(lcWindow).noquote() << "action refused:" << message;
}

bool MainWindow::openCustomer(qint64 customerId, qint64 interactionId)
{
    try {
        if (!m_store.customer(customerId)) {
            notice(tr("Customer %1 is not on this desk.").arg(customerId));
            return false;
        }
    } catch (const StoreError& error) {
        notice(error.message());
        return false;
    }
    m_sessions->openCustomer(customerId, interactionId);
    markSessionRead(customerId);
    return true;
}

bool MainWindow::openFirstWork()
{
    for (const MyWorkModel* model : { m_offers, m_active, m_tickets, m_callbacks }) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->itemAt(row).customerId > 0)
                return openCustomer(model->itemAt(row).customerId, model->itemAt(row).interactionId);
        }
    }
    try {
        const QList<Customer> first = m_store.customers(0, 1);
        return !first.isEmpty() && openCustomer(first.first().id);
    } catch (const StoreError& error) {
        qCWarning(lcWindow) << "Could not read the customers:" << error.message();
        return false;
    }
}

bool MainWindow::acceptOffer(qint64 interactionId)
{
    const int row = m_offers->rowOfId(interactionId);
    const qint64 customerId = row >= 0 ? m_offers->itemAt(row).customerId : 0;
    const AgentActions::Result result = m_actions->acceptOffer(interactionId);
    if (!result) {
        notice(result.error);
        return false;
    }
    // The screen pop: the customer's session, with this interaction in front.
    const QJsonObject identity = m_offerIdentities.take(interactionId);
    const std::optional<IdentityKind> kind
        = identityKindFromKey(identity.value(QStringLiteral("kind")).toString());
    if (customerId > 0) {
        openCustomer(customerId, interactionId);
    } else if (kind && !identity.value(QStringLiteral("value")).toString().isEmpty()) {
        // Someone no customer has yet: the session offers to link them.
        m_sessions->openUnknownContact(interactionId, *kind,
            identity.value(QStringLiteral("value")).toString(),
            identity.value(QStringLiteral("network")).toString(),
            identity.value(QStringLiteral("name")).toString());
    } else {
        notice(tr("The caller is not a known customer yet."));
    }
    return true;
}

bool MainWindow::declineOffer(qint64 interactionId)
{
    const AgentActions::Result result = m_actions->declineOffer(interactionId);
    if (!result)
        notice(result.error);
    else
        m_offerIdentities.remove(interactionId);
    return bool(result);
}

void MainWindow::chooseState(AgentState::Value state, const QString& reason)
{
    const AgentActions::Result result = m_actions->setState(state, reason);
    if (!result)
        notice(result.error);
}

void MainWindow::markSessionRead(qint64 customerId)
{
    if (customerId <= 0)
        return;
    for (int row = 0; row < m_active->rowCount(); ++row) {
        if (m_active->itemAt(row).customerId == customerId)
            m_active->markRead(m_active->itemAt(row).id);
    }
}

void MainWindow::applyFilter()
{
    m_filterDelay->stop();
    const QString typed = m_searchField->text();
    m_customers->setFilter(typed);
    // Back to My work at once; the results replace it when they arrive.
    if (typed.trimmed().isEmpty())
        m_leftStack->setCurrentWidget(m_myWork);
}

void MainWindow::showFilterResults()
{
    const bool searched = !m_customers->shownFilter().trimmed().isEmpty();
    m_leftStack->setCurrentWidget(searched ? static_cast<QWidget*>(m_customerList) : m_myWork);
    if (m_customers->rowCount() > 0 && searched) {
        m_customerList->selectionModel()->setCurrentIndex(m_customers->index(0, CustomerListModel::Name),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    // Enter was pressed before this answer came: it meant the best match.
    if (m_openBestMatch && m_customers->shownFilter() == m_searchField->text()) {
        m_openBestMatch = false;
        if (searched)
            openSearchResult(m_customers->index(0, 0));
    }
    updateStatus();
}

void MainWindow::openSearchResult(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    if (!openCustomer(index.data(CustomerListModel::CustomerIdRole).toLongLong()))
        return;
    // The search did its job: My work comes back, the session has the keyboard.
    m_searchField->clear();
    applyFilter();
    if (QWidget* page = m_sessions->tabWidget()->currentWidget())
        page->setFocus(Qt::OtherFocusReason);
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
    m_customers->refreshCustomers(customers);
    m_sessions->applyStoreChanges(customers, interactions);
    refreshWork();
    updateStatus();
}

void MainWindow::refreshWork()
{
    // The agent's own lists are small and any change may touch them (a
    // ticket, a callback, the agent's row): they simply read again.
    m_presence->refresh();
    for (MyWorkModel* model : { m_offers, m_active, m_tickets, m_callbacks })
        model->refresh();
    m_rejected->refresh();
    // What the agent is looking at is read.
    if (const SessionPage* page = m_sessions->currentPage(); page && isActiveWindow())
        markSessionRead(page->customerId());
}

void MainWindow::refreshAll()
{
    QList<qint64> open;
    for (int index = 0; index < m_sessions->count(); ++index)
        open.append(m_sessions->page(index)->customerId());
    QList<qint64> interactions;
    for (int row = 0; row < m_active->rowCount(); ++row)
        interactions.append(m_active->itemAt(row).id);
    applyStoreChanges(open, interactions);
}

void MainWindow::applyLiveEvent(const QString& type, const QString& data)
{
    const QJsonObject event = QJsonDocument::fromJson(data.toUtf8()).object();
    // An offer may name the caller's number or handle ("identity": {kind,
    // value, network, name}) when it belongs to no customer.
    const qint64 interactionId = event.value(QStringLiteral("interactionId")).toInteger();
    if (type == QLatin1String("offer") && event.value(QStringLiteral("identity")).isObject())
        m_offerIdentities.insert(interactionId, event.value(QStringLiteral("identity")).toObject());
    else if (type == QLatin1String("offer_withdrawn"))
        m_offerIdentities.remove(interactionId);
    m_offers->applyLiveEvent(type, event);
    m_presence->applyLiveEvent(type, event);
}

void MainWindow::showRejection(const QString& reason)
{
    notice(tr("The server refused a change: %1 (Ctrl+Shift+E to send it again or discard it)").arg(reason));
    m_rejected->refresh();
}

void MainWindow::setOlderHistorySource(bool available)
{
    m_sessions->setOlderHistorySource(available);
}

void MainWindow::olderHistoryFetched(qint64 customerId, int received, int total)
{
    m_sessions->olderHistoryFetched(customerId, received, total);
}

void MainWindow::olderHistoryFailed(qint64 customerId, const QString& error)
{
    m_sessions->olderHistoryFailed(customerId, error);
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

void MainWindow::restoreLayout(Settings& settings)
{
    m_settings = &settings;
    restoreGeometry(settings.value(Settings::Key::WindowGeometry).toByteArray());
    m_mainSplitter->restoreState(settings.value(Settings::Key::MainSplitter).toByteArray());
    m_customerList->horizontalHeader()->restoreState(settings.value(Settings::Key::CustomerColumns).toByteArray());
    TableStyle::syncColumnChooser(m_customerList);
    // The sessions the agent had open, in their order; a customer gone from
    // the store since (merged, erased) is skipped.
    for (const QVariant& id : settings.value(Settings::Key::OpenSessions).toList())
        openCustomer(id.toLongLong());
    const int current = m_sessions->indexOfCustomer(settings.value(Settings::Key::CurrentSession).toLongLong());
    if (current >= 0)
        m_sessions->tabWidget()->setCurrentIndex(current);
}

void MainWindow::saveLayout()
{
    m_settings->setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::MainSplitter, m_mainSplitter->saveState());
    m_settings->setValue(Settings::Key::CustomerColumns, m_customerList->horizontalHeader()->saveState());
    QVariantList open;
    for (int i = 0; i < m_sessions->count(); ++i)
        open.append(m_sessions->page(i)->customerId());
    m_settings->setValue(Settings::Key::OpenSessions, open);
    const SessionPage* current = m_sessions->currentPage();
    m_settings->setValue(Settings::Key::CurrentSession, current ? current->customerId() : qint64(0));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The search field and the results work as one control: arrows move into
    // the results, Escape clears the search, the hands stay on the keyboard.
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier
            && m_leftStack->currentWidget() == m_customerList) {
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
    if (m_settings)
        saveLayout();
    QMainWindow::closeEvent(event);
}
