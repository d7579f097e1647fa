#pragma once

#include "ChangeRecord.h"
#include "HubStorage.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

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
    void addClient(QTcpSocket* socket, const Session& session);
    // A change of the feed: `event: change`, id = seq, so it is resumable.
    void publishChange(const ChangeRecord& change);
    // Several changes of one transaction, in order. An agent's change also
    // goes out as the live `agent_state` event the board listens to, as the
    // agent state command does.
    void publishChanges(const QList<ChangeRecord>& changes);
    // A live-only notification (agent_state, offer, queue_stats). It has no
    // `id:`, so a client's Last-Event-ID stays on the last change: these are
    // views of state that the change feed holds durably.
    void publish(const QByteArray& eventType, const QJsonObject& data);
    // Live-only events for some clients: an offer only reaches the agent it
    // is for (it names a customer), queue statistics only supervisors and
    // admins (the same people the /stats endpoints serve).
    void publishToAgent(qint64 agentId, const QByteArray& eventType, const QJsonObject& data);
    void publishToSupervisors(const QByteArray& eventType, const QJsonObject& data);
    bool hasSupervisorClients() const;
    // Shutdown: ends every stream cleanly (what is queued is flushed first);
    // clients reconnect with Last-Event-ID to the next hub.
    void closeAll();
    int clientCount() const { return int(m_clients.size()); }

    static QByteArray formatChange(const ChangeRecord& change);
    // Unsent bytes above which a client counts as stalled.
    static constexpr qint64 kMaxBacklogBytes = 8 * 1024 * 1024;

Q_SIGNALS:
    // Every change that went out, so routing and statistics follow the
    // same stream the clients see, whoever wrote it.
    void changePublished(const ChangeRecord& change);

private:
    struct Client
    {
        QPointer<QTcpSocket> socket;
        QString login;
        bool supervisor = false;
        std::optional<qint64> agentId;
    };
    static QByteArray format(const QByteArray& eventType, const QJsonObject& data);
    void broadcast(const QByteArray& event, const std::function<bool(const Client&)>& wanted = {});
    void removeClient(QTcpSocket* socket);

    QList<Client> m_clients;
    QTimer m_heartbeat;
};
