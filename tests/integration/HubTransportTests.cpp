// The hub's transport: gzip when asked, slow and idle clients cut off, a
// listen backlog for bursts of connections, HTTPS with a certificate and
// key, and a clean stop on SIGTERM.
#include "HubProcess.h"
#include "SseClient.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace {

// A store with enough rows that the change feed is well over a kilobyte.
void seed(const QString& path)
{
    Store store(path);
    for (int i = 0; i < 30; ++i) {
        Customer customer;
        customer.firstName = QStringLiteral("Cliente");
        customer.lastName = QStringLiteral("Numero %1").arg(i);
        store.addCustomer(customer);
    }
}

QByteArray gunzip(const QByteArray& data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof(buffer);
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

TEST_CASE("Responses are gzip-compressed when the client asks and the body is large", "[hub][transport]")
{
    TestSupport::TempDir dir;
    seed(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const QString feed = QStringLiteral("/api/v1/changes?since=0");

    // Set by hand, QNetworkAccessManager hands the compressed bytes over as they came.
    const auto compressed = hub.get(feed, token, { { "Accept-Encoding", "gzip" } });
    REQUIRE(compressed.status == 200);
    CHECK(compressed.header("Content-Encoding") == "gzip");
    CHECK(compressed.header("Vary") == "Accept-Encoding");
    REQUIRE(compressed.body.startsWith("\x1f\x8b")); // the gzip magic
    const auto plain = hub.get(feed, token, { { "Accept-Encoding", "identity" } });
    REQUIRE(plain.status == 200);
    CHECK(plain.header("Content-Encoding").isEmpty());
    REQUIRE(plain.body.size() > 1024);
    CHECK(compressed.body.size() < plain.body.size() / 2);
    const QByteArray inflated = gunzip(compressed.body);
    CHECK(inflated == plain.body);
    CHECK(QJsonDocument::fromJson(inflated).object() == plain.json);

    // q=0 refuses it; small answers are never compressed.
    CHECK(hub.get(feed, token, { { "Accept-Encoding", "gzip;q=0" } }).header("Content-Encoding").isEmpty());
    const auto small = hub.get(QStringLiteral("/api/v1/queues"), token, { { "Accept-Encoding", "gzip" } });
    CHECK(small.status == 200);
    CHECK(small.header("Content-Encoding").isEmpty());
    // Left to itself, QNetworkAccessManager negotiates gzip and decodes it.
    CHECK(hub.get(feed, token).json == plain.json);
}

TEST_CASE("A client that never finishes its request is disconnected after --request-timeout-ms", "[hub][transport]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--request-timeout-ms"), QStringLiteral("400") });

    QTcpSocket slow;
    slow.connectToHost(QStringLiteral("127.0.0.1"), hub.port());
    REQUIRE(slow.waitForConnected(5000));
    slow.write("GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    REQUIRE(slow.waitForBytesWritten(5000));
    QElapsedTimer elapsed;
    elapsed.start();
    const bool closed = SseClient::waitFor([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 5000);
    CHECK(closed);
    CHECK(elapsed.elapsed() >= 300);

    // A silent connection is closed too; everyone else is served as before.
    QTcpSocket silent;
    silent.connectToHost(QStringLiteral("127.0.0.1"), hub.port());
    REQUIRE(silent.waitForConnected(5000));
    CHECK(SseClient::waitFor([&] { return silent.state() == QAbstractSocket::UnconnectedState; }, 5000));
    CHECK(hub.isRunning());
    CHECK(hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})").status == 200);
}

