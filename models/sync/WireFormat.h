#pragma once

#include <QList>
#include <QPair>
#include <QString>

// The names the change feed uses on the wire, shared by the hub that writes
// it and the desktop that applies it: one definition of the contract.
class WireFormat
{
public:
    // The feed's entity names and the tables they live in, parents first, so
    // a client replaying a baseline meets parents before children.
    static const QList<QPair<QString, QString>>& entityTables();
    // A column's key in an entity's JSON: "display_name" -> "displayName".
    static QString jsonKey(const QString& column);
};
