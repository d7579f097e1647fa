#include "HubLoad.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace {

// A stream's receive buffer: the hub flushes several events at once, and a
// stream that fell behind has more waiting; 64 KiB takes either in one read.
constexpr long kStreamBufferBytes = 64 * 1024;

void setTimer(int fd, qint64 nanoseconds, bool absolute)
{
    itimerspec when {};
    when.it_value.tv_sec = nanoseconds / 1'000'000'000;
    when.it_value.tv_nsec = nanoseconds % 1'000'000'000;
    ::timerfd_settime(fd, absolute ? TFD_TIMER_ABSTIME : 0, &when, nullptr);
}

void drainTimer(int fd)
{
    quint64 expirations = 0;
    [[maybe_unused]] const ssize_t r = ::read(fd, &expirations, sizeof expirations);
}

} // namespace

// One easy handle: an event stream, or a slot that carries one API request
// at a time over a keep-alive connection from the multi handle's pool.
struct HubLoad::Transfer
{
    HubLoad* load = nullptr;
    CURL* easy = nullptr;
    bool active = false; // added to the multi handle
    bool stream = false;
    bool sampled = false;
    bool open = false; // stream: the 200 answer's first bytes arrived
    QByteArray partial; // stream: a line split across reads
    // API slot:
    Request request; // owns the body libcurl sends
    curl_slist* headers = nullptr;
    QByteArray response;
    qint64 lastBytesNs = 0;
    Completed current;

    ~Transfer()
    {
        curl_slist_free_all(headers);
        curl_easy_cleanup(easy);
    }
};

HubLoad::HubLoad(quint16 port)
    : m_baseUrl("http://127.0.0.1:" + QByteArray::number(port))
    , m_multi(curl_multi_init())
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_curlTimer(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
    , m_sendTimer(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
{
    if (!m_multi || m_epoll < 0 || m_curlTimer < 0 || m_sendTimer < 0)
        throw std::runtime_error("curl_multi_init/epoll_create1/timerfd_create failed");
    for (const int fd : { m_curlTimer, m_sendTimer }) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
}

HubLoad::~HubLoad()
{
    for (const auto& transfer : m_transfers) {
        if (transfer->active)
            curl_multi_remove_handle(m_multi, transfer->easy);
    }
    m_transfers.clear();
    curl_multi_cleanup(m_multi);
    for (const auto& [token, list] : m_streamHeaders)
        curl_slist_free_all(list);
    ::close(m_sendTimer);
    ::close(m_curlTimer);
    ::close(m_epoll);
}

qint64 HubLoad::now()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int HubLoad::onSocket(CURL*, curl_socket_t socket, int what, void* self, void* socketData)
{
    auto* load = static_cast<HubLoad*>(self);
    if (what == CURL_POLL_REMOVE) {
        ::epoll_ctl(load->m_epoll, EPOLL_CTL_DEL, socket, nullptr);
        return 0;
    }
    epoll_event event {};
    event.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0u);
    event.data.fd = socket;
    // socketData marks a descriptor epoll already knows; a reused number may still surprise, hence the
    // fallbacks.
    const int op = socketData ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (::epoll_ctl(load->m_epoll, op, socket, &event) != 0)
        ::epoll_ctl(load->m_epoll, op == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &event);
    if (!socketData)
        curl_multi_assign(load->m_multi, socket, load);
    return 0;
}

int HubLoad::onTimer(CURLM*, long timeoutMs, void* self)
{
    auto* load = static_cast<HubLoad*>(self);
    // -1 disarms; 0 means "now", which timerfd spells as the shortest wait (0 would disarm).
    setTimer(
        load->m_curlTimer, timeoutMs < 0 ? 0 : std::max<qint64>(1, qint64(timeoutMs) * 1'000'000), false);
    return 0;
}

int HubLoad::openStreams(
    int count, const QList<QByteArray>& tokens, int sampled, int parallel, qint64 timeoutNs)
{
    const QByteArray url = m_baseUrl + "/api/v1/events";
    const qint64 deadline = now() + timeoutNs;
    for (int i = 0; i < count && now() < deadline; ++i) {
        while (m_handshakes >= parallel && now() < deadline)
            pump(10);
        const QByteArray& token = tokens.at(i % tokens.size());
        curl_slist*& headers = m_streamHeaders[token];
        if (!headers)
            headers = BlockingHttp::headerList(token, {}, { { "Accept", "text/event-stream" } });
        auto stream = std::make_unique<Transfer>();
        stream->load = this;
        stream->stream = true;
        stream->sampled = i < sampled;
        stream->easy = curl_easy_init();
        curl_easy_setopt(stream->easy, CURLOPT_URL, url.constData());
        curl_easy_setopt(stream->easy, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(stream->easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(stream->easy, CURLOPT_FAILONERROR, 1L); // a refused stream ends, it is not read
        curl_easy_setopt(stream->easy, CURLOPT_BUFFERSIZE, kStreamBufferBytes);
        curl_easy_setopt(stream->easy, CURLOPT_WRITEFUNCTION, onStreamBytes);
        curl_easy_setopt(stream->easy, CURLOPT_WRITEDATA, stream.get());
        curl_easy_setopt(stream->easy, CURLOPT_PRIVATE, stream.get());
        curl_multi_add_handle(m_multi, stream->easy);
        stream->active = true;
        ++m_handshakes;
        m_transfers.push_back(std::move(stream));
    }
    while (m_handshakes > 0 && now() < deadline)
        pump(10);
    return m_streamsOpen;
}

void HubLoad::pump(int timeoutMs)
{
    epoll_event events[512];
    const int n = ::epoll_wait(m_epoll, events, 512, timeoutMs);
    int running = 0;
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_sendTimer) {
            drainTimer(fd);
        } else if (fd == m_curlTimer) {
            drainTimer(fd);
            curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
        } else {
            const quint32 what = events[i].events;
            curl_multi_socket_action(m_multi, fd,
                ((what & EPOLLIN) ? CURL_CSELECT_IN : 0) | ((what & EPOLLOUT) ? CURL_CSELECT_OUT : 0)
                    | ((what & (EPOLLERR | EPOLLHUP)) ? CURL_CSELECT_ERR : 0),
                &running);
        }
    }
    collect();
}

void HubLoad::collect()
{
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        Transfer* transfer = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
        const CURLcode result = message->data.result;
        remove(*transfer); // message is invalid from here on
        if (transfer->stream) {
            if (transfer->open)
                --m_streamsOpen;
            else
                --m_handshakes;
            ++m_streamsLost;
            continue;
        }
        Completed done = transfer->current;
        done.doneNs = transfer->lastBytesNs ? transfer->lastBytesNs : now();
        if (result == CURLE_OK) {
            long status = 0;
            curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
            done.status = int(status);
        }
        if (done.command && done.status / 100 == 2) {
            // {"seq":123,…}: the change the command made; no JSON parse needed.
            const QByteArray& body = transfer->response;
            const qsizetype key = body.indexOf("\"seq\":");
            for (qsizetype i = key + 6; key >= 0 && i < body.size() && body.at(i) >= '0' && body.at(i) <= '9';
                 ++i)
                done.seq = done.seq * 10 + (body.at(i) - '0');
        }
        m_completed.push_back(done);
        curl_slist_free_all(transfer->headers);
        transfer->headers = nullptr;
        m_idle.push_back(transfer);
    }
}

