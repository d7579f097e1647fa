#include "LocalHub.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {

Q_LOGGING_CATEGORY(lcLocalHub, "unisono.localhub", QtInfoMsg)

// Enough of the hub's stderr to say why it did not start.
constexpr qsizetype kErrorTailBytes = 2000;

} // namespace

LocalHub::LocalHub(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_process.setProgram(m_options.program);
    m_process.setArguments(QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"),
                               m_options.databasePath, QStringLiteral("--demo"), QStringLiteral("--demo-size"),
                               m_options.demoSize, QStringLiteral("--demo-seed"), QString::number(m_options.seed),
                               // Its info lines would drown Unisono's own; warnings still show.
                               QStringLiteral("--log-level"), QStringLiteral("warning") }
        + m_options.extraArguments);
#ifdef Q_OS_LINUX
    // The GUI thread starts the child and lives as long as Unisono, so the
    // kernel's parent-death signal fires exactly when Unisono is gone.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalHub::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &LocalHub::readErrors);
    connect(&m_process, &QProcess::finished, this, &LocalHub::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &LocalHub::onError);
}

LocalHub::~LocalHub() { stop(); }

QString LocalHub::programNextToApplication()
{
    const QFileInfo program(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("unisono-hub")));
    return program.isFile() && program.isExecutable() ? program.absoluteFilePath() : QString();
}

void LocalHub::start()
{
    if (isRunning())
        return;
    m_url.clear();
    m_errorTail.clear();
    m_stopping = false;
    m_reported = false;
    qCInfo(lcLocalHub).noquote() << "starting" << m_options.program << m_process.arguments().join(QLatin1Char(' '));
    m_process.start();
}

void LocalHub::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    // SIGTERM lets the hub close its connections and database cleanly.
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        qCWarning(lcLocalHub) << "the local hub did not end within" << timeoutMs << "ms; killing it";
        m_process.kill();
        m_process.waitForFinished(timeoutMs);
    }
}

void LocalHub::readOutput()
{
    while (m_process.canReadLine()) {
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (m_url.isValid())
            continue; // the hub prints nothing else on stdout worth keeping
        static const QRegularExpression listening(
            QStringLiteral("^unisono-hub listening on (https?://127\\.0\\.0\\.1:\\d+)$"));
        const QRegularExpressionMatch match = listening.match(line);
        if (!match.hasMatch()) {
            qCWarning(lcLocalHub).noquote() << "unexpected first line from the hub:" << line;
            continue;
        }
        m_url = QUrl(match.captured(1));
        qCInfo(lcLocalHub).noquote() << "local hub ready at" << m_url.toString();
        Q_EMIT ready(m_url);
    }
}

void LocalHub::readErrors()
{
    const QByteArray bytes = m_process.readAllStandardError();
    m_errorTail = (m_errorTail + bytes).right(kErrorTailBytes);
    for (const QByteArray& line : bytes.split('\n')) {
        if (!line.trimmed().isEmpty())
            qCWarning(lcLocalHub).noquote() << "hub:" << QString::fromUtf8(line);
    }
}

QString LocalHub::lastErrorLines() const
{
    QStringList lines = QString::fromUtf8(m_errorTail).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(QLatin1Char(' ')).simplified();
}

void LocalHub::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readErrors();
    if (m_stopping || m_reported)
        return;
    m_reported = true;
    const QString why = lastErrorLines();
    QString reason = status == QProcess::CrashExit
        ? tr("The local hub stopped unexpectedly.")
        : tr("The local hub ended with exit code %1.").arg(exitCode);
    if (!why.isEmpty())
        reason += QLatin1Char(' ') + why;
    qCWarning(lcLocalHub).noquote() << reason;
    Q_EMIT failed(reason);
}

void LocalHub::onError(QProcess::ProcessError error)
{
    // A crash or an exit is reported by onFinished, with the hub's own words.
    if (error != QProcess::FailedToStart || m_reported)
        return;
    m_reported = true;
    const QString reason = tr("The local hub %1 could not be started: %2")
                               .arg(QDir::toNativeSeparators(m_options.program), m_process.errorString());
    qCWarning(lcLocalHub).noquote() << reason;
    Q_EMIT failed(reason);
}
