#pragma once

#include <QList>
#include <QWidget>
#include <functional>

class Store;

// What one customer session shows in the centre tabs. The shell knows pages
// only through this: which customer, which interaction is in front, and that
// the store changed. What a page shows is up to the factory that makes it
// (SessionTabs::setFactory), so a richer page — the full customer context,
// a transcript and a composer — replaces the default one in one place.
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

Q_SIGNALS:
    void titleChanged();

private:
    qint64 m_customerId;
};

// Makes the page of a customer session; the store is the desk's (GUI thread).
using SessionPageFactory = std::function<SessionPage*(Store& store, qint64 customerId)>;
