#include "SseClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

QJsonObject SseClient::Event::json() const
{
    return QJsonDocument::fromJson(data).object();
}

SseClient::SseClient(
    QNetworkAccessManager& network, const QUrl& url, const QString& token, std::optional<qint64> lastEventId)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (lastEventId)
        request.setRawHeader("Last-Event-ID", QByteArray::number(*lastEventId));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_reply.reset(network.get(request));
    QObject::connect(m_reply.get(), &QIODevice::readyRead, m_reply.get(), [this] { consume(); });
}

SseClient::~SseClient()
{
    abort();
}

void SseClient::abort()
{
    if (m_reply && !m_reply->isFinished())
        m_reply->abort();
}

int SseClient::status() const
{
    return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool SseClient::isFinished() const
{
    return m_reply->isFinished();
}

QList<SseClient::Event> SseClient::changes() const
{
    QList<Event> result;
    for (const Event& event : m_events) {
        if (event.type == "change")
            result.append(event);
    }
    return result;
}

bool SseClient::waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

void SseClient::consume()
{
    m_buffer += m_reply->readAll();
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.isEmpty()) { // a blank line dispatches the event
            if (!m_pending.data.isEmpty() || !m_pending.type.isEmpty())
                m_events.append(m_pending);
            m_pending = Event();
        } else if (line.startsWith(':')) {
            ++m_pings;
        } else if (line.startsWith("id: ")) {
            m_pending.id = line.mid(4);
        } else if (line.startsWith("event: ")) {
            m_pending.type = line.mid(7);
        } else if (line.startsWith("data: ")) {
            m_pending.data += line.mid(6);
        }
    }
}