void HubLoad::remove(Transfer& transfer)
{
    curl_multi_remove_handle(m_multi, transfer.easy);
    transfer.active = false;
}

size_t HubLoad::onStreamBytes(char* data, size_t size, size_t count, void* transfer)
{
    Transfer& stream = *static_cast<Transfer*>(transfer);
    HubLoad& load = *stream.load;
    const size_t bytes = size * count;
    const qint64 at = now();
    if (!stream.open) {
        stream.open = true;
        --load.m_handshakes;
        ++load.m_streamsOpen;
    }
    // Lines may be split across reads: the tail of the last one waits in partial.
    const char* cursor = data;
    const char* const end = data + bytes;
    if (!stream.partial.isEmpty()) {
        const char* newline = static_cast<const char*>(std::memchr(cursor, '\n', size_t(end - cursor)));
        if (!newline) {
            stream.partial.append(cursor, end - cursor);
            return bytes;
        }
        stream.partial.append(cursor, newline - cursor);
        load.streamLine(stream, stream.partial.constData(), stream.partial.size(), at);
        stream.partial.clear();
        cursor = newline + 1;
    }
    while (cursor < end) {
        const char* newline = static_cast<const char*>(std::memchr(cursor, '\n', size_t(end - cursor)));
        if (!newline) {
            stream.partial.append(cursor, end - cursor);
            break;
        }
        load.streamLine(stream, cursor, newline - cursor, at);
        cursor = newline + 1;
    }
    return bytes;
}

void HubLoad::streamLine(Transfer& stream, const char* line, qsizetype size, qint64 at)
{
    // Only change events carry an id (the seq); everything else is skipped.
    if (size < 5 || std::memcmp(line, "id: ", 4) != 0)
        return;
    qint64 seq = 0;
    for (qsizetype i = 4; i < size && line[i] >= '0' && line[i] <= '9'; ++i)
        seq = seq * 10 + (line[i] - '0');
    if (seq <= m_base)
        return;
    const auto index = std::size_t(seq - m_base - 1);
    if (index >= m_receivers.size()) {
        m_receivers.resize(index + 1024, 0);
        m_lastReceipt.resize(index + 1024, 0);
    }
    ++m_receivers[index];
    m_lastReceipt[index] = std::max(m_lastReceipt[index], at);
    if (stream.sampled)
        m_sampled.emplace_back(seq, at);
}

