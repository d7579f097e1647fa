#pragma once

#include <QByteArray>
#include <QJsonObject>
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
    // How the command's local effect is reconciled (OutboxEffects); empty for none.
    QJsonObject local;
    // Waits for every older pending command, and every younger one waits for it.
    bool barrier = false;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    bool rejected = false;
    QString lastError;
};
