#pragma once

#include "ChangeRecord.h"
#include "HubStorage.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QTcpSocket;

// The live half of GET /api/v1/events: the Server-Sent Events clients and
// what is pushed to them. Qt HttpServer 6.4 crashes when a response is written
// after its client went away, so no QHttpServerResponder is kept: each client
// is a QPointer to its socket, dropped on disconnected/destroyed and checked
// before every write. A client that stops reading (its unsent bytes pile up)
// is cut off rather than allowed to grow the hub's memory; it resumes with
// Last-Event-ID. Heartbeat comments keep proxies and clients from timing out.
//
// Fan-out to thousands of streams is the hub's hottest path, so events are
// not written one by one. They are queued and flushed together (see
// kFlushGapFactor): one write per stream per flush however many events it
// carries. A plain TCP stream is written with send() on its descriptor; only
// what the kernel does not take goes to the QTcpSocket's buffer, and while
// Qt holds unsent bytes everything goes behind them. QTcpSocket::write would
// arm a write notifier per write, and Qt's glib event dispatcher registers
// and unregisters a notifier by walking all of them, which made one fan-out
// cost O(streams²). TLS streams go through QSslSocket, which must encrypt.
class EventBroadcaster : public QObject
{
    Q_OBJECT
public:
    EventBroadcaster(int heartbeatMs, QObject* parent = nullptr);

    // Takes a socket whose response head (and any replay) is already written.
    // It gets only what is published from now on: its replay already holds
    // the changes still queued for the clients before it.
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
    // SO_SNDBUF of a stream (Linux doubles it): far more than a flush
    // carries, and 2.5 MB/s to a client 100 ms away.
    static constexpr qint64 kStreamSendBufferBytes = 128 * 1024;
    // After a flush that took T, the next one waits until kFlushGapFactor * T
    // has passed: flushing takes at most a quarter of the hub's time however
    // many streams there are. A flush costs a send() per stream (2-3 µs on
    // loopback), so with 10 streams events go out within a millisecond and
    // with 2,000 (5 ms a flush) within about 20 ms, where flushing at every
    // event would take the whole core at a few hundred changes a second.
    static constexpr qint64 kFlushGapFactor = 3;
    // The gap's ceiling, for a flush slowed by a busy machine.
    static constexpr qint64 kMaxFlushGapMs = 50;

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
        bool plainTcp = false; // written with send() on its descriptor
        qsizetype firstQueued = 0; // joined when m_queue held this many events
    };
    // Who a queued event is for.
    struct Queued
    {
        QByteArray bytes;
        enum class Audience { Everyone, Supervisors, Agent } audience = Audience::Everyone;
        qint64 agentId = 0;
        bool reaches(const Client& client) const;
    };
    enum class Delivery { Written, Stalled, Broken };

    static QByteArray format(const QByteArray& eventType, const QJsonObject& data);
    void enqueue(Queued event);
    void flush();
    // Writes the queue to every client; collects the ones to drop.
    void writeAll(const QList<Queued>& queue, QList<QTcpSocket*>* stalled, QList<QTcpSocket*>* broken);
    // What of the queue is for this client, in order.
    static QByteArray bytesFor(const QList<Queued>& queue, const Client& client);
    static Delivery deliver(const Client& client, const QByteArray& bytes);
    void removeClient(QTcpSocket* socket);

    QList<Client> m_clients;
    QList<Queued> m_queue;
    bool m_joinedSinceFlush = false; // some client's firstQueued is above 0
    QTimer m_flush;
    QElapsedTimer m_sinceFlush; // since the end of the last flush
    qint64 m_gapNs = 0; // the least time between the end of a flush and the next
    QTimer m_heartbeat;
};
