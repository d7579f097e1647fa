#pragma once

#include "AgentThresholds.h"
#include "QueueAlertThresholds.h"

#include <QHash>
#include <QSettings>
#include <memory>

// The supervisor's choices that outlive a session: agent state thresholds
// and queue alert thresholds (one default, and per-queue overrides). Typed,
// with defaults in the structs, in an ini file of their own (QSettings
// writes it through a temporary file, so a crash never leaves half of it).
class SupervisorSettings
{
public:
    // Empty path: defaultPath().
    explicit SupervisorSettings(const QString& iniPath = QString());
    // supervisor.ini in the application's configuration folder (a test
    // folder when QStandardPaths' test mode is on).
    static QString defaultPath();

    AgentThresholds agentThresholds() const;
    void setAgentThresholds(const AgentThresholds& thresholds);

    QueueAlertThresholds defaultQueueThresholds() const;
    void setDefaultQueueThresholds(const QueueAlertThresholds& thresholds);
    // The queue's own thresholds, else the default.
    QueueAlertThresholds queueThresholds(qint64 queueId) const;
    bool hasQueueOverride(qint64 queueId) const;
    void setQueueThresholds(qint64 queueId, const QueueAlertThresholds& thresholds);
    void clearQueueThresholds(qint64 queueId);

    // Writes what was set to the file now (QSettings also does it on its own).
    void sync();
    QString fileName() const { return m_settings->fileName(); }

private:
    QueueAlertThresholds readQueue(const QString& group, const QueueAlertThresholds& fallback) const;
    void writeQueue(const QString& group, const QueueAlertThresholds& thresholds);

    std::unique_ptr<QSettings> m_settings;
};
