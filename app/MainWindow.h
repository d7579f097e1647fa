#pragma once

#include "ShortcutRegistry.h"
#include "workspace/AgentState.h"

#include <QHash>
#include <QJsonObject>
#include <QMainWindow>
#include <QSet>

class AgentActions;
class AgentPresence;
class CustomerListModel;
class MyWorkModel;
class MyWorkPanel;
class OfferNotifier;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class RejectedCommandsDialog;
class RejectedCommandsModel;
class SessionTabs;
class Settings;
class Store;
class SyncStatus;
class TopBar;

// The agent's desk. Across the top: the global search (Ctrl+K), the agent's
// state and the sync status. On the left, My work: offers ringing (accept or
// decline), interactions in progress, tickets, callbacks due — or, while the
// agent types a search, the customers that match. In the centre, one tab per
// customer session; accepting an offer or picking a search result opens its
// customer's session (or brings it to the front).
//
// Everything shown is read from the store through models; everything the
// agent does goes through AgentActions, whose effect shows at once. The
// workstation tells the window who the agent is and feeds it the sync
// engine's changes and live events.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Store& store, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Restores the window and splitter layout and the session tabs the agent
    // left, and saves them there on close from then on; Preferences writes
    // to these settings too. Not called for screenshots, which want the
    // default layout and must not touch the user's settings.
    void restoreLayout(Settings& settings);
    // Every keyboard shortcut, grouped: what Help → Keyboard shortcuts lists.
    QList<ShortcutRegistry::Entry> shortcuts() const;

    // The agent whose work the desk shows and does (0: not known yet).
    void setAgent(qint64 agentId);
    // The desk sends nothing (--offline): actions are refused with this reason.
    void setActionsUnavailable(const QString& reason);
    // The top bar follows this sync status; null says the desk works offline
    // on purpose. backend names what is synced with, for the tooltip.
    void showSyncStatus(SyncStatus* status, const QString& backend);

    // Opens the customer's session (or brings it to the front); false when
    // the customer is not in the store.
    bool openCustomer(qint64 customerId, qint64 interactionId = 0);
    // Whether the sessions can fetch history older than the desk holds
    // (olderHistoryWanted); a desk working offline cannot.
    void setOlderHistorySource(bool available);
    // Accepts an offer and pops its customer's session; false (and a notice) when refused.
    // Opens the customer of the first item in My work, else the first customer
    // by name: what a screenshot shows in the centre.
    bool openFirstWork();
    bool acceptOffer(qint64 interactionId);
    bool declineOffer(qint64 interactionId);
    void chooseState(AgentState::Value state, const QString& reason = QString());

    AgentActions* actions() const { return m_actions; }
    AgentPresence* presence() const { return m_presence; }
    MyWorkModel* offers() const { return m_offers; }
    MyWorkModel* activeWork() const { return m_active; }
    // The list of refused changes, opened from the top bar (created on first use).
    RejectedCommandsDialog* rejectedDialog();

public Q_SLOTS:
    // The store changed under the window (the sync engine applied a page or
    // a live change): the rows, sessions and lists showing these customers
    // and interactions refresh. Bursts (a first sync delivers many pages a
    // second) are gathered and applied together.
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // Something changed that names no customer (a refused change discarded
    // on the sync thread): every list and open session reads again.
    void refreshAll();
    // A live event from the hub: offers, withdrawn offers, agent states.
    void applyLiveEvent(const QString& type, const QString& data);
    // The server refused one of the agent's changes: say so now, with its reason.
    void showRejection(const QString& reason);
    // Answers to olderHistoryWanted.
    void olderHistoryFetched(qint64 customerId, int received, int total);
    void olderHistoryFailed(qint64 customerId, const QString& error);

Q_SIGNALS:
    // A session's timeline reached the oldest interaction the desk holds.
    void olderHistoryWanted(qint64 customerId);
    void signOutRequested();
    // The agent's answers to a change the server refused.
    void retryRequested(qint64 outboxId);
    void discardRequested(qint64 outboxId);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    QWidget* buildLeftPane();
    void setUpCustomerList();
    void applyFilter();
    void openSearchResult(const QModelIndex& index);
    void showFilterResults();
    void updateStatus();
    void flushStoreChanges();
    void refreshWork();
    void notice(const QString& message);
    void markSessionRead(qint64 customerId);
    void saveLayout();
    void showShortcuts();
    void showPreferences();

    Store& m_store;
    AgentActions* m_actions = nullptr;
    AgentPresence* m_presence = nullptr;
    MyWorkModel* m_offers = nullptr;
    MyWorkModel* m_active = nullptr;
    MyWorkModel* m_tickets = nullptr;
    MyWorkModel* m_callbacks = nullptr;
    RejectedCommandsModel* m_rejected = nullptr;
    CustomerListModel* m_customers = nullptr;
    TopBar* m_topBar = nullptr;
    QLineEdit* m_searchField = nullptr;
    QStackedWidget* m_leftStack = nullptr;
    MyWorkPanel* m_myWork = nullptr;
    QTableView* m_customerList = nullptr;
    SessionTabs* m_sessions = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    OfferNotifier* m_notifier = nullptr;
    RejectedCommandsDialog* m_rejectedDialog = nullptr;
    QTimer* m_filterDelay = nullptr;
    // Enter came before the search answered: open its best match when it does.
    bool m_openBestMatch = false;
    QLabel* m_countLabel = nullptr;
    QLabel* m_noticeLabel = nullptr;
    QTimer* m_noticeTimer = nullptr;
    QLabel* m_pathLabel = nullptr;
    QTimer* m_changeDelay = nullptr;
    QSet<qint64> m_changedCustomers;
    QSet<qint64> m_changedInteractions;
    // The caller's number or handle an offer event named, for offers from
    // no known customer: what the new-customer card offers to link.
    QHash<qint64, QJsonObject> m_offerIdentities;
    // Where the layout and preferences are kept; null until restoreLayout.
    Settings* m_settings = nullptr;
    ShortcutRegistry m_shortcuts;
};
