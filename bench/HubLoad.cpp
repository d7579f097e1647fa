#include "HubLoad.h"

#include "BlockingHttp.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace {
constexpr quint32 kTimerTag = 0xffffffffu;
constexpr qsizetype kMaxStreamHead = 16384;
} // namespace

struct HubLoad::Connection
{
    quint32 index = 0;
    int fd = -1;
    bool stream = false;
    bool sampled = false;
    bool headDone = false; // stream: the 200 head arrived
    QByteArray partial; // stream: an incomplete head or line
    // API connection:
    HttpResponseReader reader;
    QByteArray out;
    qsizetype outPos = 0;
    bool busy = false;
    Completed current;
};

HubLoad::HubLoad(quint16 port)
    : m_port(port)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_timer(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
    , m_buffer(256 * 1024)
{
    if (m_epoll < 0 || m_timer < 0)
        throw std::runtime_error("epoll_create1/timerfd_create failed");
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.u32 = kTimerTag;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_timer, &event);
}

HubLoad::~HubLoad()
{
    for (const auto& connection : m_connections) {
        if (connection->fd >= 0)
            ::close(connection->fd);
    }
    ::close(m_timer);
    ::close(m_epoll);
}

qint64 HubLoad::now()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int HubLoad::connectSocket()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw std::runtime_error(std::string("socket(): ") + std::strerror(errno));
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Blocking: on loopback the kernel completes the handshake from the
    // hub's listen backlog; only the HTTP exchange is asynchronous.
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        throw std::runtime_error(std::string("connect(): ") + std::strerror(error));
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

void HubLoad::watch(Connection& connection, bool wantWrite)
{
    epoll_event event {};
    event.events = EPOLLIN | (wantWrite ? EPOLLOUT : 0u);
    event.data.u32 = connection.index;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event) != 0)
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection.fd, &event);
}

