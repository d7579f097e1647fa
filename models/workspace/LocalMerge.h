#pragma once

#include <QJsonObject>
#include <QList>
#include <optional>

class Database;

// A customer merge as the desk does it before the backend has answered:
// the merged customer's identities, interactions, tickets, social activity
// and callbacks move to the survivor, the survivor takes the duplicate's
// value of each field chosen so (MergeFields) and the merged row goes, as on
// the hub. The survivor's row before the merge is kept so undo gives those
// fields back.
// The record of what moved (and the merged row itself) is kept in
// sync_state under "merge:<mergedId>" so the merge can be undone locally —
// by the agent, or because the backend refused it — and so its undo command
// can name the merge id the backend gave it. All of it runs inside the
// caller's transaction.
class LocalMerge
{
public:
    // Merges and returns the record (survivorId, mergedId, row, survivorRow,
    // fields: every field's side, moved, mergedAt). `fields` names the sides
    // the agent chose ({"city": "merged"}); the others follow MergeFields::proposed.
    static QJsonObject merge(Database& db, qint64 survivorId, qint64 mergedId, const QJsonObject& fields = {});
    // Puts the merged customer and what is still with the survivor back.
    static void undo(Database& db, const QJsonObject& record);
    // Moves them to the survivor again (a refused undo).
    static void redo(Database& db, const QJsonObject& record);

    static std::optional<QJsonObject> record(Database& db, qint64 mergedId);
    // This desk's merges into the survivor it can still undo (on record, no
    // undo queued), newest first.
    static QList<QJsonObject> recordsInto(Database& db, qint64 survivorId);
    static void saveRecord(Database& db, const QJsonObject& record);
    static void dropRecord(Database& db, qint64 mergedId);
};
