// HttpTransport against a canned loopback server: what a broken backend or
// proxy can send (oversize bodies, silent streams, HTML errors) and the
// lifetime rule (no callback for a receiver that is gone).
#include "sync/HttpTransport.h"
#include "sync/SseParser.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>

namespace {

// Answers every connection with the same raw bytes, then keeps it open.
class CannedServer
{
public:
    explicit CannedServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        REQUIRE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_requests += socket->readAll();
                    socket->write(m_answer);
                });
            }
        });
    }
    QUrl url(const char* path = "/x") const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(path)));
    }
    const QByteArray& requests() const { return m_requests; }

private:
    QTcpServer m_server;
    QByteArray m_answer;
    QByteArray m_requests;
};

} // namespace

TEST_CASE("HttpTransport: a request gets its answer, with the bearer token sent", "[transport]")
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
    HttpTransport transport;
    transport.setBearerToken("secret");
    std::optional<HttpResponse> response;
    QObject context;
    HttpRequest request;
    request.url = server.url();
    transport.send(request, &context, [&](const HttpResponse& r) { response = r; });
    REQUIRE(QTest::qWaitFor([&] { return response.has_value(); }, 10000));
    CHECK(response->isSuccess());
    CHECK(response->body == "{\"ok\":true}");
    CHECK(response->header("content-type") == "application/json");
    CHECK(server.requests().contains("Authorization: Bearer secret"));
}

TEST_CASE("HttpTransport: compression is asked for, except from a loopback address unless told", "[transport]")
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    QObject context;
    const auto ask = [&](const HttpTransportOptions& options, const QString& host) {
        HttpTransport transport(options);
        bool done = false;
        HttpRequest request;
        request.url = server.url();
        request.url.setHost(host);
        transport.send(request, &context, [&](const HttpResponse&) { done = true; });
        REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
        const QByteArray sent = server.requests();
        return sent.mid(sent.lastIndexOf("GET ")).contains("Accept-Encoding:");
    };
    CHECK_FALSE(ask({}, QStringLiteral("127.0.0.1")));
    CHECK_FALSE(ask({}, QStringLiteral("localhost")));
    HttpTransportOptions compress;
    compress.compressLoopback = true;
    CHECK(ask(compress, QStringLiteral("127.0.0.1")));
}

TEST_CASE("HttpTransport: an answer larger than the limit is aborted", "[transport]")
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + QByteArray(5000, 'x'));
    HttpTransportOptions options;
    options.maxBodyBytes = 1000;
    HttpTransport transport(options);
    std::optional<HttpResponse> response;
    QObject context;
    HttpRequest request;
    request.url = server.url();
    transport.send(request, &context, [&](const HttpResponse& r) { response = r; });
    REQUIRE(QTest::qWaitFor([&] { return response.has_value(); }, 10000));
    CHECK_FALSE(response->transportOk());
    CHECK(response->error.contains(QStringLiteral("larger than 1000")));
    CHECK(response->body.isEmpty());
}

TEST_CASE("HttpTransport: an HTML error page is a response, not a transport error", "[transport]")
{
    const QByteArray page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    CannedServer server("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: "
        + QByteArray::number(page.size()) + "\r\n\r\n" + page);
    HttpTransport transport;
    std::optional<HttpResponse> response;
    QObject context;
    HttpRequest request;
    request.url = server.url();
    transport.send(request, &context, [&](const HttpResponse& r) { response = r; });
    REQUIRE(QTest::qWaitFor([&] { return response.has_value(); }, 10000));
    CHECK(response->transportOk());
    CHECK(response->status == 502);
    CHECK_FALSE(response->isSuccess());
}

TEST_CASE("HttpTransport: a stream that goes silent is ended by the watchdog", "[transport]")
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nid: 1\nevent: change\ndata: {}\n\n");
    HttpTransportOptions options;
    options.streamIdleTimeoutMs = 600;
    HttpTransport transport(options);
    SseParser parser;
    QList<SseEvent> events;
    std::optional<HttpResponse> ended;
    QObject context;
    HttpRequest request;
    request.url = server.url("/events");
    transport.stream(
        request, &context, [&](const QByteArray& bytes) { events += parser.feed(bytes); },
        [&](const HttpResponse& r) { ended = r; });
    REQUIRE(QTest::qWaitFor([&] { return ended.has_value(); }, 10000));
    REQUIRE(events.size() == 1);
    CHECK(events[0].lastEventId == QStringLiteral("1"));
    CHECK(ended->error.contains(QStringLiteral("heartbeat")));
}

TEST_CASE("HttpTransport: no callback runs for a receiver that is gone, or after abort", "[transport]")
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    HttpTransport transport;
    bool called = false;
    auto context = std::make_unique<QObject>();
    HttpRequest request;
    request.url = server.url();
    transport.send(request, context.get(), [&](const HttpResponse&) { called = true; });
    context.reset();
    QObject alive;
    const quint64 aborted = transport.send(request, &alive, [&](const HttpResponse&) { called = true; });
    transport.abort(aborted);
    bool done = false;
    transport.send(request, &alive, [&](const HttpResponse&) { done = true; });
    REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
    REQUIRE(QTest::qWaitFor([&] { return transport.pendingCount() == 0; }, 10000));
    CHECK_FALSE(called);
}

TEST_CASE("HttpTransport: a refused connection is an error, not a hang", "[transport]")
{
    quint16 port = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    HttpTransport transport;
    std::optional<HttpResponse> response;
    QObject context;
    HttpRequest request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    transport.send(request, &context, [&](const HttpResponse& r) { response = r; });
    REQUIRE(QTest::qWaitFor([&] { return response.has_value(); }, 10000));
    CHECK_FALSE(response->transportOk());
}
