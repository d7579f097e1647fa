#pragma once

#include "HubOptions.h"
#include "HubRoutes.h"
#include "HubStorage.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTimer>
#include <optional>

class ContactCentre;
class EventBroadcaster;

// The HTTP API under /api/v1. It subclasses QAbstractHttpServer rather than
// using QHttpServer::route because the hub needs what the router of Qt 6.4
// does not give: 405 with Allow for a known path, one place for 401/413 and
// the JSON error shape, and the request's QTcpSocket, whose lifetime the SSE
// stream must track (DESIGN.md, "Facts about this platform"). Qt still parses
// every request; the hub only matches paths against HubRoutes.
class HubServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HubServer(HubStorage& storage, const HubOptions& options, QObject* parent = nullptr);
    ~HubServer() override;

    EventBroadcaster& events() { return *m_events; }
    // Where the contact-centre routes (routing, interactions, customers,
    // statistics) are answered; without one they are 404.
    void setCentre(ContactCentre* centre) { m_centre = centre; }
    // Listens (HTTPS when the options name a certificate and key); returns
    // the port, or 0 with *error set.
    quint16 start(const QHostAddress& address, quint16 port, QString* error);
    bool isTls() const { return m_tls; }
    // Graceful shutdown: event streams are closed, nothing new is accepted.
    void stop();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Reply
    {
        int status = 200;
        QByteArray body; // JSON
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Call
    {
        const QHttpServerRequest& request;
        QTcpSocket* socket;
        const HubRoutes::Match& match;
        std::optional<Session> session;
    };

    // nullopt when the handler answered by itself (the SSE stream).
    std::optional<Reply> dispatch(const Call& call);
    Session authenticate(const QHttpServerRequest& request);
    void send(const QHttpServerRequest& request, QTcpSocket* socket, const Reply& reply);
    static Reply json(const QJsonObject& object, int status = 200);

    Reply login(const Call& call);
    Reply customers(const Call& call);
    Reply customer(const Call& call);
    Reply customerInteractions(const Call& call);
    Reply queues(const Call& call);
    Reply agents(const Call& call);
    Reply changes(const Call& call);
    void events(const Call& call);
    Reply agentState(const Call& call);
    Reply interactionNotes(const Call& call);
    Reply interactionDisposition(const Call& call);

    void purgeExpired();
    // 410 for a cursor the feed no longer serves; returns the feed's floor.
    // A scan that began at since=0 under floor scanFloor may page below the
    // floor as long as the floor has not risen since (no tombstone it has
    // yet to reach was pruned); see SqliteHubStorage.cpp.
    qint64 checkCursor(qint64 since, std::optional<qint64> scanFloor = std::nullopt);
    struct CommandInput;
    CommandInput commandInput(const Call& call);
    Reply commandReply(const CommandResult& result);

    HubStorage& m_storage;
    HubOptions m_options;
    EventBroadcaster* m_events;
    ContactCentre* m_centre = nullptr;
    QTimer m_purge;
    bool m_tls = false;
};
