#include "Database.h"

#include "StoreError.h"

#include <sqlite3.h>

Database::Database(const QString& path, Mode mode)
    : m_path(path)
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::Create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError(QStringLiteral("Cannot open the database %1: %2.").arg(path, why));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another connection (the sync worker) may hold the write lock briefly.
    sqlite3_busy_timeout(m_db, 5000);
}

Database::~Database()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    sqlite3_close(m_db);
}

bool Database::isReadOnly() const { return sqlite3_db_readonly(m_db, "main") == 1; }

void Database::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString why = QString::fromUtf8(error ? error : sqlite3_errstr(rc));
        sqlite3_free(error);
        throw StoreError(QStringLiteral("SQLite error %1 (%2) in: %3")
                             .arg(rc)
                             .arg(why, QString::fromUtf8(sql).simplified().left(200)));
    }
}

Statement& Database::cached(const char* sql)
{
    auto& slot = m_cache[sql];
    if (!slot)
        slot = std::make_unique<Statement>(m_db, sql);
    else
        slot->reset();
    return *slot;
}

qint64 Database::scalar(const char* sql)
{
    Statement& st = cached(sql);
    const qint64 value = st.step() ? st.int64(0) : 0;
    st.reset();
    return value;
}

qint64 Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }
