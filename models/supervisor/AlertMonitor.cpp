#include "AlertMonitor.h"

#include "AgentBoardModel.h"
#include "SupervisorSettings.h"

#include <QColor>
#include <QLocale>

AlertMonitor::AlertMonitor(SupervisorSettings& settings, QObject* parent)
    : QAbstractTableModel(parent)
    , m_settings(settings)
    , m_default(settings.defaultQueueThresholds())
    , m_clock([] { return QDateTime::currentDateTime(); })
{ }

QueueAlertThresholds AlertMonitor::thresholdsFor(qint64 queueId) const
{
    return m_overrides.value(queueId, m_default);
}

void AlertMonitor::reloadThresholds()
{
    m_default = m_settings.defaultQueueThresholds();
    m_overrides.clear();
    m_looked.clear();
    evaluate(m_snapshot, m_now);
}

QString AlertMonitor::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::ServiceLevel:
        return tr("Service level under target");
    case Kind::LongestWait:
        return tr("Longest wait too long");
    case Kind::Abandonment:
        return tr("Abandonment too high");
    case Kind::SocialSentiment:
        return tr("Negative sentiment spike");
    }
    return {};
}

QString AlertMonitor::valueText(Kind kind, double value)
{
    if (kind == Kind::LongestWait)
        return AgentBoardModel::durationLabel(qint64(value));
    return QStringLiteral("%1 %").arg(value, 0, 'f', 1);
}

AlertMonitor::Reading AlertMonitor::read(
    const QueueStatsRow& row, Kind kind, const QueueAlertThresholds& t, qint64 hubNow) const
{
    Reading r;
    switch (kind) {
    case Kind::ServiceLevel:
        r.threshold = row.serviceLevelTargetPct;
        r.value = row.serviceLevelPct.value_or(100.0);
        r.holds = t.serviceLevelBelowTarget && row.serviceLevelPct
            && row.serviceLevelDenominator >= t.minimumContacts
            && *row.serviceLevelPct < row.serviceLevelTargetPct;
        break;
    case Kind::LongestWait:
        r.threshold = t.longestWaitSeconds;
        r.value = row.waiting > 0
            ? double(row.longestWaitSeconds + std::max<qint64>(0, hubNow - m_snapshot.generatedAt))
            : 0.0;
        r.holds = t.longestWaitSeconds > 0 && r.value > t.longestWaitSeconds;
        break;
    case Kind::Abandonment:
        r.threshold = t.abandonedPct;
        r.value = row.abandonedPct.value_or(0.0);
        r.holds = t.abandonedPct > 0 && row.offered >= t.minimumContacts && r.value > t.abandonedPct;
        break;
    case Kind::SocialSentiment:
        r.threshold = t.socialNegativePct;
        r.value = row.recentNegativePct.value_or(0.0);
        r.holds = row.channel == QLatin1String("social") && t.socialNegativePct > 0
            && row.recentSentimentCount >= t.minimumRecentSentiments && r.value >= t.socialNegativePct;
        break;
    }
    return r;
}

void AlertMonitor::evaluate(const QueueStatsSnapshot& snapshot, qint64 hubNow)
{
    m_snapshot = snapshot;
    m_now = std::max(hubNow, snapshot.generatedAt);
    bool changed = false;
    for (const QueueStatsRow& row : std::as_const(m_snapshot.rows)) {
        if (row.kind != QueueStatsRow::Kind::Queue)
            continue;
        if (!m_looked.contains(row.id)) {
            m_looked.insert(row.id);
            if (m_settings.hasQueueOverride(row.id))
                m_overrides.insert(row.id, m_settings.queueThresholds(row.id));
        }
        const QueueAlertThresholds t = thresholdsFor(row.id);
        for (const Kind kind :
            { Kind::ServiceLevel, Kind::LongestWait, Kind::Abandonment, Kind::SocialSentiment }) {
            const Reading reading = read(row, kind, t, m_now);
            int active = -1;
            for (int i = 0; i < m_entries.size(); ++i) {
                const Entry& entry = m_entries.at(i);
                if (entry.active() && entry.queueId == row.id && entry.kind == kind) {
                    active = i;
                    break;
                }
            }
            if (reading.holds && active < 0) {
                raise(row, kind, reading);
                changed = true;
            } else if (!reading.holds && active >= 0) {
                clear(active);
                changed = true;
            } else if (active >= 0
                && (m_entries.at(active).value != reading.value
                    || m_entries.at(active).threshold != reading.threshold)) {
                m_entries[active].value = reading.value;
                m_entries[active].threshold = reading.threshold;
                Q_EMIT dataChanged(index(active, Value), index(active, Threshold));
            }
        }
    }
    if (changed)
        Q_EMIT activeChanged(activeCount(), activeSummary());
}

