#pragma once

#include "SessionPage.h"

#include <QWidget>
#include <memory>

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
    // factory makes each session's page (CustomerSessionPage::factory).
    SessionTabs(Store& store, SessionPageFactory factory, QWidget* parent = nullptr);
    ~SessionTabs() override;

    // Opens the customer's session, or brings it to the front; with an
    // interaction, that interaction is brought forward in it.
    SessionPage* openCustomer(qint64 customerId, qint64 interactionId = 0);
    // Opens (or brings to the front) the session of an interaction whose
    // caller or sender is no customer yet: the page offers to link them.
    SessionPage* openUnknownContact(qint64 interactionId, IdentityKind kind, const QString& value,
        const QString& network = QString(), const QString& nameHint = QString());
    SessionPage* page(int index) const;
    SessionPage* currentPage() const;
    int indexOfCustomer(qint64 customerId) const;
    int count() const;
    void closeSession(int index);
    void nextSession(int step);
    QTabWidget* tabWidget() const { return m_tabs; }

    // Whether older history can be fetched (a desk syncing with a backend):
    // only then do pages ask for it through olderHistoryWanted.
    void setOlderHistorySource(bool available);

public Q_SLOTS:
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // Answers to olderHistoryWanted, passed to the pages.
    void olderHistoryFetched(qint64 customerId, int received, int total);
    void olderHistoryFailed(qint64 customerId, const QString& error);

Q_SIGNALS:
    // The customer whose session is in front; 0 when none is open.
    void currentCustomerChanged(qint64 customerId);
    void olderHistoryWanted(qint64 customerId);

private:
    SessionPage* addPage(qint64 customerId, const QString& objectName);
    void updateTitle(SessionPage* page);
    void showPlaceholderIfEmpty();
    void prepareSpare();

    Store& m_store;
    SessionPageFactory m_factory;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QTabWidget* m_tabs = nullptr;
    bool m_historySource = false;
    // The next customer's page, built while the desk is idle after a session
    // opens: building a page (~100 widgets) was half of a new tab's screen
    // pop. No parent, never shown, so nothing finds it until it is used.
    std::unique_ptr<SessionPage> m_spare;
    bool m_spareScheduled = false;
};
