#include "HubProcess.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>
#include <catch2/catch.hpp>
#include <memory>

namespace {
constexpr int kTimeoutMs = 15000;
}

QByteArray HubProcess::Response::header(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString HubProcess::Response::errorField() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

QString HubProcess::Response::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

HubProcess::HubProcess(
    const QString& dbPath, const QStringList& extraArguments, const QList<QSslCertificate>& trustedCertificates)
{
    if (!trustedCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(trustedCertificates);
        m_tls = tls;
    }
    m_process.setProgram(TestSupport::builtBinary(QStringLiteral("unisono-hub")));
    m_process.setArguments(
        QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), dbPath,
            QStringLiteral("--log-level"), QStringLiteral("warning") }
        + extraArguments
        + (extraArguments.contains(QStringLiteral("--simulate")) ? QStringList() : QStringList { QStringLiteral("--no-simulate") }));
    m_process.start();
    REQUIRE(m_process.waitForStarted(kTimeoutMs));
    const bool ready = QTest::qWaitFor(
        [this] { return m_process.canReadLine() || m_process.state() != QProcess::Running; }, kTimeoutMs);
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    INFO("hub stderr: " << standardError().toStdString());
    REQUIRE(ready);
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^unisono-hub listening on (https?)://127\\.0\\.0\\.1:(\\d+)$"))
              .match(line);
    INFO("first line: " << line.toStdString());
    REQUIRE(match.hasMatch());
    m_scheme = match.captured(1);
    REQUIRE(m_scheme == QLatin1String(m_tls ? "https" : "http"));
    m_port = quint16(match.captured(2).toUInt());
    REQUIRE(m_port > 0);
}

HubProcess::~HubProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool HubProcess::terminateGracefully(int timeoutMs)
{
    m_process.terminate();
    const bool finished = m_process.waitForFinished(timeoutMs);
    standardError();
    return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QByteArray HubProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

QUrl HubProcess::url(const QString& pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_port).arg(pathAndQuery));
}

HubProcess::Response HubProcess::get(const QString& path, const QString& token, const Headers& headers)
{
    return send("GET", path, {}, token, headers);
}

HubProcess::Response HubProcess::post(
    const QString& path, const QByteArray& body, const QString& token, const Headers& headers)
{
    return send("POST", path, body, token, headers);
}

HubProcess::Response HubProcess::send(const QByteArray& verb, const QString& path, const QByteArray& body,
    const QString& token, const Headers& headers)
{
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    const bool finished = QTest::qWaitFor([&reply] { return reply->isFinished(); }, kTimeoutMs);
    REQUIRE(finished);
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.json = QJsonDocument::fromJson(response.body).object();
    return response;
}

QString HubProcess::login(const QString& user, const QString& password)
{
    const Response response = post(QStringLiteral("/api/v1/login"),
        QJsonDocument(
            QJsonObject { { QStringLiteral("login"), user }, { QStringLiteral("password"), password } })
            .toJson());
    INFO("login body: " << response.body.toStdString());
    REQUIRE(response.status == 200);
    const QString token = response.json.value(QStringLiteral("token")).toString();
    REQUIRE(token.size() == 64);
    return token;
}

HubProcess::Response HubProcess::command(const QString& path, const QJsonObject& body, const QString& token)
{
    return post(path, QJsonDocument(body).toJson(), token,
        { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
}
