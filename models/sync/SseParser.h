#pragma once

#include "SseEvent.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

// The WHATWG "event stream interpretation" as a pure function of the bytes
// fed to it: no I/O, so every rule is unit-tested with byte vectors and the
// transport may hand over chunks cut anywhere (inside a UTF-8 sequence,
// between a CR and its LF). Lines are decoded as UTF-8 one at a time; CR and
// LF never occur inside a multi-byte sequence, so that is exact.
class SseParser
{
public:
    // A line longer than this (no end of line in sight) means a broken or
    // hostile stream: the parser stops and reports overflow instead of
    // growing without bound.
    explicit SseParser(qsizetype maxLineBytes = 16 * 1024 * 1024);

    // Returns the events completed by these bytes, in order.
    QList<SseEvent> feed(const QByteArray& bytes);
    // Forgets a partial event and line (a new connection); keeps the last
    // event id and the retry time, which outlive connections.
    void restartStream();

    // The id a reconnect sends as Last-Event-ID: set when an event is
    // dispatched (even one without data), not when the `id:` line arrives,
    // so a connection cut mid-event resumes before that event.
    const QString& lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QString& id)
    {
        m_lastEventId = id;
        m_idBuffer = id;
    }
    // The reconnection time the server asked for with `retry:`, if any.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    bool overflowed() const { return m_overflowed; }
    // Comment lines seen (heartbeats): lets a watchdog count them.
    qint64 commentCount() const { return m_comments; }

private:
    void processLine(const QByteArray& line, QList<SseEvent>& events);
    void processField(const QString& field, const QString& value);
    void dispatch(QList<SseEvent>& events);

    qsizetype m_maxLineBytes;
    QByteArray m_line;
    bool m_bomChecked = false;
    bool m_afterCr = false;
    bool m_overflowed = false;
    QString m_data;
    QString m_eventType;
    QString m_idBuffer;
    QString m_lastEventId;
    std::optional<qint64> m_retryMs;
    qint64 m_comments = 0;
};
