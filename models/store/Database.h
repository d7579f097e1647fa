#pragma once

#include "Statement.h"

#include <QString>
#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;

// One SQLite connection. Not thread-safe by design: every thread that touches
// the store opens its own Database (DESIGN.md, "one connection per thread").
class Database
{
public:
    enum class Mode { ReadWrite, Create };

    Database(const QString& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    bool isReadOnly() const;

    // Runs one or more statements that return no rows.
    void exec(const char* sql);
    void exec(const QString& sql) { exec(sql.toUtf8().constData()); }
    // Prepared once per connection and reused: hot paths pay for parsing once.
    Statement& cached(const char* sql);
    qint64 scalar(const char* sql);
    qint64 lastInsertId() const;
    int changes() const;
    sqlite3* handle() const { return m_db; }

private:
    QString m_path;
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};
