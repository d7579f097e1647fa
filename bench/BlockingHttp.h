#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <curl/curl.h>

// One blocking keep-alive HTTP/1.1 connection to the hub on loopback (a
// libcurl easy handle, reused so the connection stays open), for the bench's
// setup (login, picking ids) and for timing requests one after another (the
// change feed), where nothing else competes for the socket. Bodies arrive as
// sent: with a hand-set Accept-Encoding: gzip, compressed.
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

    // What every request of the bench carries: the bearer token, the
    // caller's headers, a JSON content type with a body, and an empty
    // Expect (no 100-continue round trip). Shared with HubLoad.
    static curl_slist* headerList(const QByteArray& token, const QByteArray& body, const Headers& headers);
    // Sets method, URL and body on an easy handle (the body is not copied:
    // it must outlive the transfer). Shared with HubLoad.
    static void prepare(CURL* easy, const QByteArray& method, const QByteArray& url, const QByteArray& body);

private:
    QByteArray m_base;
    CURL* m_easy = nullptr;
};