size_t HubLoad::onApiBytes(char* data, size_t size, size_t count, void* transfer)
{
    Transfer& slot = *static_cast<Transfer*>(transfer);
    slot.response.append(data, qsizetype(size * count));
    slot.lastBytesNs = now();
    return size * count;
}

int HubLoad::receivers(qint64 seq) const
{
    const qint64 index = seq - m_base - 1;
    return index >= 0 && std::size_t(index) < m_receivers.size() ? m_receivers[std::size_t(index)] : 0;
}

qint64 HubLoad::lastReceipt(qint64 seq) const
{
    const qint64 index = seq - m_base - 1;
    return index >= 0 && std::size_t(index) < m_lastReceipt.size() ? m_lastReceipt[std::size_t(index)] : 0;
}

void HubLoad::start(Transfer& slot, Request request, qint64 scheduledNs)
{
    slot.request = std::move(request);
    slot.response.clear();
    slot.lastBytesNs = 0;
    slot.headers = BlockingHttp::headerList(slot.request.token, slot.request.body, slot.request.headers);
    BlockingHttp::prepare(slot.easy, slot.request.method, m_baseUrl + slot.request.path, slot.request.body);
    curl_easy_setopt(slot.easy, CURLOPT_HTTPHEADER, slot.headers);
    slot.current = Completed { slot.request.kind, slot.request.command, scheduledNs, now(), 0, 0, 0 };
    curl_multi_add_handle(m_multi, slot.easy);
    slot.active = true;
    // Sends it now rather than on the next wait: libcurl has just set a 0 ms timeout for it.
    int running = 0;
    curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
}

void HubLoad::run(const Plan& plan, const Generator& next)
{
    for (int i = 0; i < plan.connections; ++i) {
        auto slot = std::make_unique<Transfer>();
        slot->load = this;
        slot->easy = curl_easy_init();
        curl_easy_setopt(slot->easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(slot->easy, CURLOPT_TCP_NODELAY, 1L);
        curl_easy_setopt(slot->easy, CURLOPT_WRITEFUNCTION, onApiBytes);
        curl_easy_setopt(slot->easy, CURLOPT_WRITEDATA, slot.get());
        curl_easy_setopt(slot->easy, CURLOPT_PRIVATE, slot.get());
        m_idle.push_back(slot.get());
        m_transfers.push_back(std::move(slot));
    }
    const auto total = quint64(plan.rate * double(plan.durationNs) / 1e9);
    const double interval = 1e9 / plan.rate;
    const qint64 origin = now() + 1'000'000;
    const qint64 deadline = origin + plan.durationNs + plan.drainNs;
    const auto due = [&](quint64 i) { return origin + qint64(double(i) * interval); };
    std::deque<std::pair<Request, qint64>> queued; // scheduled, waiting for a free slot
    quint64 issued = 0;
    std::size_t busy = 0;
    for (;;) {
        const qint64 t = now();
        while (issued < total && due(issued) <= t) {
            queued.emplace_back(next(issued), due(issued));
            ++issued;
        }
        while (!queued.empty() && !m_idle.empty()) {
            Transfer* slot = m_idle.back();
            m_idle.pop_back();
            start(*slot, std::move(queued.front().first), queued.front().second);
            queued.pop_front();
        }
        busy = std::size_t(plan.connections) - m_idle.size();
        if ((issued == total && queued.empty() && busy == 0) || t >= deadline)
            break;
        if (issued < total)
            setTimer(m_sendTimer, due(issued), true); // wake exactly at the next send time
        pump(issued < total ? -1 : 10);
    }
    m_unfinished = qint64(queued.size() + busy) + qint64(total - issued);
    // Requests still out at the deadline are given up, so that nothing
    // completes once the caller reads the results.
    for (const auto& transfer : m_transfers) {
        if (!transfer->stream && transfer->active) {
            remove(*transfer);
            curl_slist_free_all(transfer->headers);
            transfer->headers = nullptr;
            m_idle.push_back(transfer.get());
        }
    }
}

void HubLoad::drainEvents(qint64 lastSeq, qint64 timeoutNs)
{
    const qint64 deadline = now() + timeoutNs;
    qint64 seq = m_base + 1;
    while (now() < deadline) {
        while (seq <= lastSeq && receivers(seq) >= m_streamsOpen)
            ++seq;
        if (seq > lastSeq)
            return;
        pump(10);
    }
}
