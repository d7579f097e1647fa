#pragma once

#include "HttpResponseReader.h"

#include <QByteArray>
#include <QList>
#include <QPair>

// One blocking keep-alive HTTP/1.1 connection to the hub on loopback, for
// the bench's setup (login, picking ids) and for timing requests one after
// another (the change feed), where nothing else competes for the socket.
class BlockingHttp
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
        qint64 wireBytes = 0; // body bytes as sent (compressed when gzip)
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit BlockingHttp(quint16 port);
    ~BlockingHttp();
    BlockingHttp(const BlockingHttp&) = delete;
    BlockingHttp& operator=(const BlockingHttp&) = delete;

    // Throws std::runtime_error when the connection fails.
    Response request(const QByteArray& method, const QByteArray& path, const QByteArray& token = {},
        const QByteArray& body = {}, const Headers& headers = {});

    // The bytes of one request as the hub expects them; shared with HubLoad.
    static QByteArray wire(const QByteArray& method, const QByteArray& path, const QByteArray& token,
        const QByteArray& body, const Headers& headers = {});

private:
    void connectSocket();

    quint16 m_port;
    int m_fd = -1;
    HttpResponseReader m_reader;
};
