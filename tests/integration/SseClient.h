#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// A test's view of GET /api/v1/events: collects the events and heartbeat
// comments as they arrive, so a test can wait for "the next change" or
// "another ping" instead of sleeping.
class SseClient
{
public:
    struct Event
    {
        QByteArray id;
        QByteArray type;
        QByteArray data;
        QJsonObject json() const;
    };

    SseClient(QNetworkAccessManager& network, const QUrl& url, const QString& token,
        std::optional<qint64> lastEventId = std::nullopt);
    ~SseClient();

    int status() const;
    bool isFinished() const;
    QList<Event> events() const { return m_events; }
    QList<Event> changes() const; // only `event: change`
    int pings() const { return m_pings; }
    // Waits (processing events) until the condition holds or the timeout passes.
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs = 10000);
    void abort();

private:
    void consume();

    std::unique_ptr<QNetworkReply> m_reply;
    QByteArray m_buffer;
    Event m_pending;
    QList<Event> m_events;
    int m_pings = 0;
};
