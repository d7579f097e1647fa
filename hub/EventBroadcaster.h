#pragma once

#include "ChangeRecord.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

// The live half of GET /api/v1/events: the Server-Sent Events clients and
// what is pushed to them. Qt HttpServer 6.4 crashes when a response is written
// after its client went away, so no QHttpServerResponder is kept: each client
// is a QPointer to its socket, dropped on disconnected/destroyed and checked
// before every write. A client that stops reading (its unsent bytes pile up)
// is cut off rather than allowed to grow the hub's memory; it resumes with
// Last-Event-ID. Heartbeat comments keep proxies and clients from timing out.
class EventBroadcaster : public QObject
{
    Q_OBJECT
public:
    EventBroadcaster(int heartbeatMs, QObject* parent = nullptr);

    // Takes a socket whose response head (and any replay) is already written.
    void addClient(QTcpSocket* socket, const QString& login);
    // A change of the feed: `event: change`, id = seq, so it is resumable.
    void publishChange(const ChangeRecord& change);
    // A live-only notification (agent_state, offer, queue_stats). It has no
    // `id:`, so a client's Last-Event-ID stays on the last change: these are
    // views of state that the change feed holds durably.
    void publish(const QByteArray& eventType, const QJsonObject& data);
    int clientCount() const { return int(m_clients.size()); }

    static QByteArray formatChange(const ChangeRecord& change);
    // Unsent bytes above which a client counts as stalled.
    static constexpr qint64 kMaxBacklogBytes = 8 * 1024 * 1024;

private:
    struct Client
    {
        QPointer<QTcpSocket> socket;
        QString login;
    };
    void broadcast(const QByteArray& event);
    void removeClient(QTcpSocket* socket);

    QList<Client> m_clients;
    QTimer m_heartbeat;
};
