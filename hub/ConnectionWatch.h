#pragma once

#include <QObject>
#include <QTimer>

class QTcpSocket;

// Closes a connection that holds a socket (and Qt's parser state) without
// using it: one whose request is not complete within the request timeout
// (slowloris, or a client that connects and says nothing), or a keep-alive
// connection idle between requests for longer than the idle timeout. An
// event stream is exempt: it is idle by nature, and its heartbeats and the
// broadcaster's backlog limit look after it.
//
// It lives as a child of its socket, so it goes when the socket goes.
// HubTcpServer attaches one to every accepted connection before Qt's HTTP
// server sees a byte; HubServer reports each request's progress.
class ConnectionWatch : public QObject
{
    Q_OBJECT
public:
    static void watch(QTcpSocket* socket, int requestTimeoutMs, int idleTimeoutMs);
    // A complete request arrived: no timeout while it is handled.
    static void requestReceived(QTcpSocket* socket);
    // Its answer is written: the connection may now idle, up to the idle timeout.
    static void answered(QTcpSocket* socket);
    // The connection became an event stream: it is never timed out.
    static void streaming(QTcpSocket* socket);

private:
    enum class State { Request, Handling, Idle, Streaming };

    ConnectionWatch(QTcpSocket* socket, int requestTimeoutMs, int idleTimeoutMs);
    static ConnectionWatch* of(QTcpSocket* socket);
    void bytesArrived();
    void expired();

    QTcpSocket* m_socket;
    int m_requestTimeoutMs;
    int m_idleTimeoutMs;
    State m_state = State::Request;
    QTimer m_timer;
};
