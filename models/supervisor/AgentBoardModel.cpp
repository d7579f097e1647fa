#include "AgentBoardModel.h"

#include "ChangedColumns.h"
#include "domain/Channel.h"

#include <QColor>
#include <QSet>
#include <algorithm>
#include <limits>

namespace {

QString channelName(const QString& key)
{
    const std::optional<Channel> channel = channelFromKey(key);
    return channel ? channelLabel(*channel) : key;
}

QString number(const std::optional<double>& value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QString();
}

QString skillsLabel(const QStringList& skills)
{
    return skills.join(QStringLiteral(", "));
}

} // namespace

AgentBoardModel::AgentBoardModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString AgentBoardModel::stateLabel(const QString& state)
{
    if (state == QLatin1String("ready"))
        return tr("Ready");
    if (state == QLatin1String("not_ready"))
        return tr("Not ready");
    if (state == QLatin1String("busy"))
        return tr("Busy");
    if (state == QLatin1String("after_call_work"))
        return tr("After-call work");
    if (state == QLatin1String("logged_out"))
        return tr("Logged out");
    return state;
}

QString AgentBoardModel::durationLabel(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 secs = seconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(secs, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
}

int AgentBoardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentBoardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AgentBoardModel::overThreshold(const AgentRecord& agent) const
{
    if (m_now <= 0 || agent.stateSince <= 0)
        return false;
    const qint64 inState = m_now - agent.stateSince;
    if (agent.state == QLatin1String("not_ready"))
        return inState > m_thresholds.notReadySeconds;
    if (agent.state == QLatin1String("after_call_work"))
        return inState > m_thresholds.afterCallWorkSeconds;
    return false;
}

bool AgentBoardModel::isOverThreshold(int row) const
{
    return m_over.value(row);
}

int AgentBoardModel::overThresholdCount() const
{
    return int(std::count(m_over.cbegin(), m_over.cend(), true));
}

QVariant AgentBoardModel::display(const AgentRecord& agent, int column) const
{
    switch (column) {
    case Agent:
        return agent.name;
    case Site:
        return m_siteNames.value(agent.siteId);
    case Team:
        return agent.team;
    case Skills:
        return skillsLabel(agent.skills);
    case State: {
        const QString label = stateLabel(agent.state);
        if (agent.reason.isEmpty() || (agent.state == QLatin1String("busy") && agent.reason == agent.channel))
            return label;
        // Reasons may come as keys ("back_office"): shown as words.
        return QStringLiteral("%1 · %2").arg(
            label, QString(agent.reason).replace(QLatin1Char('_'), QLatin1Char(' ')));
    }
    case TimeInState:
        if (agent.state == QLatin1String("logged_out") || agent.stateSince <= 0 || m_now <= 0)
            return QString();
        return durationLabel(m_now - agent.stateSince);
    case Channel:
        return agent.interactionId ? channelName(agent.channel) : QString();
    case Customer:
        if (!agent.interactionId)
            return QString();
        return agent.customerName.isEmpty() ? tr("Unknown customer") : agent.customerName;
    case Duration:
        if (!agent.interactionId || agent.interactionSince <= 0 || m_now <= 0)
            return QString();
        return durationLabel(m_now - agent.interactionSince);
    case Handled:
        return agent.handled;
    case AverageHandleTime:
        return agent.averageHandleTime ? durationLabel(qint64(*agent.averageHandleTime)) : QString();
    case Csat:
        return number(agent.averageCsat, 1);
    }
    return {};
}

QVariant AgentBoardModel::sortValue(const AgentRecord& agent, int column) const
{
    switch (column) {
    case TimeInState:
        // Longest first when sorted descending; a start does not tick.
        return agent.state == QLatin1String("logged_out") ? std::numeric_limits<qint64>::min()
                                                          : -agent.stateSince;
    case Duration:
        return agent.interactionId ? -agent.interactionSince : std::numeric_limits<qint64>::min();
    case Handled:
        return agent.handled;
    case AverageHandleTime:
        return agent.averageHandleTime.value_or(-1.0);
    case Csat:
        return agent.averageCsat.value_or(-1.0);
    case State:
        return agent.state;
    default:
        return display(agent, column).toString().toCaseFolded();
    }
}

QVariant AgentBoardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentRecord& agent = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(agent, column);
    case Qt::ToolTipRole:
        if (column == Skills)
            return skillsLabel(agent.skills);
        if (column == State && m_over.value(index.row()))
            return agent.state == QLatin1String("not_ready")
                ? tr("Not ready for longer than %1 minutes").arg(m_thresholds.notReadySeconds / 60)
                : tr("In after-call work for longer than %1 minutes")
                      .arg(m_thresholds.afterCallWorkSeconds / 60);
        return {};
    case Qt::TextAlignmentRole:
        if (column == TimeInState || column == Duration || column == Handled || column == AverageHandleTime
            || column == Csat)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (m_over.value(index.row()))
            return QColor(0xfd, 0xe2, 0xe1);
        return {};
    case Qt::ForegroundRole:
        if (column != State)
            return {};
        if (agent.state == QLatin1String("ready"))
            return QColor(0x1e, 0x7b, 0x34);
        if (agent.state == QLatin1String("busy"))
            return QColor(0x1f, 0x5f, 0xa8);
        if (agent.state == QLatin1String("after_call_work"))
            return QColor(0x9a, 0x5b, 0x00);
        if (agent.state == QLatin1String("not_ready"))
            return QColor(0xb0, 0x2a, 0x2a);
        return QColor(0x70, 0x70, 0x70);
    case AgentIdRole:
        return agent.id;
    case SiteIdRole:
        return agent.siteId;
    case TeamRole:
        return agent.team;
    case StateKeyRole:
        return agent.state;
    case SkillsRole:
        return agent.skills;
    case OverThresholdRole:
        return m_over.value(index.row());
    case SortRole:
        return sortValue(agent, column);
    case CustomerIdRole:
        return agent.customerId;
    case InteractionIdRole:
        return agent.interactionId;
    case IconNameRole:
        if (column == Channel && agent.interactionId)
            return QStringLiteral("channel-%1").arg(agent.channel);
        return {};
    }
    return {};
}

