#pragma once

#include "BlockingHttp.h"

#include <QByteArray>
#include <QList>
#include <curl/curl.h>
#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

// The client side of unisono-hub-bench: thousands of Server-Sent Events
// streams and an open-loop request load, on one libcurl multi handle driven
// by epoll (curl_multi_socket_action), so each socket event costs libcurl
// work for that socket only, whatever the number of streams. libcurl speaks
// HTTP; this class only counts what streams receive: it finds each event's
// `id:` line (the change seq) and skips the rest. On the 2-core machine the
// hub gets one core and this gets the other.
//
// Requests are scheduled at fixed times (index / rate) whether or not
// earlier ones were answered, and latency is taken from the scheduled time,
// so a stall of the hub shows in full (no coordinated omission).
class HubLoad
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray token;
        QByteArray body;
        BlockingHttp::Headers headers;
        int kind = 0; // the caller's label (which endpoint)
        bool command = false; // answers {"seq": …} whose change the streams should see
    };
    struct Completed
    {
        int kind = 0;
        bool command = false;
        qint64 scheduledNs = 0;
        qint64 sentNs = 0;
        qint64 doneNs = 0;
        int status = 0; // 0: the connection broke
        qint64 seq = 0; // a command's change, 0 if none
    };
    struct Plan
    {
        double rate = 1000; // requests per second
        qint64 durationNs = 0;
        int connections = 32; // keep-alive connections shared by the requests
        qint64 drainNs = 0; // how long to wait for answers after the last send time
    };
    using Generator = std::function<Request(quint64 index)>;

    explicit HubLoad(quint16 port);
    ~HubLoad();
    HubLoad(const HubLoad&) = delete;
    HubLoad& operator=(const HubLoad&) = delete;

    static qint64 now(); // CLOCK_MONOTONIC, ns

    // Opens `count` event streams, the tokens used in turn, with at most
    // `parallel` connections still waiting for their answer; the first
    // `sampled` streams keep the time of every event they receive. Returns
    // how many the hub accepted.
    int openStreams(int count, const QList<QByteArray>& tokens, int sampled, int parallel, qint64 timeoutNs);
    // Events up to this seq are not counted (the streams start live, but a
    // heartbeat or a late event of the setup must not look like a receipt).
    void setEventBase(qint64 seq) { m_base = seq; }
    // Requests still unanswered when the drain time is over are given up and
    // counted in unfinished(): completed() does not change after run().
    void run(const Plan& plan, const Generator& next);
    // Keeps reading until every change up to lastSeq reached every open
    // stream, or the timeout.
    void drainEvents(qint64 lastSeq, qint64 timeoutNs);

    const std::vector<Completed>& completed() const { return m_completed; }
    qint64 unfinished() const { return m_unfinished; }
    int streamsOpen() const { return m_streamsOpen; }
    int streamsLost() const { return m_streamsLost; }
    // Per change seq (index seq - base - 1): how many streams got it, and when the last one did.
    qint64 eventBase() const { return m_base; }
    int receivers(qint64 seq) const;
    qint64 lastReceipt(qint64 seq) const;
    // (seq, receive time) of every change the sampled streams got.
    const std::vector<std::pair<qint64, qint64>>& sampledReceipts() const { return m_sampled; }

private:
    struct Transfer;

    static int onSocket(CURL* easy, curl_socket_t socket, int what, void* self, void* socketData);
    static int onTimer(CURLM* multi, long timeoutMs, void* self);
    static size_t onStreamBytes(char* data, size_t size, size_t count, void* transfer);
    static size_t onApiBytes(char* data, size_t size, size_t count, void* transfer);
    void pump(int timeoutMs);
    void act(curl_socket_t socket, int events);
    void collect();
    void streamLine(Transfer& stream, const char* line, qsizetype size, qint64 at);
    void start(Transfer& slot, Request request, qint64 scheduledNs);
    void remove(Transfer& transfer);

    QByteArray m_baseUrl;
    CURLM* m_multi = nullptr;
    int m_epoll = -1;
    int m_curlTimer = -1; // libcurl's own timeouts
    int m_sendTimer = -1; // the next scheduled request
    std::vector<std::unique_ptr<Transfer>> m_transfers;
    std::vector<Transfer*> m_idle; // API slots without a request in flight
    std::map<QByteArray, curl_slist*> m_streamHeaders; // per token, shared by its streams
    int m_handshakes = 0;
    int m_streamsOpen = 0;
    int m_streamsLost = 0;
    qint64 m_base = 0;
    std::vector<int> m_receivers;
    std::vector<qint64> m_lastReceipt;
    std::vector<std::pair<qint64, qint64>> m_sampled;
    std::vector<Completed> m_completed;
    qint64 m_unfinished = 0;
};
