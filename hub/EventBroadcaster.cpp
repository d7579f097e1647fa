#include "EventBroadcaster.h"

#include "HubLogging.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <algorithm>

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

void EventBroadcaster::addClient(QTcpSocket* socket, const Session& session)
{
    const QString& login = session.login;
    m_clients.append({ QPointer<QTcpSocket>(socket), login,
        session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin"),
        session.agentId });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { removeClient(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { removeClient(socket); });
    qCInfo(lcHubEvents) << "event stream opened for" << login << "clients:" << m_clients.size();
}

void EventBroadcaster::closeAll()
{
    m_heartbeat.stop();
    const QList<Client> clients = m_clients;
    for (const Client& client : clients) {
        if (client.socket)
            client.socket->disconnectFromHost();
    }
    m_clients.clear();
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
    Q_EMIT changePublished(change);
}

void EventBroadcaster::publishChanges(const QList<ChangeRecord>& changes)
{
    for (const ChangeRecord& change : changes) {
        publishChange(change);
        if (change.entity != QLatin1String("agent") || change.op != QLatin1String("upsert"))
            continue;
        const QJsonObject agent = QJsonDocument::fromJson(change.payload).object();
        publish("agent_state",
            QJsonObject { { QStringLiteral("agentId"), change.entityId },
                { QStringLiteral("state"), agent.value(QStringLiteral("state")) },
                { QStringLiteral("reason"),
                    agent.value(QStringLiteral("stateReason")).isNull()
                        ? QJsonValue(QString())
                        : agent.value(QStringLiteral("stateReason")) },
                { QStringLiteral("since"), agent.value(QStringLiteral("stateSince")) } });
    }
}

QByteArray EventBroadcaster::format(const QByteArray& eventType, const QJsonObject& data)
{
    return "event: " + eventType + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

void EventBroadcaster::publish(const QByteArray& eventType, const QJsonObject& data)
{
    broadcast(format(eventType, data));
}

void EventBroadcaster::publishToAgent(qint64 agentId, const QByteArray& eventType, const QJsonObject& data)
{
    broadcast(format(eventType, data), [agentId](const Client& client) { return client.agentId == agentId; });
}

void EventBroadcaster::publishToSupervisors(const QByteArray& eventType, const QJsonObject& data)
{
    broadcast(format(eventType, data), [](const Client& client) { return client.supervisor; });
}

bool EventBroadcaster::hasSupervisorClients() const
{
    return std::any_of(m_clients.cbegin(), m_clients.cend(),
        [](const Client& client) { return client.supervisor && !client.socket.isNull(); });
}

void EventBroadcaster::broadcast(const QByteArray& event, const std::function<bool(const Client&)>& wanted)
{
    QList<QTcpSocket*> stalled;
    // A copy: a write may report an error synchronously and remove a client.
    const QList<Client> clients = m_clients;
    for (const Client& client : clients) {
        if (wanted && !wanted(client))
            continue;
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
