#include "ConnectionWatch.h"

#include "HubLogging.h"

#include <QTcpSocket>

ConnectionWatch::ConnectionWatch(QTcpSocket* socket, int requestTimeoutMs, int idleTimeoutMs)
    : QObject(socket)
    , m_socket(socket)
    , m_requestTimeoutMs(requestTimeoutMs)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionWatch::expired);
    // Connected before Qt's own readyRead handler (the socket is not yet
    // handed over), so the timer is running before the parser sees a byte.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionWatch::bytesArrived);
    m_timer.start(m_requestTimeoutMs); // a connection that never speaks is closed too
}

void ConnectionWatch::watch(QTcpSocket* socket, int requestTimeoutMs, int idleTimeoutMs)
{
    // No Nagle: a reply goes out as a head and then a body. With Nagle, a
    // body that fits one segment waits for the head's ACK, which a client
    // reading a keep-alive connection delays by up to 40 ms (seen in the
    // bench: a gzip feed page took 60 ms instead of 13).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new ConnectionWatch(socket, requestTimeoutMs, idleTimeoutMs);
}

ConnectionWatch* ConnectionWatch::of(QTcpSocket* socket)
{
    return socket->findChild<ConnectionWatch*>(QString(), Qt::FindDirectChildrenOnly);
}

void ConnectionWatch::requestReceived(QTcpSocket* socket)
{
    if (ConnectionWatch* watch = of(socket)) {
        watch->m_state = State::Handling;
        watch->m_timer.stop();
    }
}

void ConnectionWatch::answered(QTcpSocket* socket)
{
    ConnectionWatch* watch = of(socket);
    if (!watch || watch->m_state != State::Handling)
        return;
    watch->m_state = State::Idle;
    watch->m_timer.start(watch->m_idleTimeoutMs);
}

void ConnectionWatch::streaming(QTcpSocket* socket)
{
    if (ConnectionWatch* watch = of(socket)) {
        watch->m_state = State::Streaming;
        watch->m_timer.stop();
    }
}

void ConnectionWatch::bytesArrived()
{
    // The first bytes of the next request: it has the request timeout to finish.
    if (m_state == State::Idle) {
        m_state = State::Request;
        m_timer.start(m_requestTimeoutMs);
    }
}

void ConnectionWatch::expired()
{
    if (m_state == State::Idle) {
        qCDebug(lcHubHttp) << "closing" << m_socket->peerAddress().toString() << "- idle for"
                           << m_idleTimeoutMs << "ms";
        // Nothing is in flight: a clean close, so the client's pool sees a FIN, not a reset.
        m_socket->disconnectFromHost();
        return;
    }
    qCInfo(lcHubHttp) << "closing" << m_socket->peerAddress().toString() << "- no complete request within"
                      << m_requestTimeoutMs << "ms";
    m_socket->abort();
}
