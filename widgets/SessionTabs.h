#pragma once

#include "SessionPage.h"

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTabWidget;

// The centre of the desk: one tab per customer session, several at once (a
// call and two chats, say). Opening a customer who already has a tab brings
// that tab to the front instead of opening a second (a screen pop for a
// customer the agent is already looking at must not duplicate the session).
// With no session open it says how to start one. Closing a tab only closes
// the view: the customer's interactions go on, in My work.
class SessionTabs : public QWidget
{
    Q_OBJECT

public:
    SessionTabs(Store& store, QWidget* parent = nullptr);

    // How a session's page is made; CustomerSessionPage::create by default.
    void setFactory(SessionPageFactory factory);

    // Opens the customer's session, or brings it to the front; with an
    // interaction, that interaction is brought forward in it.
    SessionPage* openCustomer(qint64 customerId, qint64 interactionId = 0);
    SessionPage* page(int index) const;
    SessionPage* currentPage() const;
    int indexOfCustomer(qint64 customerId) const;
    int count() const;
    void closeSession(int index);
    void nextSession(int step);
    QTabWidget* tabWidget() const { return m_tabs; }

public Q_SLOTS:
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);

Q_SIGNALS:
    // The customer whose session is in front; 0 when none is open.
    void currentCustomerChanged(qint64 customerId);

private:
    void updateTitle(SessionPage* page);
    void showPlaceholderIfEmpty();

    Store& m_store;
    SessionPageFactory m_factory;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QTabWidget* m_tabs = nullptr;
};
