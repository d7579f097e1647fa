#include "HttpResponseReader.h"

#include <QList>

bool HttpResponseReader::feed(const char* data, qsizetype size)
{
    m_buffer.append(data, size);
    return parse();
}

bool HttpResponseReader::parse()
{
    if (m_complete)
        return true;
    if (m_headEnd < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        m_headEnd = end + 4;
        // "HTTP/1.1 200 OK"
        const qsizetype space = m_buffer.indexOf(' ');
        m_status = space > 0 ? m_buffer.mid(space + 1, 3).toInt() : 0;
        const QByteArray length = header("Content-Length");
        m_contentLength = length.isEmpty() ? 0 : length.toLongLong();
    }
    m_complete = m_buffer.size() >= m_headEnd + m_contentLength;
    return m_complete;
}

QByteArray HttpResponseReader::body() const
{
    return m_complete ? m_buffer.mid(m_headEnd, m_contentLength) : QByteArray();
}

QByteArray HttpResponseReader::header(const QByteArray& name) const
{
    if (m_headEnd < 0)
        return {};
    const QList<QByteArray> lines = m_buffer.left(m_headEnd).split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void HttpResponseReader::next()
{
    if (!m_complete)
        return;
    m_buffer.remove(0, m_headEnd + m_contentLength);
    m_headEnd = -1;
    m_contentLength = -1;
    m_status = 0;
    m_complete = false;
    parse();
}
