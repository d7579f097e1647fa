#pragma once

#include "domain/Identity.h"

#include <QList>
#include <QWidget>
#include <functional>

class Store;

// What one customer session shows in the centre tabs. The shell knows pages
// only through this: which customer, which interaction is in front, and that
// the store changed. What a page shows is up to the factory that makes it
// (given to SessionTabs), so the shell does not depend on the page's parts.
class SessionPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionPage(qint64 customerId, QWidget* parent = nullptr);

    qint64 customerId() const { return m_customerId; }
    // The tab's words: the customer's name, or why there is none.
    virtual QString title() const = 0;
    // Brings this interaction forward (a screen pop for it); 0: the customer only.
    virtual void showInteraction(qint64 interactionId) = 0;
    // The store changed under the page (a sync, or the agent's own action).
    virtual void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds) = 0;
    // A contact from a number, address or handle no customer has: the page
    // offers to link it. Pages that cannot ignore it.
    virtual void showUnknownContact(IdentityKind, const QString&, const QString&, const QString&) { }
    // Whether anyone answers olderHistoryWanted (the sync engine), and its answers.
    virtual void setOlderHistorySource(bool) { }
    virtual void olderHistoryFetched(qint64, int, int) { }
    virtual void olderHistoryFailed(qint64, const QString&) { }
    // A page made ahead of time for no one (customer 0) becomes this
    // customer's session, exactly as if made for them; false if the page
    // cannot (the shell then makes a new one).
    virtual bool startSession(qint64) { return false; }

Q_SIGNALS:
    void titleChanged();
    // The agent scrolled past the oldest interaction of this customer on the desk.
    void olderHistoryWanted(qint64 customerId);

protected:
    // An unknown contact's page becomes the customer's once the agent links it.
    void setCustomerId(qint64 customerId) { m_customerId = customerId; }

private:
    qint64 m_customerId;
};

// Makes the page of a customer session; the store is the desk's (GUI thread).
using SessionPageFactory = std::function<SessionPage*(Store& store, qint64 customerId)>;
