#include "SseParser.h"

#include <QStringDecoder>

namespace {
const QByteArray kBom("\xEF\xBB\xBF");

// QString::fromUtf8 drops a BOM at the start of its input; only the
// stream's first BOM is to go, so lines are decoded keeping it.
QString decode(const char* data, qsizetype size)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(data, size));
}
} // namespace

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

void SseParser::restartStream()
{
    m_line.clear();
    m_bomChecked = false;
    m_afterCr = false;
    m_overflowed = false;
    m_data.clear();
    m_eventType.clear();
    m_idBuffer = m_lastEventId;
}

QList<SseEvent> SseParser::feed(const QByteArray& bytes)
{
    QList<SseEvent> events;
    if (m_overflowed)
        return events;
    qsizetype i = 0;
    if (!m_bomChecked) {
        // The BOM may itself arrive split across chunks: hold bytes back
        // until three are known or they stop looking like a BOM.
        m_line.append(bytes);
        i = bytes.size();
        if (m_line.size() < kBom.size() && kBom.startsWith(m_line))
            return events;
        m_bomChecked = true;
        QByteArray pending = m_line.startsWith(kBom) ? m_line.mid(kBom.size()) : m_line;
        m_line.clear();
        return feed(pending);
    }
    const qsizetype size = bytes.size();
    while (i < size) {
        const char c = bytes.at(i);
        if (m_afterCr) {
            m_afterCr = false;
            if (c == '\n') {
                ++i; // the LF of a CRLF whose CR ended the previous chunk
                continue;
            }
        }
        // Find the next end of line in bulk: most bytes are not one.
        qsizetype end = i;
        while (end < size && bytes.at(end) != '\r' && bytes.at(end) != '\n')
            ++end;
        m_line.append(bytes.constData() + i, end - i);
        if (m_line.size() > m_maxLineBytes) {
            m_overflowed = true;
            m_line.clear();
            return events;
        }
        if (end == size)
            break;
        if (bytes.at(end) == '\r') {
            if (end + 1 < size) {
                if (bytes.at(end + 1) == '\n')
                    ++end;
            } else {
                m_afterCr = true;
            }
        }
        processLine(m_line, events);
        m_line.clear();
        i = end + 1;
    }
    return events;
}

void SseParser::processLine(const QByteArray& line, QList<SseEvent>& events)
{
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.startsWith(':')) {
        ++m_comments;
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        processField(decode(line.constData(), line.size()), QString());
        return;
    }
    qsizetype valueStart = colon + 1;
    if (valueStart < line.size() && line.at(valueStart) == ' ')
        ++valueStart;
    processField(decode(line.constData(), colon), decode(line.constData() + valueStart, line.size() - valueStart));
}

void SseParser::processField(const QString& field, const QString& value)
{
    if (field == QLatin1String("event")) {
        m_eventType = value;
    } else if (field == QLatin1String("data")) {
        m_data += value;
        m_data += QLatin1Char('\n');
    } else if (field == QLatin1String("id")) {
        if (!value.contains(QChar(u'\0')))
            m_idBuffer = value;
    } else if (field == QLatin1String("retry")) {
        if (value.isEmpty())
            return;
        for (const QChar c : value) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return;
        }
        bool ok = false;
        const qint64 ms = value.toLongLong(&ok);
        if (ok) // digits beyond qint64 are not a time anyone means
            m_retryMs = ms;
    }
    // Any other field is ignored, as the standard says.
}

void SseParser::dispatch(QList<SseEvent>& events)
{
    // The last event id is "committed" here even when no event follows:
    // `id: 7` + blank line moves a reconnect's Last-Event-ID to 7.
    m_lastEventId = m_idBuffer;
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the final '\n'
    SseEvent event;
    event.type = m_eventType.isEmpty() ? QStringLiteral("message") : m_eventType;
    event.data = m_data;
    event.lastEventId = m_lastEventId;
    events.append(event);
    m_data.clear();
    m_eventType.clear();
}
