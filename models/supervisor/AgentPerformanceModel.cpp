#include "AgentPerformanceModel.h"

#include "AgentBoardModel.h"

AgentPerformanceModel::AgentPerformanceModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

const QList<PerformanceReport::Row>& AgentPerformanceModel::rows() const
{
    return m_grouping == Grouping::Agents ? m_report.agents : m_report.teams;
}

void AgentPerformanceModel::setReport(const PerformanceReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void AgentPerformanceModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    endResetModel();
}

void AgentPerformanceModel::setSiteNames(const QHash<qint64, QString>& names)
{
    if (names == m_siteNames)
        return;
    m_siteNames = names;
    if (!rows().isEmpty())
        Q_EMIT dataChanged(index(0, Site), index(rowCount() - 1, Site));
}

int AgentPerformanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows().size());
}

int AgentPerformanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentPerformanceModel::display(const PerformanceReport::Row& row, int column) const
{
    auto number = [](const std::optional<double>& value, int decimals, const QString& suffix = QString()) {
        return value ? QString::number(*value, 'f', decimals) + suffix : QString();
    };
    switch (column) {
    case Name:
        return row.name;
    case Site:
        return m_siteNames.value(row.siteId);
    case Team:
        return row.team;
    case Agents:
        return m_grouping == Grouping::Teams ? QVariant(row.agents) : QVariant(QString());
    case Handled:
        return row.handled;
    case AverageHandleTime:
        return row.averageHandleTime ? AgentBoardModel::durationLabel(qint64(*row.averageHandleTime))
                                     : QString();
    case FirstContactResolution:
        return number(row.firstContactResolutionPct, 1, QStringLiteral(" %"));
    case Csat:
        return number(row.averageCsat, 2);
    case Sentiment:
        return number(row.averageSentiment, 2);
    }
    return {};
}

QVariant AgentPerformanceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PerformanceReport::Row& row = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= Agents ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case AgentIdRole:
        return row.agentId;
    case SortRole:
        switch (index.column()) {
        case Agents:
            return row.agents;
        case Handled:
            return row.handled;
        case AverageHandleTime:
            return row.averageHandleTime.value_or(-1.0);
        case FirstContactResolution:
            return row.firstContactResolutionPct.value_or(-1.0);
        case Csat:
            return row.averageCsat.value_or(-1.0);
        case Sentiment:
            return row.averageSentiment.value_or(-2.0);
        default:
            return display(row, index.column()).toString().toCaseFolded();
        }
    }
    return {};
}

QVariant AgentPerformanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return m_grouping == Grouping::Agents ? tr("Agent") : tr("Team");
    case Site:
        return tr("Site");
    case Team:
        return tr("Team");
    case Agents:
        return tr("Agents");
    case Handled:
        return tr("Handled");
    case AverageHandleTime:
        return tr("AHT");
    case FirstContactResolution:
        return tr("FCR");
    case Csat:
        return tr("CSAT");
    case Sentiment:
        return tr("Sentiment");
    }
    return {};
}
