#pragma once

#include "itemmodels/KeyedTableModel.h"

#include <QList>
#include <QString>

class Store;

// The agent's commands the backend refused (outbox entries in state
// 'rejected'), with the backend's reason in its own words: the list behind
// the top bar's "refused" count, where the agent retries or discards each.
// Read from the store on the GUI thread; the retry and discard themselves go
// to the outbox on the sync thread.
class RejectedCommandsModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Action, Reason, ColumnCount };
    enum Role {
        OutboxIdRole = Qt::UserRole + 1, // qint64
        CommandRole, // QString ("ticket.update")
    };

    struct Row
    {
        qint64 id = 0;
        QString command;
        QString entityKind;
        QString entityId;
        QString reason;
        int attempts = 0;
        bool operator==(const Row&) const = default;
    };

    explicit RejectedCommandsModel(Store& store, QObject* parent = nullptr);

    void refresh();
    // "Put on hold", "Ticket update"...: the command in the agent's words.
    static QString actionLabel(const QString& command);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Store& m_store;
    QList<Row> m_rows;
};
