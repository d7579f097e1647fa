#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

// The real unisono-hub binary for one test: started on a free loopback port
// with the caller's database, spoken to over HTTP with QNetworkAccessManager,
// stopped when the object goes away. Every wait is on a signal or condition
// (QTest::qWaitFor), never a fixed sleep. A test hub is quiet unless the
// test asks for traffic: --no-simulate is passed (even with --demo) unless
// the arguments include --simulate, so feeds and comparisons are stable.
class HubProcess
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray& name) const;
        // error.field / error.code of an error answer.
        QString errorField() const;
        QString errorCode() const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // With trustedCertificate the hub is expected to serve HTTPS with it
    // (--tls-cert), and every request trusts that certificate as its CA.
    explicit HubProcess(const QString& dbPath, const QStringList& extraArguments = {},
        const QList<QSslCertificate>& trustedCertificates = {});
    ~HubProcess();
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    quint16 port() const { return m_port; }
    QUrl url(const QString& pathAndQuery) const;
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 processId() const { return m_process.processId(); }
    QByteArray standardError();
    // SIGTERM, then waits for the exit; true if it exited by itself with code 0.
    bool terminateGracefully(int timeoutMs = 10000);

    Response get(const QString& path, const QString& token = {}, const Headers& headers = {});
    Response post(
        const QString& path, const QByteArray& body, const QString& token = {}, const Headers& headers = {});
    Response send(const QByteArray& verb, const QString& path, const QByteArray& body,
        const QString& token = {}, const Headers& headers = {});
    // POST /api/v1/login; fails the test unless it answers a token.
    QString login(const QString& user, const QString& password);
    // A command with a fresh Idempotency-Key.
    Response command(const QString& path, const QJsonObject& body, const QString& token);

    QNetworkAccessManager& network() { return m_network; }

private:
    QProcess m_process;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
    std::optional<QSslConfiguration> m_tls;
    QByteArray m_stderr;
};
