#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

// A table model whose rows are store entities with ids, read a page at a
// time. When the store changes under it (the sync engine applied a page),
// reconcile() brings the loaded rows to what the query answers now with row
// removals, insertions and dataChanged on the rows that changed — never a
// reset — so views keep the agent's current row, selection and scroll
// position, and a change to one customer repaints one row.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // rows becomes fresh (the query's answer for the rows loaded so far). Rows
    // that stay keep their place in the views; dataChanged covers the rows
    // whose id is in changed. idOf(row) gives a row's id.
    template <typename Row, typename IdOf>
    void reconcile(QList<Row>& rows, QList<Row> fresh, const QSet<qint64>& changed, IdOf idOf);

    // dataChanged over every column of these rows, one signal per contiguous run.
    void emitRowsChanged(QList<int> rows);

private:
    // Which of the old rows can stay: the longest run whose positions in the
    // new answer increase (-1 = gone). The rest is removed and, if still
    // there, inserted at its new place: the fewest row moves views must follow.
    static QList<bool> rowsToKeep(const QList<int>& newPositions);
};

template <typename Row, typename IdOf>
void KeyedTableModel::reconcile(QList<Row>& rows, QList<Row> fresh, const QSet<qint64>& changed, IdOf idOf)
{
    // A row written between the two reads of a paged query could come twice;
    // one id must be one row, or the matching below would lose its place.
    QHash<qint64, int> freshIndex;
    for (qsizetype i = 0; i < fresh.size();) {
        if (freshIndex.contains(idOf(fresh.at(i)))) {
            fresh.removeAt(i);
        } else {
            freshIndex.insert(idOf(fresh.at(i)), int(i));
            ++i;
        }
    }

    QList<int> positions;
    positions.reserve(rows.size());
    for (const Row& row : std::as_const(rows))
        positions.append(freshIndex.value(idOf(row), -1));
    const QList<bool> keep = rowsToKeep(positions);

    // Removals last to first, so earlier row numbers stay valid.
    for (int last = int(rows.size()) - 1; last >= 0;) {
        if (keep.at(last)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep.at(first - 1))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // What is left is in fresh's order: insert what is missing around it.
    QList<int> changedRows;
    int row = 0;
    for (int i = 0; i < fresh.size();) {
        if (row < rows.size() && idOf(rows.at(row)) == idOf(fresh.at(i))) {
            rows[row] = fresh.at(i);
            if (changed.contains(idOf(fresh.at(i))))
                changedRows.append(row);
            ++row;
            ++i;
            continue;
        }
        const int first = i;
        while (i < fresh.size() && !(row < rows.size() && idOf(rows.at(row)) == idOf(fresh.at(i))))
            ++i;
        beginInsertRows(QModelIndex(), row, row + (i - first) - 1);
        for (int k = first; k < i; ++k)
            rows.insert(row + (k - first), fresh.at(k));
        endInsertRows();
        row += i - first;
    }
    emitRowsChanged(changedRows);
}