QVariant AgentBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Agent:
        return tr("Agent");
    case Site:
        return tr("Site");
    case Team:
        return tr("Team");
    case Skills:
        return tr("Skills");
    case State:
        return tr("State");
    case TimeInState:
        return tr("In state");
    case Channel:
        return tr("Channel");
    case Customer:
        return tr("Customer");
    case Duration:
        return tr("Duration");
    case Handled:
        return tr("Handled");
    case AverageHandleTime:
        return tr("AHT");
    case Csat:
        return tr("CSAT");
    }
    return {};
}

bool AgentBoardModel::changedColumns(const AgentRecord& a, const AgentRecord& b, int* first, int* last)
{
    const bool changed[ColumnCount] = {
        a.name != b.name,
        a.siteId != b.siteId,
        a.team != b.team,
        a.skills != b.skills,
        a.state != b.state || a.reason != b.reason,
        a.stateSince != b.stateSince || a.state != b.state,
        a.interactionId != b.interactionId || a.channel != b.channel,
        a.interactionId != b.interactionId || a.customerName != b.customerName
            || a.customerId != b.customerId,
        a.interactionId != b.interactionId || a.interactionSince != b.interactionSince,
        a.handled != b.handled,
        a.averageHandleTime != b.averageHandleTime,
        a.averageCsat != b.averageCsat,
    };
    // Fields without a column (FCR, sentiment, status) still count for the roles.
    return ChangedColumns::span(changed, !(a == b), first, last);
}

void AgentBoardModel::rebuildIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).id, row);
}

void AgentBoardModel::appendRows(const QList<AgentRecord>& agents)
{
    if (agents.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(agents.size()) - 1);
    for (const AgentRecord& agent : agents) {
        m_rowOf.insert(agent.id, int(m_rows.size()));
        m_rows.append(agent);
        m_over.append(overThreshold(agent));
    }
    endInsertRows();
}

