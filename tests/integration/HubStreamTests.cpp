// The hub's event-stream fan-out under stress: a client that stops reading,
// and clients that join while events are on their way out.
#include "HubProcess.h"
#include "SseClient.h"
#include "TestSupport.h"
#include "store/Store.h"
#include "sync/SseParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <algorithm>
#include <catch2/catch.hpp>
#include <curl/curl.h>
#include <functional>
#include <memory>
#include <sys/socket.h>

namespace {

const QString kEvents = QStringLiteral("/api/v1/events");

qint64 seedInteraction(const QString& path)
{
    Store store(path);
    Customer customer;
    customer.firstName = QStringLiteral("Paola");
    customer.lastName = QStringLiteral("Ferri");
    Interaction interaction;
    interaction.customerId = store.addCustomer(customer);
    interaction.channel = Channel::Voice;
    interaction.offeredAt = 1700000000;
    return store.addInteraction(interaction);
}

// An event-stream client (libcurl) that reads only while the test waits on
// it: in between, the hub's writes back up. QNetworkAccessManager would read
// whatever arrives in the background. Its socket's receive buffer is as small
// as Linux allows, so that happens almost at once. The body goes to the sync
// engine's own SSE parser.
class ManualStream
{
public:
    ManualStream(const QUrl& url, const QString& token)
        : m_multi(curl_multi_init())
        , m_easy(curl_easy_init())
    {
        m_headers = curl_slist_append(m_headers, "Accept: text/event-stream");
        m_headers = curl_slist_append(m_headers, ("Authorization: Bearer " + token.toLatin1()).constData());
        curl_easy_setopt(m_easy, CURLOPT_URL, url.toEncoded().constData());
        curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headers);
        curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(m_easy, CURLOPT_BUFFERSIZE, 4096L); // small reads: the hub often finds some room
        curl_easy_setopt(m_easy, CURLOPT_SOCKOPTFUNCTION, shrinkReceiveBuffer);
        curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, onBytes);
        curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
        curl_multi_add_handle(m_multi, m_easy);
    }
    ~ManualStream()
    {
        curl_multi_remove_handle(m_multi, m_easy);
        curl_easy_cleanup(m_easy);
        curl_multi_cleanup(m_multi);
        curl_slist_free_all(m_headers);
    }
    ManualStream(const ManualStream&) = delete;
    ManualStream& operator=(const ManualStream&) = delete;

    // Reads until the condition holds, the stream ends, or the timeout; the
    // test's event loop keeps running in between (its requests go on).
    bool readUntil(const std::function<bool()>& condition, int timeoutMs)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        while (!condition()) {
            if (elapsed.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents();
            int running = 0;
            curl_multi_perform(m_multi, &running);
            if (running == 0)
                return condition();
            curl_multi_poll(m_multi, nullptr, 0, 10, nullptr);
        }
        return true;
    }
    int status() const
    {
        long status = 0;
        curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
        return int(status);
    }
    const QList<qint64>& changeIds() const { return m_changeIds; }

private:
    static int shrinkReceiveBuffer(void*, curl_socket_t socket, curlsocktype)
    {
        const int small = 4096;
        ::setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        return CURL_SOCKOPT_OK;
    }
    static size_t onBytes(char* data, size_t size, size_t count, void* self)
    {
        auto* stream = static_cast<ManualStream*>(self);
        for (const SseEvent& event : stream->m_parser.feed(QByteArray(data, qsizetype(size * count)))) {
            if (event.type == QLatin1String("change"))
                stream->m_changeIds.append(event.lastEventId.toLongLong());
        }
        return size * count;
    }

    CURLM* m_multi;
    CURL* m_easy;
    curl_slist* m_headers = nullptr;
    SseParser m_parser;
    QList<qint64> m_changeIds;
};

} // namespace

