#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// The unisono-hub child process behind Unisono's embedded default: started
// on a free loopback port with its own database and demo data, so a new
// install runs the whole system — backend, sync, live changes — without
// anyone setting up a server. Start-up is asynchronous (the first start
// generates the demo data before the hub listens): ready() brings the URL,
// read from the hub's first line "unisono-hub listening on http://127.0.0.1:PORT".
// On Linux the child is also told to end when Unisono dies, so a crash or a
// kill never leaves a hub behind.
class LocalHub : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString program; // the unisono-hub binary
        QString databasePath;
        QString demoSize = QStringLiteral("small");
        quint64 seed = 1;
        // Tests: --no-simulate, shorter heartbeats.
        QStringList extraArguments;
    };

    explicit LocalHub(const Options& options, QObject* parent = nullptr);
    // Stops the child (see stop()).
    ~LocalHub() override;

    // unisono-hub next to the running unisono, or empty when there is none.
    static QString programNextToApplication();

    void start();
    // SIGTERM, then SIGKILL when it has not ended after timeoutMs. Waits for
    // the end: call it when the window is gone (on quit), not while the agent works.
    void stop(int timeoutMs = 5000);

    QUrl url() const { return m_url; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void ready(const QUrl& url);
    // The hub did not start, or ended on its own; reason is in words.
    void failed(const QString& reason);

private:
    void readOutput();
    void readErrors();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    QString lastErrorLines() const;

    Options m_options;
    QProcess m_process;
    QUrl m_url;
    QByteArray m_errorTail;
    bool m_stopping = false;
    bool m_reported = false;
};
