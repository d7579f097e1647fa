// The sync engine against a broken backend on loopback: a real TCP server
// that answers the change feed with what a faulty hub or proxy sends
// (malformed JSON, wrong types, a truncated body, an HTML error page, a 5xx
// storm, a body over the size limit) and an event stream with garbage
// lines. Each time the engine must say what went wrong, leave the store as
// it was (nothing of the page, cursor unchanged), back off, and go on.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"
#include "sync/ChangeApplier.h"
#include "sync/MemoryTokenStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStatus.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

// Answers each request with the raw bytes given for the first path (of
// those it knows) its request line names; records when each request came.
// The engine is given a stored token, so it never signs in here.
class BrokenBackend
{
public:
    struct Route
    {
        QByteArray path;
        QByteArray answer;
        bool closeAfter = false; // hang up once the bytes are written
    };
    explicit BrokenBackend(QList<Route> routes)
        : m_routes(std::move(routes))
    {
        m_clock.start();
        REQUIRE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void setAnswer(const QByteArray& path, const QByteArray& answer)
    {
        for (Route& route : m_routes)
            if (route.path == path)
                route.answer = answer;
    }
    QList<qint64> requestTimes(const QByteArray& path) const { return m_times.value(path); }

private:
    void answer(QTcpSocket* socket)
    {
        const QByteArray request = socket->readAll();
        const QByteArray requestLine = request.left(request.indexOf("\r\n"));
        for (const Route& route : m_routes) {
            if (!requestLine.contains(route.path))
                continue;
            m_times[route.path].append(m_clock.elapsed());
            socket->write(route.answer);
            if (route.closeAfter)
                socket->disconnectFromHost();
            return;
        }
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    }

    QTcpServer m_server;
    QList<Route> m_routes;
    QHash<QByteArray, QList<qint64>> m_times;
    QElapsedTimer m_clock;
};

QByteArray http(int status, const QByteArray& contentType, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QJsonObject customerChange(qint64 seq, qint64 id, const QJsonValue& displayName)
{
    const QJsonObject data { { "id", id }, { "firstName", "Anna" }, { "lastName", "Rossi" }, { "displayName", displayName },
        { "company", QJsonValue::Null }, { "language", "it" }, { "tier", "gold" }, { "vip", false },
        { "lifetimeValue", 1.0 }, { "city", "Milano" }, { "address", QJsonValue::Null }, { "country", "IT" },
        { "consentMarketing", false }, { "consentRecording", true }, { "consentProfiling", false },
        { "crmFields", QJsonObject {} }, { "createdAt", 1700000000 }, { "updatedAt", 1700000000 }, { "version", 1 } };
    return QJsonObject { { "seq", seq }, { "entity", "customer" }, { "id", id }, { "op", "upsert" }, { "data", data },
        { "changedAt", 1700000000 } };
}

QByteArray page(const QJsonArray& changes, qint64 next)
{
    return QJsonDocument(QJsonObject { { "changes", changes }, { "next", next }, { "more", false } })
        .toJson(QJsonDocument::Compact);
}

// A store that already holds customer 1 at cursor 1, signed in as agent1.
void seedStore(const QString& path)
{
    Store store(path);
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ customerChange(1, 1, "Anna Rossi") }, 1)).ok);
    ChangeApplier::setStateValue(store.db(), "session_login", QStringLiteral("agent1"));
}

SyncEngineOptions options(const QUrl& url, const QString& storePath)
{
    SyncEngineOptions options;
    options.baseUrl = url;
    options.login = QStringLiteral("agent1");
    options.password = QStringLiteral("agent1");
    options.storePath = storePath;
    options.historyDays = 0;
    options.backoffMinMs = 20;
    options.backoffMaxMs = 2000;
    options.live = false;
    options.http.connectTimeoutMs = 2000;
    options.http.maxBodyBytes = 64 * 1024;
    return options;
}

void checkUntouched(const QString& storePath)
{
    Store store(storePath);
    CHECK(ChangeApplier::storedCursor(store.db()) == 1);
    CHECK(store.db().scalar("SELECT count(*) FROM customers") == 1);
    CHECK(store.customer(1));
    CHECK(store.db().scalar("SELECT count(*) FROM customer_search") == 1);
    Statement check(store.db().handle(), "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == QStringLiteral("ok"));
}

} // namespace

