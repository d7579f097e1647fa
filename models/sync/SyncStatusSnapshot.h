#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// The sync engine's state as one value, so it can cross from the sync
// thread to the GUI thread in a queued signal.
struct SyncStatusSnapshot
{
    enum class State { Offline, Connecting, Online };
    State state = State::Offline;
    // When offline and a reconnect is planned: when it happens.
    QDateTime retryAt;
    QDateTime lastSyncAt;
    int pendingOutbox = 0;
    int rejectedOutbox = 0;
    QString lastError;

    bool operator==(const SyncStatusSnapshot&) const = default;
};
Q_DECLARE_METATYPE(SyncStatusSnapshot)
