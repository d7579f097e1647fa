#include "ThreadTimes.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <sys/resource.h>
#include <time.h>

namespace {

// "cpu_ns queued_ns timeslices" (Documentation/scheduler/sched-stats.rst).
// The queued time is complete whenever the thread is running; the CPU time
// there lags by the current slice, so it is read from the thread's clock.
qint64 readQueuedNs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

qint64 clockNs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Fields 12 (majflt) of /proc/.../stat, after the command name in parentheses.
qint64 majorFaultsOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 9 ? fields.at(9).toLongLong() : 0;
}

qint64 voluntarySwitchesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    return 0;
}

} // namespace

ThreadTimes ThreadTimes::now()
{
    ThreadTimes times;
    times.wallNs = clockNs(CLOCK_MONOTONIC);
    times.queuedNs = readQueuedNs(QStringLiteral("/proc/thread-self/schedstat"));
    times.cpuNs = clockNs(CLOCK_THREAD_CPUTIME_ID);
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    times.majorFaults = usage.ru_majflt;
    times.blockedSwitches = usage.ru_nvcsw;
    return times;
}

ThreadTimes ThreadTimes::ofThread(qint64 tid)
{
    ThreadTimes times;
    const QString dir = QStringLiteral("/proc/self/task/%1/").arg(tid);
    times.queuedNs = readQueuedNs(dir + QStringLiteral("schedstat"));
    // The kernel's clock id for another thread's CPU time (MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED)).
    times.cpuNs = clockNs(clockid_t((~tid) * 8 + 6));
    times.majorFaults = majorFaultsOf(dir + QStringLiteral("stat"));
    times.blockedSwitches = voluntarySwitchesOf(dir + QStringLiteral("status"));
    return times;
}

qint64 ThreadTimes::threadNamed(const char* name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            return tid.toLongLong();
    }
    return 0;
}

ThreadTimes ThreadTimes::operator-(const ThreadTimes& before) const
{
    ThreadTimes d;
    d.wallNs = wallNs - before.wallNs;
    d.cpuNs = cpuNs - before.cpuNs;
    d.queuedNs = queuedNs - before.queuedNs;
    d.majorFaults = majorFaults - before.majorFaults;
    d.blockedSwitches = blockedSwitches - before.blockedSwitches;
    return d;
}
