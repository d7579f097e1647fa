#pragma once

#include "SessionPage.h"

class CustomerCard;
class InteractionListModel;
class QSplitter;
class QTableView;

// The default session page: the customer card over the customer's history
// on every channel, newest first. A session's interaction is selected in
// the history when the session is popped for it.
class CustomerSessionPage : public SessionPage
{
    Q_OBJECT

public:
    CustomerSessionPage(Store& store, qint64 customerId, QWidget* parent = nullptr);

    static SessionPage* create(Store& store, qint64 customerId);

    QString title() const override;
    void showInteraction(qint64 interactionId) override;
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds) override;

private:
    void loadCustomer();
    void setUpHistory();

    Store& m_store;
    CustomerCard* m_card = nullptr;
    InteractionListModel* m_interactions = nullptr;
    QTableView* m_history = nullptr;
    QSplitter* m_splitter = nullptr;
    QString m_title;
    qint64 m_interactionId = 0;
};
