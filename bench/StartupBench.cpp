#include "StartupBench.h"

#include "BenchFigures.h"
#include "BenchTable.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <vector>

using namespace BenchFigures;

namespace {

constexpr int kStartTimeoutMs = 120'000;
// Long enough for the customer count on the search worker to finish on a
// million customers, so the second reading is the window at rest.
constexpr int kSettleMs = 3'000;

// VmRSS or VmHWM of a running process, in bytes; 0 if unknown.
qint64 memoryOf(qint64 pid, const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

QString megabytes(qint64 bytes)
{
    return number(double(bytes) / 1048576.0, 1) + QStringLiteral(" MB");
}

struct Run
{
    qint64 readyNs = -1;
    qint64 rssReady = 0;
    qint64 rssSettled = 0;
    qint64 peak = 0;
    QString error;
};

Run launch(const QString& program, const QString& databasePath)
{
    Run run;
    QTemporaryDir home; // its own settings: the user's window layout must not shape the figure
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("unisono.session.debug=true"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer timer;
    timer.start();
    process.start(program, { QStringLiteral("--db"), databasePath, QStringLiteral("--offline") });
    QByteArray err;
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (
        !err.contains("interactive") && process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        process.waitForReadyRead(100);
        err += process.readAllStandardError();
    }
    if (!err.contains("interactive")) {
        run.error = QString::fromLocal8Bit(err).trimmed().left(200);
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.readyNs = timer.nsecsElapsed();
    run.rssReady = memoryOf(process.processId(), "VmRSS");
    QThread::msleep(kSettleMs);
    run.rssSettled = memoryOf(process.processId(), "VmRSS");
    run.peak = memoryOf(process.processId(), "VmHWM");
    process.kill();
    process.waitForFinished();
    return run;
}

} // namespace

namespace StartupBench {

void addFigures(BenchTable& table, const QString& databasePath, int runs)
{
    table.section(QStringLiteral("cold start and memory: unisono --db %1 --offline (offscreen)")
                      .arg(QFileInfo(databasePath).fileName()));
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/unisono");
    std::vector<qint64> ready, rss, settled, peak;
    for (int n = 0; n < runs; ++n) {
        const Run run = launch(program, databasePath);
        if (run.readyNs < 0) {
            table.add(QStringLiteral("run %1").arg(n + 1), QStringLiteral("failed"), run.error);
            continue;
        }
        ready.push_back(run.readyNs);
        rss.push_back(run.rssReady);
        settled.push_back(run.rssSettled);
        peak.push_back(run.peak);
        table.add(QStringLiteral("run %1: interactive after").arg(n + 1), millis(run.readyNs),
            QStringLiteral("RSS %1 then, %2 after %3 s, peak %4")
                .arg(megabytes(run.rssReady), megabytes(run.rssSettled))
                .arg(kSettleMs / 1000)
                .arg(megabytes(run.peak)));
    }
    if (ready.empty())
        return;
    table.add(QStringLiteral("cold start, min / median / max"),
        millis(percentile(ready, 0)) + QStringLiteral(" / ") + millis(percentile(ready, 0.5))
            + QStringLiteral(" / ") + millis(percentile(ready, 1)),
        QStringLiteral("launch to the event loop running with the window shown; OS file cache warm"));
    table.add(QStringLiteral("resident memory, store open"), megabytes(percentile(settled, 1)),
        QStringLiteral("largest RSS at rest over the runs; aim <= 250 MB; peak %1")
            .arg(megabytes(percentile(peak, 1))));
}

} // namespace StartupBench