TEST_CASE("A client that trickles its request a byte at a time is cut off at --request-timeout-ms", "[hub][transport]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--request-timeout-ms"), QStringLiteral("500") });

    // A byte every 50 ms keeps the connection busy but never completes the
    // request (slowloris): the limit runs from the first byte, not the last.
    QTcpSocket slow;
    slow.connectToHost(QStringLiteral("127.0.0.1"), hub.port());
    REQUIRE(slow.waitForConnected(5000));
    const QByteArray request = "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4000\r\n\r\n"
        + QByteArray(4000, 'x');
    qsizetype sent = 0;
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, [&] {
        if (slow.state() == QAbstractSocket::ConnectedState && sent < request.size())
            slow.write(request.mid(sent++, 1));
    });
    drip.start(50);
    QElapsedTimer elapsed;
    elapsed.start();
    CHECK(SseClient::waitFor([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 5000));
    CHECK(elapsed.elapsed() >= 400);
    CHECK(sent < request.size());
    drip.stop();
    CHECK(hub.isRunning());
    CHECK(hub.post(QStringLiteral("/api/v1/login"), R"({"login":"agent1","password":"agent1"})").status == 200);
}

TEST_CASE("An idle keep-alive connection is closed after --idle-timeout-ms, an event stream is not", "[hub][transport]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")),
        { QStringLiteral("--idle-timeout-ms"), QStringLiteral("400"), QStringLiteral("--heartbeat-ms"), QStringLiteral("100") });
    const QString token = hub.login(QStringLiteral("agent1"), QStringLiteral("agent1"));
    SseClient stream(hub.network(), hub.url(QStringLiteral("/api/v1/events")), token);
    REQUIRE(SseClient::waitFor([&] { return stream.pings() > 0; }));

    QTcpSocket idle;
    idle.connectToHost(QStringLiteral("127.0.0.1"), hub.port());
    REQUIRE(idle.waitForConnected(5000));
    // Two requests on the connection, then nothing: the timeout counts from the last answer.
    QElapsedTimer elapsed;
    for (int i = 0; i < 2; ++i) {
        idle.write("GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1()
            + "\r\n\r\n");
        QByteArray answer;
        REQUIRE(SseClient::waitFor([&] {
            answer += idle.readAll();
            return answer.contains("\r\n\r\n");
        }));
        elapsed.start();
        CHECK(answer.startsWith("HTTP/1.1 200"));
        CHECK(idle.state() == QAbstractSocket::ConnectedState);
    }
    REQUIRE(SseClient::waitFor([&] { return idle.state() == QAbstractSocket::UnconnectedState; }, 5000));
    CHECK(elapsed.elapsed() >= 300);

    // The stream, idle as far as requests go, lives on and keeps its heartbeats.
    const int pings = stream.pings();
    REQUIRE(SseClient::waitFor([&] { return stream.pings() >= pings + 5; }));
    CHECK_FALSE(stream.isFinished());
    CHECK(hub.isRunning());
}

TEST_CASE("The listen backlog holds a burst of connections far above Qt's default of 50", "[hub][transport]")
{
    TestSupport::TempDir dir;
    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")));
    // Stopped, the hub accepts nothing: only the kernel's accept queue (the
    // listen backlog) can complete the handshakes. Past a full queue Linux
    // drops the SYN and the client retries after 1 s.
    constexpr int kBurst = 300;
    REQUIRE(::kill(pid_t(hub.processId()), SIGSTOP) == 0);
    std::vector<int> sockets;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(hub.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(fd >= 0);
        sockets.push_back(fd);
        const int result = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        REQUIRE((result == 0 || errno == EINPROGRESS));
    }
    // Waits for the handshakes (connected = writable), at most 500 ms: well
    // before a dropped SYN would be sent again.
    std::vector<pollfd> polls;
    for (const int fd : sockets)
        polls.push_back(pollfd { fd, POLLOUT, 0 });
    QElapsedTimer elapsed;
    elapsed.start();
    int connected = 0;
    while (elapsed.elapsed() < 500) {
        ::poll(polls.data(), polls.size(), 50);
        connected = int(std::count_if(polls.cbegin(), polls.cend(), [](const pollfd& p) { return p.revents & POLLOUT; }));
        if (connected == kBurst)
            break;
    }
    REQUIRE(::kill(pid_t(hub.processId()), SIGCONT) == 0);
    CHECK(connected == kBurst);

    // And once it runs again, the hub serves every one of them.
    const QByteArray request = "GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (const int fd : sockets)
        REQUIRE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) == request.size());
    int answered = 0;
    for (const int fd : sockets) {
        pollfd readable { fd, POLLIN, 0 };
        char buffer[16];
        if (::poll(&readable, 1, 10000) == 1 && ::recv(fd, buffer, sizeof buffer, 0) > 0)
            ++answered;
        ::close(fd);
    }
    CHECK(answered == kBurst);
    CHECK(hub.isRunning());
}

