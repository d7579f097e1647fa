#include "HubTcpServer.h"

#include "ConnectionWatch.h"
#include "HubLogging.h"

#include <QSslSocket>
#include <QTcpSocket>

HubTcpServer::HubTcpServer(std::optional<QSslConfiguration> tls, int requestTimeoutMs, int idleTimeoutMs,
    QObject* parent)
    : QSslServer(parent)
    , m_tls(tls.has_value())
    , m_requestTimeoutMs(requestTimeoutMs)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    if (tls)
        setSslConfiguration(*tls);
    setHandshakeTimeout(requestTimeoutMs);
    setListenBacklogSize(kListenBacklog);
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
        ConnectionWatch::watch(socket, m_requestTimeoutMs, m_idleTimeoutMs);
    return socket;
}
