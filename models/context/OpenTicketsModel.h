#pragma once

#include "ContextRoles.h"

#include <QAbstractListModel>
#include <QList>
#include <optional>

class Store;

// A customer's tickets still in progress (new, open, pending), most urgent
// first: "are you calling about your open complaint?" is the first thing an
// agent should be able to ask. One indexed query.
class OpenTicketsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TicketIdRole = ContextRoles::IdRole, // qint64
        StatusRole = ContextRoles::FirstCustomRole, // QString, the store's status key
        PriorityRole, // QString, the store's priority key
    };
    struct Ticket
    {
        qint64 id = 0;
        QString subject; // masked
        QString description; // masked
        QString status;
        QString priority;
        qint64 createdAt = 0;
        qint64 updatedAt = 0;
        std::optional<qint64> dueAt;
        QString assignee;
        QString queue;
    };
    static constexpr int kLimit = 50;

    explicit OpenTicketsModel(Store& store, QObject* parent = nullptr);

    // 0 shows none.
    void setCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }
    // Tickets that are urgent or past their due time.
    int pressingCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    bool isOverdue(const Ticket& ticket) const;
    QString detail(const Ticket& ticket) const;

    Store& m_store;
    qint64 m_customerId = 0;
    QList<Ticket> m_rows;
};
