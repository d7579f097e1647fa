#pragma once

#include "sync/OutboxEffects.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// How AgentActions' local effects meet the backend's answer, as the outbox
// settles each command (OutboxEffects). A command's "local" block says what
// its effect wrote:
//   "created": {"table", "id"}  a row made here with a temporary negative id;
//              on acknowledgement it takes the id the backend answered (or
//              gives way to the backend's row if that came first), and the
//              commands queued behind it for that row are re-addressed; on
//              discard it goes, with them.
//   "updated": [{"table", "id", "version", "before": {column: value}}]
//              rows changed in place; on discard each goes back to "before"
//              unless the backend has written a newer version since.
//   "merge":   the merged customer's id; LocalMerge's record restores or
//              repeats the merge on discard.
// Rows the backend sends for a reply, a note or an identity made here
// replace the temporary row as they arrive (temporary triggers on the sync
// connection), so nothing shows twice whichever comes first, the event or
// the answer.
class LocalEffects : public OutboxEffects
{
public:
    void attach(Database& db) const override;
    void delivered(Database& db, const OutboxEntry& entry, const QByteArray& response) const override;
    void discarded(Database& db, const OutboxEntry& entry) const override;

    // For AgentActions, which writes the blocks read here.
    // The next temporary id in table: negative, below any used.
    static qint64 provisionalId(Database& db, const QString& table);
    static QJsonObject created(const QString& table, qint64 id);
    // The "updated" item for a row about to change: its version and these columns as they are.
    static QJsonObject capture(Database& db, const QString& table, qint64 id, const QStringList& columns);

private:
    static void adopt(
        Database& db, const OutboxEntry& entry, const QString& table, qint64 provisional, qint64 id);
    static void restore(Database& db, const QJsonObject& updated);
    static bool isLocalTable(const QString& table);
};
