#pragma once

#include <QSslConfiguration>
#include <QSslServer>
#include <optional>

// The listening socket of the hub, plain or TLS, and the guard against slow
// clients. QAbstractHttpServer (Qt 6.4) takes each connection through the
// virtual nextPendingConnection(), so this is where a connection can be
// watched without touching Qt's parser: a timer starts when a connection
// opens or sends the first bytes of a request and stops when HubServer gets
// the complete request (requestCompleted). A client that trickles a request
// (or opens a connection and says nothing) for longer than the timeout is
// closed, so it cannot hold a socket and parser state forever (slowloris).
// An idle keep-alive connection between requests is left alone.
//
// It is a QSslServer either way: with TLS it does the handshake (bounded by
// the same timeout) and hands over encrypted sockets; without, it accepts
// plain QTcpSockets exactly as QTcpServer does.
class HubTcpServer : public QSslServer
{
    Q_OBJECT
public:
    HubTcpServer(std::optional<QSslConfiguration> tls, int requestTimeoutMs, QObject* parent = nullptr);

    QTcpSocket* nextPendingConnection() override;
    bool isTls() const { return m_tls; }
    // The request on this socket is complete: its timer stops.
    static void requestCompleted(QTcpSocket* socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void watch(QTcpSocket* socket);

    bool m_tls;
    int m_requestTimeoutMs;
};
