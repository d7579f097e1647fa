#pragma once

#include "domain/Interaction.h"

#include "KeyedTableModel.h"

#include <QList>

class Store;

// One customer's interactions on every channel, newest first: the history an
// agent scans while the customer talks. Long histories arrive a page at a
// time as the view scrolls, so a customer with 50,000 interactions costs the
// pages scrolled through, never the whole history.
class InteractionListModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        When,
        Channel,
        Direction,
        Queue,
        Agent,
        Subject,
        Disposition,
        Sentiment,
        Csat,
        ColumnCount
    };
    enum Role {
        InteractionIdRole = Qt::UserRole + 1, // qint64
        OfferedAtRole, // qint64, UTC seconds since the epoch
        ChannelKeyRole, // QString, the store's channel key ("voice", "email"...)
        IconNameRole, // QString, a resource-independent icon name ("channel-voice")
    };
    static constexpr int kPageSize = 100;

    explicit InteractionListModel(Store& store, QObject* parent = nullptr);

    // Shows this customer's interactions; 0 shows none.
    void setCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }
    // The store changed these customers and interactions (a sync applied
    // them): when the customer shown is among them, or one of their
    // interactions is, the loaded rows are read again and only what changed
    // moves or repaints; otherwise nothing is read.
    void refreshInteractions(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // The number of interactions the customer has, fetched or not.
    qint64 totalCount() const { return m_total; }
    const Interaction& interactionAt(int row) const { return m_rows.at(row); }

    // How the list words times, sentiment and satisfaction; views use them to size columns.
    static QString whenLabel(qint64 offeredAt);
    static QString sentimentLabel(double sentiment);
    static QString csatStars(qint64 csat);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    QList<Interaction> firstPage() const;
    QVariant display(const Interaction& interaction, int column) const;

    Store& m_store;
    qint64 m_customerId = 0;
    qint64 m_total = 0;
    QList<Interaction> m_rows;
};
