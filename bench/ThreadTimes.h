#pragma once

#include <QtGlobal>
#include <algorithm>

// Where a thread's wall time went, from the kernel's own accounting
// (/proc/thread-self/schedstat, getrusage): running on a core, runnable but
// waiting for one (other processes' time slices), or blocked (disk reads,
// locks, sleeping). On a machine shared with builds the wall-time tail is
// mostly the second; only the third is something the code waits for itself.
struct ThreadTimes
{
    qint64 wallNs = 0;
    qint64 cpuNs = 0; // on a core, user and kernel
    qint64 queuedNs = 0; // runnable, waiting for a core
    qint64 majorFaults = 0; // pages read from disk through a mapping
    qint64 blockedSwitches = 0; // voluntary context switches: the thread went to sleep

    // This thread now.
    static ThreadTimes now();
    // Another thread of this process (its kernel id), now; wall time is not read.
    static ThreadTimes ofThread(qint64 tid);
    // The kernel id of this process's thread with that name, or 0.
    static qint64 threadNamed(const char* name);

    // Wall time neither on a core nor waiting for one.
    qint64 blockedNs() const { return std::max<qint64>(0, wallNs - cpuNs - queuedNs); }
    ThreadTimes operator-(const ThreadTimes& before) const;
};
