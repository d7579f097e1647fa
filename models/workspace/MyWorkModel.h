#pragma once

#include "itemmodels/KeyedTableModel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimer>

class Store;

// One list of the agent's own work, read from the local store (the single
// source the UI reads), for the "My work" column:
//   Offers        interactions ringing for the agent, with the seconds left
//                 to answer (from the hub's "offer" event: its timeoutMs,
//                 counted from when the event arrived, so a desk whose clock
//                 is off still counts right);
//   Active        the agent's interactions in progress, on hold or in
//                 wrap-up, with the customer's messages not read yet;
//   Tickets       open tickets assigned to the agent, most urgent first;
//   Callbacks     scheduled callbacks for the agent or anyone, due within
//                 the next two hours (or overdue).
// refresh() reads again and moves only what changed (KeyedTableModel), so
// the agent's selection survives a sync. One column; the roles carry the rest.
class MyWorkModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Kind { Offers, Active, Tickets, Callbacks };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64: the interaction, ticket or callback
        CustomerIdRole, // qint64, 0 for an unknown caller
        InteractionIdRole, // qint64, 0 for tickets and callbacks without one
        ChannelKeyRole, // QString
        StatusRole, // QString, the store's status
        UnreadRole, // int: customer messages not read yet (Active)
        SecondsLeftRole, // int: to answer an offer; -1 when not known
        WhenRole, // qint64 UTC seconds: offered, answered, updated or due
        IconNameRole, // QString ("channel-chat")
        DetailRole, // QString: the second line
        TitleRole, // QString: the first line, without the unread count the display text adds
    };

    struct Item
    {
        qint64 id = 0;
        qint64 customerId = 0;
        qint64 interactionId = 0;
        QString customerName;
        QString channel;
        QString title;
        QString detail;
        QString status;
        qint64 when = 0;
        int unread = 0;
        bool operator==(const Item&) const = default;
    };

    MyWorkModel(Store& store, Kind kind, QObject* parent = nullptr);

    // Whose work; 0 shows nothing.
    void setAgent(qint64 agentId);
    qint64 agentId() const { return m_agentId; }
    // Reads the store again.
    void refresh();
    // A live event from the hub ("offer", "offer_withdrawn"): the offer's clock.
    void applyLiveEvent(const QString& type, const QJsonObject& data);
    // The agent has read the interaction's messages (its session is in front).
    void markRead(qint64 interactionId);
    const Item& itemAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Rows that were not there at the last read (a new offer rings).
    void arrived(const QList<qint64>& ids);

private:
    QList<Item> read();
    int secondsLeft(qint64 interactionId) const;
    QString statusLabel(const Item& item) const;
    // A ticket's priority as stored ("high") in the desk's language.
    QString priorityLabel(const QString& priority) const;
    void tick();

    Store& m_store;
    Kind m_kind;
    qint64 m_agentId = 0;
    QList<Item> m_rows;
    // Offers: when each expires, on the monotonic clock.
    QHash<qint64, qint64> m_offerDeadlines;
    QElapsedTimer m_clock;
    // Active: the newest customer message the agent has seen, per interaction.
    QHash<qint64, qint64> m_lastSeen;
    QTimer m_countdown;
};