int HubLoad::openStreams(
    int count, const QList<QByteArray>& tokens, int sampled, int parallel, qint64 timeoutNs)
{
    const qint64 deadline = now() + timeoutNs;
    for (int i = 0; i < count && now() < deadline; ++i) {
        while (m_handshakes >= parallel && now() < deadline)
            pump(10);
        auto connection = std::make_unique<Connection>();
        connection->index = quint32(m_connections.size());
        connection->stream = true;
        connection->sampled = i < sampled;
        try {
            connection->fd = connectSocket();
        } catch (const std::exception&) {
            ++m_streamsLost;
            continue;
        }
        const QByteArray request = BlockingHttp::wire("GET", "/api/v1/events", tokens.at(i % tokens.size()), {},
            { { "Accept", "text/event-stream" } });
        // A few hundred bytes into an empty socket buffer: one send() takes it all.
        if (::send(connection->fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size()) {
            ::close(connection->fd);
            ++m_streamsLost;
            continue;
        }
        watch(*connection, false);
        ++m_handshakes;
        m_connections.push_back(std::move(connection));
    }
    while (m_handshakes > 0 && now() < deadline)
        pump(10);
    return m_streamsOpen;
}

void HubLoad::pump(int timeoutMs)
{
    epoll_event events[512];
    const int n = ::epoll_wait(m_epoll, events, 512, timeoutMs);
    for (int i = 0; i < n; ++i) {
        if (events[i].data.u32 == kTimerTag) {
            quint64 expirations = 0;
            [[maybe_unused]] const ssize_t r = ::read(m_timer, &expirations, sizeof expirations);
            continue;
        }
        Connection& connection = *m_connections[events[i].data.u32];
        if (connection.fd < 0)
            continue;
        if (events[i].events & EPOLLOUT)
            writable(connection);
        if (connection.fd >= 0 && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            readable(connection);
    }
}

void HubLoad::readable(Connection& connection)
{
    for (;;) {
        const ssize_t n = ::recv(connection.fd, m_buffer.data(), m_buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            if (!connection.stream) {
                reconnect(connection);
                return;
            }
            close(connection);
            return;
        }
        const qint64 at = now();
        if (connection.stream)
            streamBytes(connection, m_buffer.data(), n, at);
        else
            apiBytes(connection, m_buffer.data(), n, at);
        if (connection.fd < 0 || size_t(n) < m_buffer.size())
            return; // level-triggered: what is left comes with the next wait
    }
}

void HubLoad::close(Connection& connection)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
    ::close(connection.fd);
    connection.fd = -1;
    if (connection.stream) {
        if (connection.headDone) {
            --m_streamsOpen;
        } else {
            --m_handshakes;
        }
        ++m_streamsLost;
    }
}

void HubLoad::streamBytes(Connection& connection, const char* data, qsizetype size, qint64 at)
{
    if (!connection.headDone) {
        connection.partial.append(data, size);
        const qsizetype end = connection.partial.indexOf("\r\n\r\n");
        if (end < 0) {
            if (connection.partial.size() > kMaxStreamHead)
                close(connection);
            return;
        }
        if (!connection.partial.startsWith("HTTP/1.1 200")) {
            close(connection);
            return;
        }
        connection.headDone = true;
        --m_handshakes;
        ++m_streamsOpen;
        const QByteArray rest = connection.partial.mid(end + 4);
        connection.partial.clear();
        streamBytes(connection, rest.constData(), rest.size(), at);
        return;
    }
    // Lines may be split across reads: the tail of the last one waits in partial.
    const char* cursor = data;
    const char* const end = data + size;
    if (!connection.partial.isEmpty()) {
        const char* newline = static_cast<const char*>(std::memchr(cursor, '\n', size_t(end - cursor)));
        if (!newline) {
            connection.partial.append(cursor, end - cursor);
            return;
        }
        connection.partial.append(cursor, newline - cursor);
        streamLine(connection, connection.partial.constData(), connection.partial.size(), at);
        connection.partial.clear();
        cursor = newline + 1;
    }
    while (cursor < end) {
        const char* newline = static_cast<const char*>(std::memchr(cursor, '\n', size_t(end - cursor)));
        if (!newline) {
            connection.partial.append(cursor, end - cursor);
            return;
        }
        streamLine(connection, cursor, newline - cursor, at);
        cursor = newline + 1;
    }
}

void HubLoad::streamLine(Connection& connection, const char* line, qsizetype size, qint64 at)
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
    if (connection.sampled)
        m_sampled.emplace_back(seq, at);
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

void HubLoad::apiBytes(Connection& connection, const char* data, qsizetype size, qint64 at)
{
    if (!connection.reader.feed(data, size))
        return;
    Completed done = connection.current;
    done.doneNs = at;
    done.status = connection.reader.status();
    if (done.command) {
        // {"seq":123,…}: the change the command made; no JSON parse needed.
        const QByteArray body = connection.reader.body();
        const qsizetype key = body.indexOf("\"seq\":");
        for (qsizetype i = key + 6; key >= 0 && i < body.size() && body.at(i) >= '0' && body.at(i) <= '9'; ++i)
            done.seq = done.seq * 10 + (body.at(i) - '0');
    }
    m_completed.push_back(done);
    connection.reader.next();
    connection.busy = false;
    m_idle.push_back(&connection);
}

void HubLoad::reconnect(Connection& connection)
{
    // The hub closed a keep-alive connection: what was in flight failed.
    if (connection.busy) {
        Completed failed = connection.current;
        failed.doneNs = now();
        m_completed.push_back(failed);
        connection.busy = false;
        m_idle.push_back(&connection);
    }
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
    ::close(connection.fd);
    connection.reader = HttpResponseReader();
    connection.out.clear();
    connection.outPos = 0;
    connection.fd = connectSocket();
    watch(connection, false);
}

void HubLoad::send(Connection& connection, Request request, qint64 scheduledNs)
{
    connection.busy = true;
    connection.current = Completed { request.kind, request.command, scheduledNs, now(), 0, 0, 0 };
    connection.out = std::move(request.wire);
    connection.outPos = 0;
    writable(connection);
}

void HubLoad::writable(Connection& connection)
{
    while (connection.outPos < connection.out.size()) {
        const ssize_t n = ::send(connection.fd, connection.out.constData() + connection.outPos,
            size_t(connection.out.size() - connection.outPos), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            watch(connection, true);
            return;
        }
        if (n < 0) {
            reconnect(connection);
            return;
        }
        connection.outPos += n;
    }
    connection.out.clear();
    connection.outPos = 0;
    watch(connection, false);
}

void HubLoad::run(const Plan& plan, const Generator& next)
{
    std::vector<Connection*> api;
    for (int i = 0; i < plan.connections; ++i) {
        auto connection = std::make_unique<Connection>();
        connection->index = quint32(m_connections.size());
        connection->fd = connectSocket();
        watch(*connection, false);
        m_idle.push_back(connection.get());
        m_connections.push_back(std::move(connection));
    }
    const auto total = quint64(plan.rate * double(plan.durationNs) / 1e9);
    const double interval = 1e9 / plan.rate;
    const qint64 start = now() + 1'000'000;
    const qint64 deadline = start + plan.durationNs + plan.drainNs;
    const auto due = [&](quint64 i) { return start + qint64(double(i) * interval); };
    std::deque<std::pair<Request, qint64>> queued; // scheduled, waiting for a free connection
    quint64 issued = 0;
    std::size_t busy = 0;
    for (;;) {
        const qint64 t = now();
        while (issued < total && due(issued) <= t) {
            queued.emplace_back(next(issued), due(issued));
            ++issued;
        }
        while (!queued.empty() && !m_idle.empty()) {
            Connection* connection = m_idle.back();
            m_idle.pop_back();
            send(*connection, std::move(queued.front().first), queued.front().second);
            queued.pop_front();
        }
        busy = std::size_t(plan.connections) - m_idle.size();
        if ((issued == total && queued.empty() && busy == 0) || t >= deadline)
            break;
        if (issued < total) {
            // Wake exactly at the next send time, not at epoll's millisecond granularity.
            itimerspec when {};
            const qint64 at = due(issued);
            when.it_value.tv_sec = at / 1'000'000'000;
            when.it_value.tv_nsec = at % 1'000'000'000;
            ::timerfd_settime(m_timer, TFD_TIMER_ABSTIME, &when, nullptr);
        }
        pump(issued < total ? -1 : 10);
    }
    m_unfinished = qint64(queued.size() + busy) + qint64(total - issued);
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
