#pragma once

#include "AgentRecord.h"
#include "AgentThresholds.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

// Every agent of the centre, one row each: site, team, skills, state and
// reason, time in state, the interaction in hand (channel, customer,
// duration) and today's handled, average handle time and CSAT. Rows are
// updated in place from the feed's batches: a batch repaints the rows of
// the agents in it and only the columns that changed. Times tick once a
// second through tick(): one dataChanged over the time-in-state column and
// one over the duration column (every shown time moves each second), with
// only Qt::DisplayRole, so sorting and filtering proxies do not re-sort;
// rows that cross a threshold get their own dataChanged. The sort role of
// a time is its start, which does not change as time passes.
class AgentBoardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Agent,
        Site,
        Team,
        Skills,
        State,
        TimeInState,
        Channel,
        Customer,
        Duration,
        Handled,
        AverageHandleTime,
        Csat,
        ColumnCount
    };
    enum Role {
        AgentIdRole = Qt::UserRole + 1, // qint64
        SiteIdRole, // qint64
        TeamRole, // QString
        StateKeyRole, // QString: ready, not_ready, busy, after_call_work, logged_out
        SkillsRole, // QStringList
        OverThresholdRole, // bool: not ready or after-call work for too long
        SortRole, // a value that orders the column
        CustomerIdRole, // qint64, 0 when no interaction
        InteractionIdRole, // qint64
        IconNameRole, // QString, the channel's icon ("channel-voice") in the Channel column
    };

    explicit AgentBoardModel(QObject* parent = nullptr);

    // The whole list (a snapshot): rows that stay are updated in place, new
    // agents are inserted, agents no longer listed are removed.
    void setAgents(const QList<AgentRecord>& agents);
    // Agents that changed; unknown ids are inserted.
    void updateAgents(const QList<AgentRecord>& agents);
    // Hub seconds now: times and thresholds follow.
    void tick(qint64 hubNow);
    void setThresholds(const AgentThresholds& thresholds);
    const AgentThresholds& thresholds() const { return m_thresholds; }
    void setSiteNames(const QHash<qint64, QString>& names);

    const AgentRecord& agentAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 agentId) const { return m_rowOf.value(agentId, -1); }
    bool isOverThreshold(int row) const;
    int overThresholdCount() const;
    qint64 now() const { return m_now; }
    // The values the filters offer, sorted.
    QList<QPair<qint64, QString>> sites() const;
    QStringList teams() const;
    QStringList skills() const;

    static QString stateLabel(const QString& state);
    static QString durationLabel(qint64 seconds);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The sites, teams or skills the filters offer changed.
    void choicesChanged();

private:
    QVariant display(const AgentRecord& agent, int column) const;
    QVariant sortValue(const AgentRecord& agent, int column) const;
    bool overThreshold(const AgentRecord& agent) const;
    // The first and last column whose content differs; false when none does.
    static bool changedColumns(const AgentRecord& before, const AgentRecord& after, int* first, int* last);
    void appendRows(const QList<AgentRecord>& agents);
    void refreshThresholdFlags();
    void rebuildIndex();
    void checkChoices();

    QList<AgentRecord> m_rows;
    QHash<qint64, int> m_rowOf;
    QList<bool> m_over;
    QHash<qint64, QString> m_siteNames;
    AgentThresholds m_thresholds;
    qint64 m_now = 0;
    QStringList m_teams;
    QStringList m_skills;
    QList<qint64> m_siteIds;
};
