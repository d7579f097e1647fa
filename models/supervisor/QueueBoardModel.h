#pragma once

#include "QueueStats.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The queue board: all sites together, then each site, then each queue,
// with waiting now, longest wait, offered, answered, abandoned %, average
// speed of answer, service level against the queue's target, average handle
// time, CSAT and average sentiment. A new snapshot updates rows in place and
// signals only the rows (and columns) whose figures changed; the longest
// wait ticks between snapshots through tick(), for the rows with someone
// waiting. Service level under target is shown in red.
class QueueBoardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Channel,
        Waiting,
        LongestWait,
        Offered,
        Answered,
        AbandonedPct,
        AverageSpeedOfAnswer,
        ServiceLevel,
        Target,
        AverageHandleTime,
        Csat,
        Sentiment,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole + 1, // int: QueueStatsRow::Kind
        RowIdRole, // qint64: queue or site id, 0 for all sites
        BelowTargetRole, // bool
        SortRole,
        IconNameRole, // QString: the queue channel's icon, in the Channel column
        LongestWaitNowRole, // qint64 seconds, ticking
    };

    explicit QueueBoardModel(QObject* parent = nullptr);

    void setSnapshot(const QueueStatsSnapshot& snapshot);
    void tick(qint64 hubNow);

    const QueueStatsRow& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(QueueStatsRow::Kind kind, qint64 id) const;
    // The longest wait of a row now (hub seconds), between snapshots too.
    qint64 longestWaitNow(const QueueStatsRow& row) const;
    static bool isBelowTarget(const QueueStatsRow& row);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const QueueStatsRow& row, int column) const;
    QVariant sortValue(const QueueStatsRow& row, int column) const;
    static bool changedColumns(const QueueStatsRow& a, const QueueStatsRow& b, int* first, int* last);

    QList<QueueStatsRow> m_rows;
    QHash<qint64, int> m_rowOf; // key() -> row
    qint64 m_generatedAt = 0;
    qint64 m_now = 0;
};
