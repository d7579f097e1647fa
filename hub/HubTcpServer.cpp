#include "HubTcpServer.h"

#include "HubLogging.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace {
const char* const kTimerName = "unisono-request-timeout";
}

HubTcpServer::HubTcpServer(std::optional<QSslConfiguration> tls, int requestTimeoutMs, QObject* parent)
    : QSslServer(parent)
    , m_tls(tls.has_value())
    , m_requestTimeoutMs(requestTimeoutMs)
{
    if (tls)
        setSslConfiguration(*tls);
    setHandshakeTimeout(requestTimeoutMs);
    // Qt 6.4's QAbstractHttpServer listens to newConnection; QSslServer adds
    // a socket only after its handshake, which pendingConnectionAvailable
    // reports. Passing it on is harmless for plain sockets (the server
    // drains the queue and finds it empty).
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &QTcpServer::newConnection);
    connect(this, &QSslServer::errorOccurred, this, [](QSslSocket* socket, QAbstractSocket::SocketError error) {
        qCInfo(lcHubHttp) << "TLS connection from" << socket->peerAddress().toString() << "failed:" << error;
    });
}

void HubTcpServer::incomingConnection(qintptr handle)
{
    if (m_tls)
        QSslServer::incomingConnection(handle);
    else
        QTcpServer::incomingConnection(handle); // NOLINT(bugprone-parent-virtual-call): plain TCP on purpose
}

QTcpSocket* HubTcpServer::nextPendingConnection()
{
    QTcpSocket* socket = QSslServer::nextPendingConnection();
    if (socket)
        watch(socket);
    return socket;
}

void HubTcpServer::watch(QTcpSocket* socket)
{
    // No Nagle: a reply goes out as a head and then a body. With Nagle, a
    // body that fits one segment waits for the head's ACK, which a client
    // reading a keep-alive connection delays by up to 40 ms (seen in the
    // bench: a gzip feed page took 60 ms instead of 13).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto* timer = new QTimer(socket);
    timer->setObjectName(QLatin1String(kTimerName));
    timer->setSingleShot(true);
    timer->setInterval(m_requestTimeoutMs);
    QPointer<QTcpSocket> guarded(socket);
    connect(timer, &QTimer::timeout, socket, [guarded, timeoutMs = m_requestTimeoutMs] {
        if (!guarded)
            return;
        qCInfo(lcHubHttp) << "closing" << guarded->peerAddress().toString() << "- no complete request within"
                          << timeoutMs << "ms";
        guarded->abort();
    });
    // Connected before Qt's own readyRead handler (the socket is not yet
    // handed over), so the timer is running before the parser sees a byte.
    connect(socket, &QTcpSocket::readyRead, timer, [timer] {
        if (!timer->isActive())
            timer->start();
    });
    timer->start(); // a connection that never speaks is closed too
}

void HubTcpServer::requestCompleted(QTcpSocket* socket)
{
    if (auto* timer = socket->findChild<QTimer*>(QLatin1String(kTimerName), Qt::FindDirectChildrenOnly))
        timer->stop();
}