TEST_CASE("With --tls-cert and --tls-key the hub serves HTTPS", "[hub][transport]")
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        WARN("openssl is not installed; the HTTPS test is skipped");
        return;
    }
    TestSupport::TempDir dir;
    const QString cert = dir.file(QStringLiteral("cert.pem"));
    const QString key = dir.file(QStringLiteral("key.pem"));
    QProcess generate;
    generate.start(openssl,
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1") });
    REQUIRE(generate.waitForFinished(60000));
    INFO(generate.readAllStandardError().toStdString());
    REQUIRE(generate.exitCode() == 0);
    const QList<QSslCertificate> trusted = QSslCertificate::fromPath(cert);
    REQUIRE(trusted.size() == 1);

    HubProcess hub(dir.file(QStringLiteral("hub.sqlite")),
        { QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key }, trusted);
    CHECK(hub.url(QStringLiteral("/")).scheme() == QStringLiteral("https"));
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const auto queues = hub.get(QStringLiteral("/api/v1/queues"), token);
    CHECK(queues.status == 200);
    CHECK(queues.json.value(QStringLiteral("queues")).isArray());

    // Plain HTTP on the TLS port gets nowhere (and is cut off, not served).
    QTcpSocket plain;
    plain.connectToHost(QStringLiteral("127.0.0.1"), hub.port());
    REQUIRE(plain.waitForConnected(5000));
    plain.write("GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    SseClient::waitFor([&] { return plain.state() == QAbstractSocket::UnconnectedState; }, 3000);
    CHECK_FALSE(plain.readAll().startsWith("HTTP/1.1 200"));
    CHECK(hub.isRunning());

    // Only both files together make sense.
    QProcess half;
    half.start(TestSupport::builtBinary(QStringLiteral("unisono-hub")), { QStringLiteral("--tls-cert"), cert });
    REQUIRE(half.waitForFinished(10000));
    CHECK(half.exitCode() == 2);
}

TEST_CASE("SIGTERM stops the hub cleanly: streams closed, exit code 0, database intact", "[hub][transport]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("hub.sqlite"));
    seed(path);
    auto hub = std::make_unique<HubProcess>(path,
        QStringList { QStringLiteral("--log-level"), QStringLiteral("info"), QStringLiteral("--heartbeat-ms"),
            QStringLiteral("100"), QStringLiteral("--simulate"), QStringLiteral("--sim-speed"), QStringLiteral("100"),
            QStringLiteral("--rate-calls"), QStringLiteral("2000") });
    const QString token = hub->login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    // Its reply belongs to the hub's network manager: it goes first.
    auto stream = std::make_unique<SseClient>(hub->network(), hub->url(QStringLiteral("/api/v1/events")), token);
    REQUIRE(SseClient::waitFor([&] { return stream->pings() > 0; }));
    // Some writes in flight from the simulator while the signal arrives.
    REQUIRE(hub->get(QStringLiteral("/api/v1/changes?since=0&limit=1"), token).status == 200);

    REQUIRE(hub->terminateGracefully());
    CHECK(hub->standardError().contains("stopped"));
    CHECK(SseClient::waitFor([&] { return stream->isFinished(); }, 5000));
    stream.reset();
    hub.reset();

    Database db(path, Database::Mode::ReadWrite);
    Statement check(db.handle(), "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == QStringLiteral("ok"));
}
