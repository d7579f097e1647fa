#pragma once

#include "QueueAlertThresholds.h"
#include "QueueStats.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <functional>

class SupervisorSettings;

// Watches every queue against its thresholds (SupervisorSettings) and keeps
// the list of alerts: service level under the queue's target, longest wait
// over X, abandonment over Y %, and on social queues a spike of negative
// sentiment among the contacts of the last 15 minutes. An alert is raised
// when its condition starts to hold and cleared when it stops, each with the
// desk's time; the list (newest first) is this table model, and the banner
// follows activeChanged. Conditions are evaluated on every snapshot and on
// every tick, since a longest wait grows between snapshots.
class AlertMonitor : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { ServiceLevel, LongestWait, Abandonment, SocialSentiment };
    enum Column { Raised, Cleared, Queue, Alert, Value, Threshold, ColumnCount };
    enum Role {
        ActiveRole = Qt::UserRole + 1, // bool
        QueueIdRole, // qint64
        KindRole, // int: Kind
    };
    struct Entry
    {
        qint64 queueId = 0;
        QString queueName;
        Kind kind = Kind::ServiceLevel;
        QDateTime raisedAt;
        QDateTime clearedAt; // null while active
        double value = 0; // when raised, then the latest while active
        double threshold = 0;
        bool active() const { return clearedAt.isNull(); }
    };
    using Clock = std::function<QDateTime()>;

    explicit AlertMonitor(SupervisorSettings& settings, QObject* parent = nullptr);

    // Re-reads the thresholds (after the supervisor edited them) and re-evaluates.
    void reloadThresholds();
    QueueAlertThresholds thresholdsFor(qint64 queueId) const;
    void evaluate(const QueueStatsSnapshot& snapshot, qint64 hubNow);
    // Longest waits grow between snapshots.
    void tick(qint64 hubNow);
    // Tests fix the time alerts are stamped with.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    int activeCount() const;
    // One line for the banner: the most recent active alerts.
    QString activeSummary() const;
    const Entry& entryAt(int row) const { return m_entries.at(row); }
    static QString kindLabel(Kind kind);
    // How many entries the list keeps (the oldest cleared ones go first).
    static constexpr int kMaxEntries = 500;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void activeChanged(int count, const QString& summary);

private:
    struct Reading
    {
        bool holds = false;
        double value = 0;
        double threshold = 0;
    };
    Reading read(const QueueStatsRow& row, Kind kind, const QueueAlertThresholds& t, qint64 hubNow) const;
    void raise(const QueueStatsRow& row, Kind kind, const Reading& reading);
    void clear(int entryRow);
    static QString valueText(Kind kind, double value);

    SupervisorSettings& m_settings;
    QueueAlertThresholds m_default;
    QHash<qint64, QueueAlertThresholds> m_overrides;
    QSet<qint64> m_looked; // queues whose override was looked up
    QueueStatsSnapshot m_snapshot;
    qint64 m_now = 0;
    QList<Entry> m_entries; // newest first
    Clock m_clock;
};
