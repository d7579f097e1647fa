#include "QueueBoardModel.h"

#include "AgentBoardModel.h"
#include "ChangedColumns.h"
#include "domain/Channel.h"

#include <QColor>
#include <QFont>
#include <QSet>

namespace {

QString number(const std::optional<double>& value, int decimals, const QString& suffix = QString())
{
    return value ? QString::number(*value, 'f', decimals) + suffix : QString();
}

} // namespace

QueueBoardModel::QueueBoardModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int QueueBoardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueBoardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int QueueBoardModel::rowOf(QueueStatsRow::Kind kind, qint64 id) const
{
    QueueStatsRow probe;
    probe.kind = kind;
    probe.id = id;
    return m_rowOf.value(probe.key(), -1);
}

bool QueueBoardModel::isBelowTarget(const QueueStatsRow& row)
{
    return row.kind == QueueStatsRow::Kind::Queue && row.serviceLevelPct
        && *row.serviceLevelPct < row.serviceLevelTargetPct;
}

qint64 QueueBoardModel::longestWaitNow(const QueueStatsRow& row) const
{
    if (row.waiting <= 0)
        return 0;
    return row.longestWaitSeconds + std::max<qint64>(0, m_now - m_generatedAt);
}

QVariant QueueBoardModel::display(const QueueStatsRow& row, int column) const
{
    switch (column) {
    case Name:
        return row.kind == QueueStatsRow::Kind::All ? tr("All sites") : row.name;
    case Channel:
        if (row.kind != QueueStatsRow::Kind::Queue)
            return row.kind == QueueStatsRow::Kind::Site ? tr("Site") : QString();
        if (const std::optional<::Channel> channel = channelFromKey(row.channel))
            return channelLabel(*channel);
        return row.channel;
    case Waiting:
        return row.waiting;
    case LongestWait:
        return row.waiting > 0 ? AgentBoardModel::durationLabel(longestWaitNow(row)) : QString();
    case Offered:
        return row.offered;
    case Answered:
        return row.answered;
    case AbandonedPct:
        return number(row.abandonedPct, 1, QStringLiteral(" %"));
    case AverageSpeedOfAnswer:
        return row.averageSpeedOfAnswer ? AgentBoardModel::durationLabel(qint64(*row.averageSpeedOfAnswer))
                                        : QString();
    case ServiceLevel:
        return number(row.serviceLevelPct, 1, QStringLiteral(" %"));
    case Target:
        if (row.kind != QueueStatsRow::Kind::Queue)
            return QString();
        return tr("%1 % in %2")
            .arg(row.serviceLevelTargetPct)
            .arg(row.serviceLevelSeconds < 120       ? tr("%1 s").arg(row.serviceLevelSeconds)
                    : row.serviceLevelSeconds < 7200 ? tr("%1 min").arg(row.serviceLevelSeconds / 60)
                                                     : tr("%1 h").arg(row.serviceLevelSeconds / 3600));
    case AverageHandleTime:
        return row.averageHandleTime ? AgentBoardModel::durationLabel(qint64(*row.averageHandleTime))
                                     : QString();
    case Csat:
        return number(row.averageCsat, 1);
    case Sentiment:
        return row.averageSentiment ? QString::number(*row.averageSentiment, 'f', 2) : QString();
    }
    return {};
}

QVariant QueueBoardModel::sortValue(const QueueStatsRow& row, int column) const
{
    switch (column) {
    case Name:
    case Channel:
        return display(row, column).toString().toCaseFolded();
    case Waiting:
        return row.waiting;
    case LongestWait:
        return row.waiting > 0 ? m_generatedAt - row.longestWaitSeconds : std::numeric_limits<qint64>::max();
    case Offered:
        return row.offered;
    case Answered:
        return row.answered;
    case AbandonedPct:
        return row.abandonedPct.value_or(-1.0);
    case AverageSpeedOfAnswer:
        return row.averageSpeedOfAnswer.value_or(-1.0);
    case ServiceLevel:
        return row.serviceLevelPct.value_or(-1.0);
    case Target:
        return row.serviceLevelTargetPct;
    case AverageHandleTime:
        return row.averageHandleTime.value_or(-1.0);
    case Csat:
        return row.averageCsat.value_or(-1.0);
    case Sentiment:
        return row.averageSentiment.value_or(-2.0);
    }
    return {};
}

