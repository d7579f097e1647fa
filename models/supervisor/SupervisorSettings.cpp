#include "SupervisorSettings.h"

#include <QStandardPaths>

namespace {

const QString kAgentGroup = QStringLiteral("supervisor/agentThresholds");
const QString kDefaultQueueGroup = QStringLiteral("supervisor/queueAlerts/default");

QString queueGroup(qint64 queueId)
{
    return QStringLiteral("supervisor/queueAlerts/queue%1").arg(queueId);
}

} // namespace

SupervisorSettings::SupervisorSettings(const QString& iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

AgentThresholds SupervisorSettings::agentThresholds() const
{
    const AgentThresholds defaults;
    AgentThresholds thresholds;
    thresholds.notReadySeconds
        = m_settings->value(kAgentGroup + QStringLiteral("/notReadySeconds"), defaults.notReadySeconds)
              .toInt();
    thresholds.afterCallWorkSeconds
        = m_settings
              ->value(kAgentGroup + QStringLiteral("/afterCallWorkSeconds"), defaults.afterCallWorkSeconds)
              .toInt();
    return thresholds;
}

void SupervisorSettings::setAgentThresholds(const AgentThresholds& thresholds)
{
    m_settings->setValue(kAgentGroup + QStringLiteral("/notReadySeconds"), thresholds.notReadySeconds);
    m_settings->setValue(
        kAgentGroup + QStringLiteral("/afterCallWorkSeconds"), thresholds.afterCallWorkSeconds);
}

QueueAlertThresholds SupervisorSettings::readQueue(
    const QString& group, const QueueAlertThresholds& fallback) const
{
    QueueAlertThresholds t;
    auto key = [&group](const char* name) { return group + QLatin1Char('/') + QLatin1String(name); };
    t.serviceLevelBelowTarget
        = m_settings->value(key("serviceLevelBelowTarget"), fallback.serviceLevelBelowTarget).toBool();
    t.longestWaitSeconds = m_settings->value(key("longestWaitSeconds"), fallback.longestWaitSeconds).toInt();
    t.abandonedPct = m_settings->value(key("abandonedPct"), fallback.abandonedPct).toDouble();
    t.socialNegativePct = m_settings->value(key("socialNegativePct"), fallback.socialNegativePct).toDouble();
    t.minimumContacts = m_settings->value(key("minimumContacts"), fallback.minimumContacts).toInt();
    t.minimumRecentSentiments
        = m_settings->value(key("minimumRecentSentiments"), fallback.minimumRecentSentiments).toInt();
    return t;
}

void SupervisorSettings::writeQueue(const QString& group, const QueueAlertThresholds& t)
{
    auto key = [&group](const char* name) { return group + QLatin1Char('/') + QLatin1String(name); };
    m_settings->setValue(key("serviceLevelBelowTarget"), t.serviceLevelBelowTarget);
    m_settings->setValue(key("longestWaitSeconds"), t.longestWaitSeconds);
    m_settings->setValue(key("abandonedPct"), t.abandonedPct);
    m_settings->setValue(key("socialNegativePct"), t.socialNegativePct);
    m_settings->setValue(key("minimumContacts"), t.minimumContacts);
    m_settings->setValue(key("minimumRecentSentiments"), t.minimumRecentSentiments);
}

QueueAlertThresholds SupervisorSettings::defaultQueueThresholds() const
{
    return readQueue(kDefaultQueueGroup, QueueAlertThresholds());
}

void SupervisorSettings::setDefaultQueueThresholds(const QueueAlertThresholds& thresholds)
{
    writeQueue(kDefaultQueueGroup, thresholds);
}

QueueAlertThresholds SupervisorSettings::queueThresholds(qint64 queueId) const
{
    const QueueAlertThresholds fallback = defaultQueueThresholds();
    return hasQueueOverride(queueId) ? readQueue(queueGroup(queueId), fallback) : fallback;
}

bool SupervisorSettings::hasQueueOverride(qint64 queueId) const
{
    return m_settings->contains(queueGroup(queueId) + QStringLiteral("/longestWaitSeconds"));
}

void SupervisorSettings::setQueueThresholds(qint64 queueId, const QueueAlertThresholds& thresholds)
{
    writeQueue(queueGroup(queueId), thresholds);
}

void SupervisorSettings::clearQueueThresholds(qint64 queueId)
{
    m_settings->remove(queueGroup(queueId));
}

void SupervisorSettings::sync()
{
    m_settings->sync();
}
