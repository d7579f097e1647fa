#pragma once

#include <QMainWindow>

class CustomerCard;
class CustomerListModel;
class InteractionListModel;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class Store;

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

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    QWidget* buildCustomerPane();
    void setUpCustomerList();
    void setUpInteractionList();
    void applyFilter();
    void selectFirstCustomer();
    void showCurrentCustomer();
    void updateStatus();
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
    qint64 m_shownCustomerId = 0;
    bool m_rememberLayout = false;
};
