#include "ReadSnapshot.h"

#include "Database.h"

#include <sqlite3.h>

ReadSnapshot::ReadSnapshot(Database& db)
    : m_db(db)
{
    if (sqlite3_get_autocommit(m_db.handle())) {
        m_db.exec("BEGIN");
        m_began = true;
    }
}

ReadSnapshot::~ReadSnapshot()
{
    // Ending a read transaction cannot fail in a way worth reporting; an
    // interrupted statement may already have ended it.
    if (m_began && !sqlite3_get_autocommit(m_db.handle()))
        sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr);
}
