#pragma once

#include <QSslConfiguration>
#include <QSslServer>
#include <optional>

// The listening socket of the hub, plain or TLS, and the guard against
// clients that hold connections without using them. QAbstractHttpServer
// (Qt 6.4) takes each connection through the virtual nextPendingConnection(),
// so this is where a connection can be watched (ConnectionWatch: request and
// idle timeouts) without touching Qt's parser.
//
// It is a QSslServer either way: with TLS it does the handshake (bounded by
// the request timeout) and hands over encrypted sockets; without, it accepts
// plain QTcpSockets exactly as QTcpServer does.
class HubTcpServer : public QSslServer
{
    Q_OBJECT
public:
    HubTcpServer(std::optional<QSslConfiguration> tls, int requestTimeoutMs, int idleTimeoutMs,
        QObject* parent = nullptr);

    QTcpSocket* nextPendingConnection() override;
    bool isTls() const { return m_tls; }

    // Connections the kernel completes before the hub accepts them. Qt's
    // default of 50 is far below a hub's worth of desktops reconnecting at
    // once after a restart or a network blip: past it the kernel drops
    // SYNs and each client waits out a 1 s (then 3 s, …) retransmission.
    // Linux caps it at net.core.somaxconn (4096 by default since 5.4).
    static constexpr int kListenBacklog = 4096;

protected:
    void incomingConnection(qintptr handle) override;

private:
    bool m_tls;
    int m_requestTimeoutMs;
    int m_idleTimeoutMs;
};
