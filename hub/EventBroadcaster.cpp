#include "EventBroadcaster.h"

#include "HubLogging.h"

#include <QJsonDocument>
#include <QTcpSocket>

EventBroadcaster::EventBroadcaster(int heartbeatMs, QObject* parent)
    : QObject(parent)
{
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { broadcast(QByteArrayLiteral(": ping\n\n")); });
    m_heartbeat.start();
}

QByteArray EventBroadcaster::formatChange(const ChangeRecord& change)
{
    return "id: " + QByteArray::number(change.seq)
        + "\nevent: change\ndata: " + QJsonDocument(change.toJson()).toJson(QJsonDocument::Compact) + "\n\n";
}

void EventBroadcaster::addClient(QTcpSocket* socket, const QString& login)
{
    m_clients.append({ QPointer<QTcpSocket>(socket), login });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { removeClient(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { removeClient(socket); });
    qCInfo(lcHubEvents) << "event stream opened for" << login << "clients:" << m_clients.size();
}

void EventBroadcaster::removeClient(QTcpSocket* socket)
{
    // Compares addresses only: the socket may already be half destroyed.
    const auto removed = m_clients.removeIf(
        [socket](const Client& client) { return client.socket.isNull() || client.socket.data() == socket; });
    if (removed)
        qCInfo(lcHubEvents) << "event stream closed; clients:" << m_clients.size();
}

void EventBroadcaster::publishChange(const ChangeRecord& change)
{
    broadcast(formatChange(change));
}

void EventBroadcaster::publish(const QByteArray& eventType, const QJsonObject& data)
{
    broadcast(
        "event: " + eventType + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n");
}

void EventBroadcaster::broadcast(const QByteArray& event)
{
    QList<QTcpSocket*> stalled;
    // A copy: a write may report an error synchronously and remove a client.
    const QList<Client> clients = m_clients;
    for (const Client& client : clients) {
        QTcpSocket* socket = client.socket.data();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            continue; // its disconnected/destroyed signal removes it
        if (socket->bytesToWrite() > kMaxBacklogBytes) {
            stalled.append(socket);
            continue;
        }
        socket->write(event);
    }
    for (QTcpSocket* socket : stalled) {
        qCWarning(lcHubEvents) << "dropping an event stream that stopped reading";
        removeClient(socket);
        socket->abort();
    }
}
