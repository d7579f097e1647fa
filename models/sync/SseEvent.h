#pragma once

#include <QString>

// One dispatched Server-Sent Event: its type ("message" unless the stream
// named one), its data lines joined with '\n', and the stream's last event id
// at the moment of dispatch (what a reconnect sends as Last-Event-ID).
struct SseEvent
{
    QString type;
    QString data;
    QString lastEventId;
};
