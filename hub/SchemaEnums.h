#pragma once

#include <QStringList>

class Database;

// The values a column accepts, read from its CHECK(column = 'a' OR column =
// 'b' ...) (or CHECK(column IN (...))) in the schema SQLite keeps. Commands validate enums against this rather than a
// copy in C++, so a migration that adds a ticket status or a callback state
// is accepted by the API without a second edit, and a 400 lists exactly the
// values the database would take.
class SchemaEnums
{
public:
    // Empty when the column has no such CHECK (then nothing is refused here).
    static QStringList allowed(Database& db, const char* table, const QString& column);
};
