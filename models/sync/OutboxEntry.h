#pragma once

#include <QByteArray>
#include <QString>

// One agent command waiting in the outbox, as the status bar and a
// "retry / discard" dialog show it.
struct OutboxEntry
{
    qint64 id = 0;
    QString idempotencyKey;
    QString entityKind;
    QString entityId;
    QString command;
    QByteArray method;
    QString path;
    QByteArray body; // exactly the bytes sent on every attempt
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    bool rejected = false;
    QString lastError;
};