void AlertMonitor::tick(qint64 hubNow)
{
    if (!m_snapshot.isEmpty())
        evaluate(m_snapshot, hubNow);
}

void AlertMonitor::raise(const QueueStatsRow& row, Kind kind, const Reading& reading)
{
    Entry entry;
    entry.queueId = row.id;
    entry.queueName = row.name;
    entry.kind = kind;
    entry.raisedAt = m_clock();
    entry.value = reading.value;
    entry.threshold = reading.threshold;
    beginInsertRows(QModelIndex(), 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    // The oldest cleared alerts go first when the list is full.
    for (int i = int(m_entries.size()) - 1; m_entries.size() > kMaxEntries && i >= 0; --i) {
        if (m_entries.at(i).active())
            continue;
        beginRemoveRows(QModelIndex(), i, i);
        m_entries.removeAt(i);
        endRemoveRows();
    }
}

void AlertMonitor::clear(int entryRow)
{
    m_entries[entryRow].clearedAt = m_clock();
    Q_EMIT dataChanged(index(entryRow, 0), index(entryRow, ColumnCount - 1));
}

int AlertMonitor::activeCount() const
{
    return int(
        std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry& e) { return e.active(); }));
}

QString AlertMonitor::activeSummary() const
{
    QStringList parts;
    int more = 0;
    for (const Entry& entry : m_entries) {
        if (!entry.active())
            continue;
        if (parts.size() < 3)
            parts << tr("%1: %2 (%3)")
                         .arg(entry.queueName, kindLabel(entry.kind).toLower(),
                             valueText(entry.kind, entry.value));
        else
            ++more;
    }
    if (more > 0)
        parts << tr("%n more", nullptr, more);
    return parts.join(QStringLiteral(" · "));
}

int AlertMonitor::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AlertMonitor::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertMonitor::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Raised:
            return QLocale().toString(entry.raisedAt.time(), QLocale::ShortFormat);
        case Cleared:
            return entry.active() ? tr("active")
                                  : QLocale().toString(entry.clearedAt.time(), QLocale::ShortFormat);
        case Queue:
            return entry.queueName;
        case Alert:
            return kindLabel(entry.kind);
        case Value:
            return valueText(entry.kind, entry.value);
        case Threshold:
            return entry.kind == Kind::ServiceLevel
                ? tr("target %1").arg(valueText(entry.kind, entry.threshold))
                : valueText(entry.kind, entry.threshold);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Raised)
            return QLocale().toString(entry.raisedAt, QLocale::LongFormat);
        if (index.column() == Cleared && !entry.active())
            return QLocale().toString(entry.clearedAt, QLocale::LongFormat);
        return {};
    case Qt::ForegroundRole:
        return entry.active() ? QColor(0xb0, 0x2a, 0x2a) : QColor(0x70, 0x70, 0x70);
    case ActiveRole:
        return entry.active();
    case QueueIdRole:
        return entry.queueId;
    case KindRole:
        return int(entry.kind);
    }
    return {};
}

QVariant AlertMonitor::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Raised:
        return tr("Raised");
    case Cleared:
        return tr("Cleared");
    case Queue:
        return tr("Queue");
    case Alert:
        return tr("Alert");
    case Value:
        return tr("Value");
    case Threshold:
        return tr("Threshold");
    }
    return {};
}
