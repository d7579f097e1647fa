#pragma once

#include "PerformanceReport.h"

#include <QAbstractTableModel>
#include <QHash>

// Agent performance against customer satisfaction for a period: per agent
// or per team, handled, average handle time, first-contact resolution, CSAT
// and the average sentiment of their customers. A new report (another
// period, or a refresh) replaces the rows with a reset: it is a different
// table, asked for by the supervisor, not a live update.
class AgentPerformanceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Grouping { Agents, Teams };
    enum Column {
        Name,
        Site,
        Team,
        Agents,
        Handled,
        AverageHandleTime,
        FirstContactResolution,
        Csat,
        Sentiment,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, AgentIdRole };

    explicit AgentPerformanceModel(QObject* parent = nullptr);

    void setReport(const PerformanceReport& report);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    void setSiteNames(const QHash<qint64, QString>& names);
    const PerformanceReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QList<PerformanceReport::Row>& rows() const;
    QVariant display(const PerformanceReport::Row& row, int column) const;

    PerformanceReport m_report;
    Grouping m_grouping = Grouping::Agents;
    QHash<qint64, QString> m_siteNames;
};
