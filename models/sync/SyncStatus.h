#pragma once

#include "SyncStatusSnapshot.h"

#include <QObject>
#include <QTimer>

// What the status bar shows about sync, as properties a widget (or QML)
// binds to: online / connecting / offline (retry in N s), the last complete
// sync, commands waiting in the outbox, the last error. It lives on the GUI
// thread and is fed snapshots from the engine by a queued connection, so the
// status tells the truth without the GUI ever touching the sync thread.
class SyncStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY changed)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY changed)
    Q_PROPERTY(int pendingOutbox READ pendingOutbox NOTIFY changed)
    Q_PROPERTY(int rejectedOutbox READ rejectedOutbox NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
public:
    enum class State { Offline, Connecting, Online };
    Q_ENUM(State)

    explicit SyncStatus(QObject* parent = nullptr);

    State state() const { return State(int(m_snapshot.state)); }
    // Whole seconds until the next reconnect attempt; 0 when none is planned.
    int retryInSeconds() const;
    QDateTime lastSyncAt() const { return m_snapshot.lastSyncAt; }
    int pendingOutbox() const { return m_snapshot.pendingOutbox; }
    int rejectedOutbox() const { return m_snapshot.rejectedOutbox; }
    QString lastError() const { return m_snapshot.lastError; }
    const SyncStatusSnapshot& snapshot() const { return m_snapshot; }

public Q_SLOTS:
    void update(const SyncStatusSnapshot& snapshot);

Q_SIGNALS:
    void changed();

private:
    SyncStatusSnapshot m_snapshot;
    // Ticks once a second while a retry is planned, so "retry in N s" counts down.
    QTimer m_countdown;
};