void AgentBoardModel::setAgents(const QList<AgentRecord>& agents)
{
    QSet<qint64> listed;
    for (const AgentRecord& agent : agents)
        listed.insert(agent.id);
    // Removals last to first, in runs, so earlier rows keep their numbers.
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (listed.contains(m_rows.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !listed.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.remove(first, last - first + 1);
        m_over.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    rebuildIndex();
    updateAgents(agents);
}

void AgentBoardModel::updateAgents(const QList<AgentRecord>& agents)
{
    QList<AgentRecord> added;
    bool choicesMayChange = false;
    for (const AgentRecord& agent : agents) {
        const auto it = m_rowOf.constFind(agent.id);
        if (it == m_rowOf.cend()) {
            added.append(agent);
            continue;
        }
        const int row = it.value();
        int first = 0, last = 0;
        if (!changedColumns(m_rows.at(row), agent, &first, &last))
            continue;
        choicesMayChange = choicesMayChange || first <= Skills;
        m_rows[row] = agent;
        const bool over = overThreshold(agent);
        if (over != m_over.at(row)) {
            m_over[row] = over;
            first = 0;
            last = ColumnCount - 1;
        }
        Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    appendRows(added);
    if (choicesMayChange || !added.isEmpty())
        checkChoices();
}

void AgentBoardModel::tick(qint64 hubNow)
{
    if (hubNow == m_now)
        return;
    m_now = hubNow;
    if (m_rows.isEmpty())
        return;
    const int last = int(m_rows.size()) - 1;
    Q_EMIT dataChanged(index(0, TimeInState), index(last, TimeInState), { Qt::DisplayRole });
    Q_EMIT dataChanged(index(0, Duration), index(last, Duration), { Qt::DisplayRole });
    refreshThresholdFlags();
}

void AgentBoardModel::refreshThresholdFlags()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const bool over = overThreshold(m_rows.at(row));
        if (over == m_over.at(row))
            continue;
        m_over[row] = over;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void AgentBoardModel::setThresholds(const AgentThresholds& thresholds)
{
    if (thresholds == m_thresholds)
        return;
    m_thresholds = thresholds;
    refreshThresholdFlags();
}

void AgentBoardModel::setSiteNames(const QHash<qint64, QString>& names)
{
    if (names == m_siteNames)
        return;
    m_siteNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Site), index(int(m_rows.size()) - 1, Site));
    Q_EMIT choicesChanged();
}

void AgentBoardModel::checkChoices()
{
    QSet<QString> teams, skills;
    QSet<qint64> sites;
    for (const AgentRecord& agent : std::as_const(m_rows)) {
        if (!agent.team.isEmpty())
            teams.insert(agent.team);
        for (const QString& skill : agent.skills)
            skills.insert(skill);
        if (agent.siteId)
            sites.insert(agent.siteId);
    }
    QStringList teamList(teams.cbegin(), teams.cend());
    QStringList skillList(skills.cbegin(), skills.cend());
    QList<qint64> siteList(sites.cbegin(), sites.cend());
    std::sort(teamList.begin(), teamList.end());
    std::sort(skillList.begin(), skillList.end());
    std::sort(siteList.begin(), siteList.end());
    if (teamList == m_teams && skillList == m_skills && siteList == m_siteIds)
        return;
    m_teams = teamList;
    m_skills = skillList;
    m_siteIds = siteList;
    Q_EMIT choicesChanged();
}

QList<QPair<qint64, QString>> AgentBoardModel::sites() const
{
    QList<QPair<qint64, QString>> list;
    for (qint64 id : m_siteIds)
        list.append({ id, m_siteNames.value(id, tr("Site %1").arg(id)) });
    return list;
}

QStringList AgentBoardModel::teams() const
{
    return m_teams;
}

QStringList AgentBoardModel::skills() const
{
    return m_skills;
}