TEST_CASE("SyncEngine: a broken change feed is reported, retried with backoff, and writes nothing", "[sync][badinput]")
{
    const QByteArray good = page({ customerChange(2, 2, "Bruno Verdi") }, 2);
    struct Case
    {
        const char* name;
        QByteArray answer;
        bool closeAfter = false;
    };
    const QList<Case> cases {
        { "malformed JSON", http(200, "application/json", "{\"changes\": [ {\"seq\": 2,, ]}") },
        { "wrong types", http(200, "application/json", page({ customerChange(2, 2, 42) }, 2)) },
        { "truncated body", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(good.size()) + "\r\n\r\n" + good.left(good.size() / 2), true },
        { "HTML error page", http(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>") },
        { "HTML page with 200", http(200, "text/html", "<!DOCTYPE html><html><body>Please sign in to the proxy</body></html>") },
        { "body over the limit", http(200, "application/json", "{\"changes\": [], \"pad\": \"" + QByteArray(128 * 1024, 'x') + "\", \"next\": 1, \"more\": false}") },
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            TestSupport::TempDir dir;
            const QString storePath = dir.file("local.db");
            seedStore(storePath);
            BrokenBackend backend({ { "/api/v1/changes", c.answer, c.closeAfter } });
            MemoryTokenStore tokens;
            tokens.setToken(QStringLiteral("agent1@127.0.0.1"), "token");
            {
                SyncEngine engine(options(backend.url(), storePath), tokens);
                SyncStatus status;
                QObject::connect(&engine, &SyncEngine::statusChanged, &status, &SyncStatus::update);
                engine.start();
                // Three tries: the engine keeps going after each failure.
                REQUIRE(QTest::qWaitFor([&] { return backend.requestTimes("/api/v1/changes").size() >= 3; }, 20000));
                CHECK(status.state() != SyncStatus::State::Online);
                CHECK_FALSE(status.lastError().isEmpty());
                CHECK(engine.cursor() == 1);
                engine.stop();
            }
            checkUntouched(storePath);
        }
    }
}

TEST_CASE("SyncEngine: a 5xx storm backs off more and more, and a healthy answer ends it", "[sync][badinput]")
{
    TestSupport::TempDir dir;
    const QString storePath = dir.file("local.db");
    seedStore(storePath);
    BrokenBackend backend({ { "/api/v1/changes", http(503, "text/plain", "overloaded") } });
    MemoryTokenStore tokens;
    tokens.setToken(QStringLiteral("agent1@127.0.0.1"), "token");
    SyncEngine engine(options(backend.url(), storePath), tokens);
    SyncStatus status;
    QObject::connect(&engine, &SyncEngine::statusChanged, &status, &SyncStatus::update);
    engine.start();
    REQUIRE(QTest::qWaitFor(
        [&] { return backend.requestTimes("/api/v1/changes").size() >= 7 && status.state() == SyncStatus::State::Offline; },
        30000));
    CHECK(status.lastError().contains(QStringLiteral("503")));
    CHECK(status.snapshot().retryAt.isValid());
    // Delays double from 20 ms, each jittered down by up to half: the gap
    // two tries later is at least as long (2 × 20 × 2^n / 2 ≥ 20 × 2^n).
    const QList<qint64> times = backend.requestTimes("/api/v1/changes");
    QList<qint64> gaps;
    for (int i = 1; i < times.size(); ++i)
        gaps << times.at(i) - times.at(i - 1);
    INFO("gaps (ms): " << QStringList([&] { QStringList s; for (qint64 g : gaps) s << QString::number(g); return s; }()).join(' ').toStdString());
    for (int i = 2; i < gaps.size(); ++i)
        CHECK(gaps.at(i) >= gaps.at(i - 2));
    CHECK(gaps.last() >= 4 * 20 / 2);

    backend.setAnswer("/api/v1/changes", http(200, "application/json", page({ customerChange(2, 2, "Bruno Verdi") }, 2)));
    REQUIRE(QTest::qWaitFor([&] { return status.state() == SyncStatus::State::Online; }, 20000));
    CHECK(status.lastError().isEmpty());
    CHECK(engine.cursor() == 2);
    engine.stop();
    Store store(storePath);
    CHECK(store.customer(2));
}

TEST_CASE("SyncEngine: garbage lines in the event stream are skipped, the changes around them land", "[sync][badinput]")
{
    TestSupport::TempDir dir;
    const QString storePath = dir.file("local.db");
    seedStore(storePath);
    const QByteArray change2 = QJsonDocument(customerChange(2, 2, "Bruno Verdi")).toJson(QJsonDocument::Compact);
    const QByteArray change3 = QJsonDocument(customerChange(3, 3, "Carla Neri")).toJson(QJsonDocument::Compact);
    const QByteArray stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
                              "\xEF\xBB\xBF: hello\n"
                              "this line has no colon and no meaning\n"
                              "\x01\x02\x7f garbage \xff\xfe\n"
                              "event: change\nid: 2\ndata: " + change2 + "\n\n"
                              "retry: soon\nfoo: bar\n:comment\n"
                              "event: change\r\nid: 3\r\ndata: " + change3 + "\r\n\r\n";
    BrokenBackend backend({ { "/api/v1/changes", http(200, "application/json", page({}, 1)) },
        { "/api/v1/events", stream } });
    MemoryTokenStore tokens;
    tokens.setToken(QStringLiteral("agent1@127.0.0.1"), "token");
    SyncEngineOptions engineOptions = options(backend.url(), storePath);
    engineOptions.live = true;
    engineOptions.http.streamIdleTimeoutMs = 10000;
    SyncEngine engine(engineOptions, tokens);
    engine.start();
    REQUIRE(QTest::qWaitFor([&] { return engine.cursor() == 3; }, 20000));
    engine.stop();
    Store store(storePath);
    CHECK(store.customer(2));
    CHECK(store.customer(3));
    CHECK(store.db().scalar("SELECT count(*) FROM customers") == 3);
}