TEST_CASE(
    "A stream whose client stops reading holds up neither other streams nor requests, and loses nothing",
    "[hub][events]")
{
    TestSupport::TempDir dir;
    const qint64 interactionId = seedInteraction(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--heartbeat-ms"), QStringLiteral("100") });
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const QString notes = QStringLiteral("/api/v1/interactions/%1/notes").arg(interactionId);

    ManualStream stalled(hub.url(kEvents), token);
    REQUIRE(stalled.readUntil([&] { return stalled.status() != 0; }, 10000));
    REQUIRE(stalled.status() == 200);
    SseClient live(hub.network(), hub.url(kEvents), token);
    REQUIRE(SseClient::waitFor([&] { return live.pings() > 0; }));

    // About 1 MB of events: several times what the kernel buffers of the
    // stalled connection hold (the hub fixes its send buffer at 256 KiB), so
    // most of it must wait in the hub while everything else goes on.
    const QString text(8000, QLatin1Char('x'));
    QList<qint64> seqs;
    for (int i = 0; i < 120; ++i) {
        const auto note = hub.command(notes, QJsonObject { { QStringLiteral("text"), text } }, token);
        REQUIRE(note.status == 201);
        seqs.append(note.json.value(QStringLiteral("seq")).toInteger());
    }
    REQUIRE(SseClient::waitFor([&] { return live.changes().size() == seqs.size(); }));
    QList<qint64> liveIds;
    for (const SseClient::Event& event : live.changes())
        liveIds.append(event.id.toLongLong());
    CHECK(liveIds == seqs);
    CHECK(hub.get(QStringLiteral("/api/v1/queues"), token).status == 200);

    // When it reads again, every event is there once, in order: the bytes
    // the kernel took and the ones the hub kept are one stream, also while
    // more events come as the hub's backlog drains.
    std::vector<std::unique_ptr<QNetworkReply>> more;
    for (int i = 0; i < 60; ++i) {
        QNetworkRequest post(hub.url(notes));
        post.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        post.setRawHeader("Content-Type", "application/json");
        post.setRawHeader("Idempotency-Key", "drain-" + QByteArray::number(i));
        more.emplace_back(hub.network().post(post, QByteArray(R"({"text":"while draining"})")));
    }
    REQUIRE(stalled.readUntil(
        [&] {
            return std::all_of(more.cbegin(), more.cend(), [](const auto& reply) {
                return reply->isFinished();
            }) && stalled.changeIds().size() >= seqs.size() + qsizetype(more.size());
        },
        30000));
    for (const auto& reply : more) {
        REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201);
        seqs.append(
            QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("seq")).toInteger());
    }
    std::sort(seqs.begin(), seqs.end()); // the 60 were answered in any order
    CHECK(stalled.changeIds() == seqs);
    CHECK(hub.isRunning());
}

TEST_CASE("A stream that joins while events are on their way out gets each change once", "[hub][events]")
{
    TestSupport::TempDir dir;
    const qint64 interactionId = seedInteraction(dir.file(QStringLiteral("hub.sqlite")));
    HubProcess hub(
        dir.file(QStringLiteral("hub.sqlite")), { QStringLiteral("--heartbeat-ms"), QStringLiteral("100") });
    const QString token = hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    const QString notes = QStringLiteral("/api/v1/interactions/%1/notes").arg(interactionId);
    // An open stream, so the hub has events queued for someone.
    SseClient watcher(hub.network(), hub.url(kEvents), token);
    REQUIRE(SseClient::waitFor([&] { return watcher.pings() > 0; }));
    const qint64 before
        = hub.command(notes, QJsonObject { { QStringLiteral("text"), QStringLiteral("before") } }, token)
              .json.value(QStringLiteral("seq"))
              .toInteger();

    // Each round a command and a resuming stream reach the hub together: the
    // stream's replay may already hold a change that is still queued for the
    // streams open before it.
    for (int round = 0; round < 5; ++round) {
        QNetworkRequest post(hub.url(notes));
        post.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        post.setRawHeader("Content-Type", "application/json");
        post.setRawHeader("Idempotency-Key", "join-" + QByteArray::number(round));
        std::unique_ptr<QNetworkReply> reply(hub.network().post(post, QByteArray(R"({"text":"racing"})")));
        SseClient joining(hub.network(), hub.url(kEvents), token, before);
        REQUIRE(SseClient::waitFor([&] { return reply->isFinished(); }));
        REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201);
        const auto after
            = hub.command(notes, QJsonObject { { QStringLiteral("text"), QStringLiteral("after") } }, token);
        REQUIRE(after.status == 201);
        const qint64 last = after.json.value(QStringLiteral("seq")).toInteger();
        REQUIRE(SseClient::waitFor([&] {
            return !joining.changes().isEmpty() && joining.changes().last().id.toLongLong() == last;
        }));
        QList<qint64> ids;
        for (const SseClient::Event& event : joining.changes())
            ids.append(event.id.toLongLong());
        CAPTURE(round, ids);
        CHECK(QSet<qint64>(ids.cbegin(), ids.cend()).size() == ids.size());
        CHECK(std::is_sorted(ids.cbegin(), ids.cend()));
        CHECK(ids.first() == before + 1);
    }
}
