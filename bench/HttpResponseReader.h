#pragma once

#include <QByteArray>

// Incremental reader of HTTP/1.1 responses as unisono-hub writes them on a
// keep-alive connection: a head, then exactly Content-Length bytes of body
// (the hub never chunks a JSON reply). The bench's clients feed it whatever
// read() returned; bytes past the end of one response are kept for the next.
class HttpResponseReader
{
public:
    // Appends bytes; true once a whole response is buffered.
    bool feed(const char* data, qsizetype size);
    bool isComplete() const { return m_complete; }
    int status() const { return m_status; }
    QByteArray body() const;
    // The value of one header of the finished response (case-insensitive name).
    QByteArray header(const QByteArray& name) const;
    // Forgets the finished response, keeping bytes of the next one.
    void next();

private:
    bool parse();

    QByteArray m_buffer;
    qsizetype m_headEnd = -1; // index just past "\r\n\r\n"
    qsizetype m_contentLength = -1;
    int m_status = 0;
    bool m_complete = false;
};
