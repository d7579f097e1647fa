#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// One entry of the change feed: an upsert carrying the entity as stored, or
// a tombstone (payload empty) for a delete. seq orders every change the hub
// ever made; it is the feed cursor and the SSE event id.
struct ChangeRecord
{
    qint64 seq = 0;
    QString entity;
    qint64 entityId = 0;
    QString op; // "upsert" or "delete"
    QByteArray payload; // JSON object text; empty for a delete
    qint64 changedAt = 0;

    // {seq, entity, id, op, data, changedAt} as the feed and SSE send it.
    QJsonObject toJson() const;
};
