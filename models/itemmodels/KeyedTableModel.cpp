#include "KeyedTableModel.h"

#include <algorithm>

void KeyedTableModel::emitRowsChanged(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    const int lastColumn = columnCount() - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), 0), index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

QList<bool> KeyedTableModel::rowsToKeep(const QList<int>& newPositions)
{
    // Longest strictly increasing subsequence in O(n log n): tails[k] is the
    // index of the smallest last position of an increasing run of length k+1.
    const qsizetype n = newPositions.size();
    QList<int> tails;
    QList<int> previous(n, -1);
    for (int i = 0; i < int(n); ++i) {
        const int position = newPositions.at(i);
        if (position < 0)
            continue;
        const auto it = std::lower_bound(tails.begin(), tails.end(), position,
            [&newPositions](int index, int value) { return newPositions.at(index) < value; });
        const qsizetype length = it - tails.begin();
        if (length > 0)
            previous[i] = tails.at(length - 1);
        if (it == tails.end())
            tails.append(i);
        else
            *it = i;
    }
    QList<bool> keep(n, false);
    for (int i = tails.isEmpty() ? -1 : tails.last(); i >= 0; i = previous.at(i))
        keep[i] = true;
    return keep;
}