QVariant QueueBoardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueStatsRow& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::TextAlignmentRole:
        if (column == Name || column == Channel)
            return {};
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.kind != QueueStatsRow::Kind::Queue) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == ServiceLevel && isBelowTarget(row))
            return QColor(0xb0, 0x2a, 0x2a);
        return {};
    case Qt::ToolTipRole:
        if (column == ServiceLevel && row.serviceLevelPct)
            return tr("%1 of %2 answered within the target")
                .arg(qRound(*row.serviceLevelPct * row.serviceLevelDenominator / 100.0))
                .arg(row.serviceLevelDenominator);
        return {};
    case KindRole:
        return int(row.kind);
    case RowIdRole:
        return row.id;
    case BelowTargetRole:
        return isBelowTarget(row);
    case SortRole:
        return sortValue(row, column);
    case IconNameRole:
        if (column == Channel && row.kind == QueueStatsRow::Kind::Queue)
            return QStringLiteral("channel-%1").arg(row.channel);
        return {};
    case LongestWaitNowRole:
        return longestWaitNow(row);
    }
    return {};
}

QVariant QueueBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AverageSpeedOfAnswer:
            return tr("Average speed of answer: the mean wait of answered contacts");
        case ServiceLevel:
            return tr("Contacts answered within the queue's target time, today");
        case AverageHandleTime:
            return tr("Average handle time: from the answer to the end of after-call work");
        case Sentiment:
            return tr("Average customer sentiment, from -1 (negative) to 1 (positive)");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Queue");
    case Channel:
        return tr("Channel");
    case Waiting:
        return tr("Waiting");
    case LongestWait:
        return tr("Longest wait");
    case Offered:
        return tr("Offered");
    case Answered:
        return tr("Answered");
    case AbandonedPct:
        return tr("Abandoned");
    case AverageSpeedOfAnswer:
        return tr("ASA");
    case ServiceLevel:
        return tr("Service level");
    case Target:
        return tr("Target");
    case AverageHandleTime:
        return tr("AHT");
    case Csat:
        return tr("CSAT");
    case Sentiment:
        return tr("Sentiment");
    }
    return {};
}

bool QueueBoardModel::changedColumns(const QueueStatsRow& a, const QueueStatsRow& b, int* first, int* last)
{
    const bool changed[ColumnCount] = {
        a.name != b.name,
        a.channel != b.channel,
        a.waiting != b.waiting,
        a.waiting != b.waiting || a.longestWaitSeconds != b.longestWaitSeconds,
        a.offered != b.offered,
        a.answered != b.answered,
        a.abandonedPct != b.abandonedPct,
        a.averageSpeedOfAnswer != b.averageSpeedOfAnswer,
        a.serviceLevelPct != b.serviceLevelPct || a.serviceLevelDenominator != b.serviceLevelDenominator,
        a.serviceLevelTargetPct != b.serviceLevelTargetPct || a.serviceLevelSeconds != b.serviceLevelSeconds,
        a.averageHandleTime != b.averageHandleTime,
        a.averageCsat != b.averageCsat,
        a.averageSentiment != b.averageSentiment,
    };
    return ChangedColumns::span(changed, !(a == b), first, last);
}

void QueueBoardModel::setSnapshot(const QueueStatsSnapshot& snapshot)
{
    // Between two snapshots the waits ticked from the old stamp: they now
    // start from the new one, so every waiting row's longest wait is fresh.
    const bool restamped = snapshot.generatedAt != m_generatedAt;
    m_generatedAt = snapshot.generatedAt;
    m_now = std::max(m_now, m_generatedAt);
    QSet<qint64> keys;
    for (const QueueStatsRow& row : snapshot.rows)
        keys.insert(row.key());
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (keys.contains(m_rows.at(last).key())) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keys.contains(m_rows.at(first - 1).key()))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    m_rowOf.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).key(), row);
    QList<QueueStatsRow> added;
    for (const QueueStatsRow& fresh : snapshot.rows) {
        const auto it = m_rowOf.constFind(fresh.key());
        if (it == m_rowOf.cend()) {
            added.append(fresh);
            continue;
        }
        const int row = it.value();
        int first = 0, last = 0;
        const bool changed = changedColumns(m_rows.at(row), fresh, &first, &last);
        const bool waitMoved = restamped && fresh.waiting > 0;
        if (!changed && !waitMoved)
            continue;
        m_rows[row] = fresh;
        if (waitMoved) {
            first = changed ? std::min(first, int(LongestWait)) : int(LongestWait);
            last = changed ? std::max(last, int(LongestWait)) : int(LongestWait);
        }
        Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (const QueueStatsRow& row : std::as_const(added)) {
            m_rowOf.insert(row.key(), int(m_rows.size()));
            m_rows.append(row);
        }
        endInsertRows();
    }
}

void QueueBoardModel::tick(qint64 hubNow)
{
    if (hubNow <= m_now)
        return;
    m_now = hubNow;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).waiting > 0)
            Q_EMIT dataChanged(
                index(row, LongestWait), index(row, LongestWait), { Qt::DisplayRole, LongestWaitNowRole });
    }
}
