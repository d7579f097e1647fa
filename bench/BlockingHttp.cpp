#include "BlockingHttp.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

BlockingHttp::BlockingHttp(quint16 port)
    : m_port(port)
{
    connectSocket();
}

BlockingHttp::~BlockingHttp()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void BlockingHttp::connectSocket()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        throw std::runtime_error("socket() failed");
    const int one = 1;
    // Small requests must leave at once, not wait for Nagle.
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot connect to the hub");
}

QByteArray BlockingHttp::wire(const QByteArray& method, const QByteArray& path, const QByteArray& token,
    const QByteArray& body, const Headers& headers)
{
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    for (const auto& header : headers)
        request += header.first + ": " + header.second + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return request + "\r\n" + body;
}

BlockingHttp::Response BlockingHttp::request(const QByteArray& method, const QByteArray& path,
    const QByteArray& token, const QByteArray& body, const Headers& headers)
{
    const QByteArray bytes = wire(method, path, token, body, headers);
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error("the hub closed the connection while sending");
        sent += n;
    }
    char buffer[65536];
    while (!m_reader.isComplete()) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error("the hub closed the connection before answering");
        m_reader.feed(buffer, n);
    }
    Response response { m_reader.status(), m_reader.body(), 0 };
    response.wireBytes = response.body.size();
    m_reader.next();
    return response;
}
