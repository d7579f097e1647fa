#include "AgentBoardFilter.h"

#include "AgentBoardModel.h"

AgentBoardFilter::AgentBoardFilter(AgentBoardModel& board, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_board(board)
{
    setSourceModel(&board);
    setSortRole(AgentBoardModel::SortRole);
    setDynamicSortFilter(true);
}

void AgentBoardFilter::setSite(qint64 siteId)
{
    if (siteId == m_siteId)
        return;
    m_siteId = siteId;
    invalidateFilter();
}

void AgentBoardFilter::setTeam(const QString& team)
{
    if (team == m_team)
        return;
    m_team = team;
    invalidateFilter();
}

void AgentBoardFilter::setState(const QString& stateKey)
{
    if (stateKey == m_state)
        return;
    m_state = stateKey;
    invalidateFilter();
}

void AgentBoardFilter::setSkill(const QString& skill)
{
    if (skill == m_skill)
        return;
    m_skill = skill;
    invalidateFilter();
}

void AgentBoardFilter::setOverThresholdOnly(bool only)
{
    if (only == m_overOnly)
        return;
    m_overOnly = only;
    invalidateFilter();
}

bool AgentBoardFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const AgentRecord& agent = m_board.agentAt(sourceRow);
    return (m_siteId == 0 || agent.siteId == m_siteId) && (m_team.isEmpty() || agent.team == m_team)
        && (m_state.isEmpty() || agent.state == m_state)
        && (m_skill.isEmpty() || agent.skills.contains(m_skill))
        && (!m_overOnly || m_board.isOverThreshold(sourceRow));
}
