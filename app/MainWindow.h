#pragma once

#include <QMainWindow>
#include <QSet>

class CustomerCard;
class CustomerListModel;
class InteractionListModel;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class Store;
class SyncStatus;
class SyncStatusLabel;

// The shell window: find a customer on the left, see their profile and their
// history on every channel on the right. It reads from the store through the
// item models; the workspace (composer, social feed, queues) grows into the
// right-hand side.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Store& store, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Restores the window and splitter layout the agent left, and saves it on
    // close from then on. Not called in tests or for screenshots, which want
    // the default layout and must not touch the user's settings.
    void restoreLayout();

    // Makes the customer current (card and history follow), if the list shows them.
    bool selectCustomer(qint64 customerId);

    // The status bar follows this sync status; null says the desk works
    // offline on purpose. backend names what is synced with, for the tooltip.
    void showSyncStatus(SyncStatus* status, const QString& backend);

public Q_SLOTS:
    // The store changed under the window (the sync engine applied a page or
    // a live change): the rows, the card and the history showing these
    // customers and interactions refresh, nothing else. Bursts (a first sync
    // delivers many pages a second) are gathered and applied together.
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    QWidget* buildCustomerPane();
    void setUpCustomerList();
    void setUpInteractionList();
    void applyFilter();
    void showFilterResults();
    void selectFirstCustomer();
    void showCurrentCustomer();
    void updateStatus();
    void flushStoreChanges();
    void reloadShownCustomer();
    void saveLayout();

    Store& m_store;
    CustomerListModel* m_customers = nullptr;
    InteractionListModel* m_interactions = nullptr;
    QLineEdit* m_searchField = nullptr;
    QTableView* m_customerList = nullptr;
    CustomerCard* m_card = nullptr;
    QTableView* m_interactionList = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_detailSplitter = nullptr;
    QTimer* m_filterDelay = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_pathLabel = nullptr;
    SyncStatusLabel* m_syncLabel = nullptr;
    QTimer* m_changeDelay = nullptr;
    QSet<qint64> m_changedCustomers;
    QSet<qint64> m_changedInteractions;
    // Off while a sync moves rows: the current row may pass to a neighbour
    // for a moment, and the card must not follow it there.
    bool m_followSelection = true;
    qint64 m_shownCustomerId = 0;
    bool m_rememberLayout = false;
};
