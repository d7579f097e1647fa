#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

class Store;

// The messages of the interaction in front, oldest first, for the session's
// transcript: what the customer wrote, the agent's replies and internal
// notes. Bodies are masked for display (SensitiveDataMasker: card numbers and
// IBANs) and are plain text to every view; the store keeps what was written.
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1, // qint64
        AuthorRole, // QString: customer, agent, system, bot
        AuthorNameRole, // QString
        BodyRole, // QString, masked
        KindRole, // QString: message or note
        SentAtRole, // qint64 UTC seconds
    };
    struct Message
    {
        qint64 id = 0;
        qint64 sentAt = 0;
        QString author;
        QString authorName;
        QString body; // masked
        QString kind;
    };

    explicit TranscriptModel(Store& store, QObject* parent = nullptr);

    // Shows this interaction's messages; 0 shows none.
    void setInteraction(qint64 interactionId);
    qint64 interactionId() const { return m_interactionId; }
    // Reads again (a message arrived, a reply was written).
    void refresh();
    const Message& messageAt(int row) const { return m_rows.at(row); }
    // What the customer wrote so far, for ranking knowledge articles.
    QString customerText() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QString authorLabel(const Message& message) const;

    Store& m_store;
    qint64 m_interactionId = 0;
    QList<Message> m_rows;
};
