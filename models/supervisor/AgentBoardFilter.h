#pragma once

#include <QSortFilterProxyModel>

class AgentBoardModel;

// The agent board as the supervisor narrows it: by site, team, state and
// skill (empty or 0 = any), optionally only the agents past a threshold;
// sorted by AgentBoardModel::SortRole, so ticking times never re-sort. The
// filter reads the rows directly rather than through QVariant roles: it
// runs for every row of every batch.
class AgentBoardFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AgentBoardFilter(AgentBoardModel& board, QObject* parent = nullptr);

    void setSite(qint64 siteId);
    void setTeam(const QString& team);
    void setState(const QString& stateKey);
    void setSkill(const QString& skill);
    void setOverThresholdOnly(bool only);
    qint64 site() const { return m_siteId; }
    QString team() const { return m_team; }
    QString state() const { return m_state; }
    QString skill() const { return m_skill; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    AgentBoardModel& m_board;
    qint64 m_siteId = 0;
    QString m_team;
    QString m_state;
    QString m_skill;
    bool m_overOnly = false;
};
