#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

// A prepared SQLite statement. Binds are 1-based like SQLite's; step() returns
// true while a row is available. Errors throw StoreError with the SQL in it.
class Statement
{
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const char* utf8);
    // Not copied: the bytes must stay valid until the statement is reset
    // (run() resets it). For hot paths that already hold UTF-8.
    Statement& bindStatic(int index, std::string_view utf8);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    bool step();
    // Runs a statement that returns no rows and resets it for reuse.
    void run();
    // As run(), but a violated UNIQUE constraint is answered false (the
    // statement undone and reset) instead of thrown: for callers that have
    // another way to write the row.
    bool runUnlessUnique();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    // The column's UTF-8 bytes without a copy; valid until the next step() or reset().
    QByteArrayView utf8(int column) const;
    std::optional<qint64> optInt64(int column) const;
    std::optional<double> optReal(int column) const;

private:
    [[noreturn]] void fail(int rc) const;

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};
