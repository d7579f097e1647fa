#pragma once

#include <QSet>
#include <QString>

// What applying one page of the change feed did: either everything (ok, the
// store's cursor is now `cursor`) or nothing (error says why). The id sets
// tell item models what to refresh.
struct ChangeBatchResult
{
    bool ok = false;
    QString error;
    qint64 cursor = 0;
    bool more = false;
    int applied = 0;
    // Replays of a version the store already has (or newer), and entities
    // this build does not know: harmless, counted for the log.
    int skipped = 0;
    QSet<qint64> customerIds;
    QSet<qint64> interactionIds;
};
