#include "EventBroadcaster.h"

#include "HubLogging.h"

#include <QHash>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTcpSocket>
#include <algorithm>
#include <cerrno>
#include <sys/socket.h>
#include <utility>

EventBroadcaster::EventBroadcaster(int heartbeatMs, QObject* parent)
    : QObject(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setTimerType(Qt::PreciseTimer);
    connect(&m_flush, &QTimer::timeout, this, &EventBroadcaster::flush);
    m_sinceFlush.start();
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this,
        [this] { enqueue(Queued { QByteArrayLiteral(": ping\n\n") }); });
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
    // One write per flush carries all its events: waiting for Nagle (until
    // the client's delayed ACK, up to 40 ms) would only add delay.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // A fixed kernel buffer instead of one that autotunes up to 4 MiB: a
    // stalled client then holds little kernel memory, and its backlog shows
    // in bytesToWrite(), where kMaxBacklogBytes cuts it off.
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, int(kStreamSendBufferBytes));
    m_clients.append({ QPointer<QTcpSocket>(socket), login,
        session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin"),
        session.agentId, !qobject_cast<QSslSocket*>(socket) && socket->socketDescriptor() >= 0,
        m_queue.size() });
    m_joinedSinceFlush = m_joinedSinceFlush || !m_queue.isEmpty();
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { removeClient(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { removeClient(socket); });
    qCInfo(lcHubEvents) << "event stream opened for" << login << "clients:" << m_clients.size();
}

void EventBroadcaster::closeAll()
{
    m_heartbeat.stop();
    flush();
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
    enqueue(Queued { formatChange(change) });
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
    enqueue(Queued { format(eventType, data) });
}

void EventBroadcaster::publishToAgent(qint64 agentId, const QByteArray& eventType, const QJsonObject& data)
{
    enqueue(Queued { format(eventType, data), Queued::Audience::Agent, agentId });
}

void EventBroadcaster::publishToSupervisors(const QByteArray& eventType, const QJsonObject& data)
{
    enqueue(Queued { format(eventType, data), Queued::Audience::Supervisors });
}

bool EventBroadcaster::hasSupervisorClients() const
{
    return std::any_of(m_clients.cbegin(), m_clients.cend(),
        [](const Client& client) { return client.supervisor && !client.socket.isNull(); });
}

bool EventBroadcaster::Queued::reaches(const Client& client) const
{
    switch (audience) {
    case Audience::Everyone:
        return true;
    case Audience::Supervisors:
        return client.supervisor;
    case Audience::Agent:
        return client.agentId == agentId;
    }
    return false;
}

void EventBroadcaster::enqueue(Queued event)
{
    if (m_clients.isEmpty())
        return; // nobody to tell; a later client replays changes from the feed
    m_queue.append(std::move(event));
    if (!m_flush.isActive()) {
        const qint64 waitNs = std::max<qint64>(0, m_gapNs - m_sinceFlush.nsecsElapsed());
        m_flush.start(int((waitNs + 999'999) / 1'000'000));
    }
}

void EventBroadcaster::flush()
{
    m_flush.stop();
    if (m_queue.isEmpty())
        return;
    QElapsedTimer took;
    took.start();
    const QList<Queued> queue = std::exchange(m_queue, {});
    QList<QTcpSocket*> stalled;
    QList<QTcpSocket*> broken;
    writeAll(queue, &stalled, &broken);
    m_gapNs = std::min(took.nsecsElapsed() * kFlushGapFactor, kMaxFlushGapMs * 1'000'000);
    m_sinceFlush.start();
    if (std::exchange(m_joinedSinceFlush, false)) {
        for (Client& client : m_clients)
            client.firstQueued = 0;
    }
    // Only now: abort() emits disconnected at once, which edits m_clients.
    for (QTcpSocket* socket : std::as_const(stalled)) {
        qCWarning(lcHubEvents) << "dropping an event stream that stopped reading";
        removeClient(socket);
        socket->abort();
    }
    for (QTcpSocket* socket : std::as_const(broken)) {
        removeClient(socket);
        socket->abort();
    }
}

void EventBroadcaster::writeAll(
    const QList<Queued>& queue, QList<QTcpSocket*>* stalled, QList<QTcpSocket*>* broken)
{
    const bool forEveryone = std::all_of(queue.cbegin(), queue.cend(),
        [](const Queued& event) { return event.audience == Queued::Audience::Everyone; });
    QByteArray shared;
    if (forEveryone) {
        for (const Queued& event : queue)
            shared += event.bytes;
    }
    // Targeted events: the bytes of each (agent, supervisor) pair, built once.
    QHash<qint64, QByteArray> byAudience;
    // A copy (it costs nothing until m_clients changes): a socket error
    // signalled during a write may remove a client.
    const QList<Client> clients = m_clients;
    for (const Client& client : clients) {
        QTcpSocket* socket = client.socket.data();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            continue; // its disconnected/destroyed signal removes it
        QByteArray own;
        const QByteArray* bytes = &shared;
        if (client.firstQueued > 0) {
            own = bytesFor(queue, client); // it joined after some of these: its replay had them
            bytes = &own;
        } else if (!forEveryone) {
            const qint64 key = client.agentId.value_or(0) * 2 + (client.supervisor ? 1 : 0);
            auto it = byAudience.find(key);
            if (it == byAudience.end())
                it = byAudience.insert(key, bytesFor(queue, client));
            bytes = &it.value();
        }
        if (bytes->isEmpty())
            continue;
        switch (deliver(client, *bytes)) {
        case Delivery::Written:
            break;
        case Delivery::Stalled:
            stalled->append(socket);
            break;
        case Delivery::Broken:
            broken->append(socket);
            break;
        }
    }
}

QByteArray EventBroadcaster::bytesFor(const QList<Queued>& queue, const Client& client)
{
    QByteArray bytes;
    for (qsizetype i = client.firstQueued; i < queue.size(); ++i) {
        if (queue.at(i).reaches(client))
            bytes += queue.at(i).bytes;
    }
    return bytes;
}

EventBroadcaster::Delivery EventBroadcaster::deliver(const Client& client, const QByteArray& bytes)
{
    QTcpSocket* socket = client.socket.data();
    qsizetype sent = 0;
    // Straight to the kernel only when Qt holds nothing unsent for this
    // socket (the response head, a replay, an earlier remainder): the bytes
    // must leave in order.
    if (client.plainTcp && socket->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(socket->socketDescriptor()), bytes.constData(),
            std::size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0)
            sent = n;
        else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return Delivery::Broken; // the client went away; Qt would find out on its next read
    }
    if (sent == bytes.size())
        return Delivery::Written;
    if (socket->bytesToWrite() + (bytes.size() - sent) > kMaxBacklogBytes)
        return Delivery::Stalled;
    // The kernel's buffer is full: Qt keeps the rest and sends it when the
    // socket is writable again.
    socket->write(bytes.constData() + sent, bytes.size() - sent);
    return Delivery::Written;
}
