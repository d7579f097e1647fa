#pragma once

#include "domain/Customer.h"
#include "domain/Identity.h"

#include <QList>
#include <QObject>

class Store;
class SupervisorSource;

// The customer behind an agent's current interaction, read-only, for the
// supervisor's drill-down: from the desk's local store when the sync has
// brought the customer there (at once), else from the backend (GET
// /customers/{id}). Only the latest request is answered, so clicking through
// agents never shows a customer late.
class CustomerDrillDown : public QObject
{
    Q_OBJECT
public:
    // store may be null (a desk without a local store reads the backend only).
    CustomerDrillDown(SupervisorSource& source, Store* store, QObject* parent = nullptr);

    // 0 clears: the agent has no interaction, or it has no known customer.
    void showCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }

    // The customer and identities of GET /api/v1/customers/{id}.
    static Customer customerFromJson(const QJsonObject& object);
    static QList<Identity> identitiesFromJson(const QJsonObject& object);

Q_SIGNALS:
    void customerReady(const Customer& customer, const QList<Identity>& identities);
    // Nothing to show, and why ("" when nothing was asked).
    void cleared(const QString& reason);

private:
    SupervisorSource& m_source;
    Store* m_store;
    qint64 m_customerId = 0;
    quint64 m_request = 0;
};
