#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QString>

class Store;

// The two customers of a merge side by side, one row per field a merge
// chooses (MergeFields), with the value each record has and which one the
// survivor will keep: a check mark in one of the two value columns, as in
// a pair of radio buttons. The proposal is MergeFields' rule (the newer
// record's value, never an empty one over a value); the agent changes it by
// checking the other value. Choosing the other record as survivor swaps the
// columns and keeps every value the agent picked. fields() is the command's
// "fields"; moves() counts what goes over with the duplicate.
class MergeFieldModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, SurvivorColumn, MergedColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString, the field's feed key ("city")
        SideRole, // QString, "survivor" or "merged": whose value is kept
        ProposedSideRole, // QString, the side proposed before the agent chose
        DiffersRole, // bool: the two records disagree on this field
    };
    // What moves to the survivor with the duplicate.
    struct Moves
    {
        int identities = 0;
        int interactions = 0;
        int tickets = 0;
        int socialActivity = 0;
        int callbacks = 0;
    };

    explicit MergeFieldModel(Store& store, QObject* parent = nullptr);

    // Reads both records; false (and no rows) when either is missing or they
    // are the same customer. The same pair in the other order keeps the
    // agent's choices.
    bool setCustomers(qint64 survivorId, qint64 mergedId);
    // The duplicate becomes the survivor and the other way round.
    void swapSurvivor();
    // Keeps this side's value for the field at row.
    void choose(int row, const QString& side);

    qint64 survivorId() const { return m_survivorId; }
    qint64 mergedId() const { return m_mergedId; }
    QString survivorName() const;
    QString mergedName() const;
    // Every field's side, keyed by the feed's name.
    QJsonObject fields() const;
    const Moves& moves() const { return m_moves; }
    // Row of a feed key, -1 when absent.
    int rowOf(const QString& key) const;

    // A field's name for the agent ("First name"); unknown columns show as they are.
    static QString fieldLabel(const QString& column);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Field
    {
        QString column;
        QString key;
        QJsonValue survivor;
        QJsonValue merged;
        QString proposed; // "survivor" | "merged"
        qint64 keptFrom = 0; // the customer whose value is kept
    };
    QString sideOf(const Field& field) const;
    QString valueText(const QString& column, const QJsonValue& value) const;
    void countMoves();

    Store& m_store;
    qint64 m_survivorId = 0;
    qint64 m_mergedId = 0;
    QJsonObject m_survivorRow;
    QJsonObject m_mergedRow;
    QList<Field> m_fields;
    Moves m_moves;
};
