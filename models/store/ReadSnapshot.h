#pragma once

class Database;

// One read transaction around a burst of reads: every statement sees the
// same version of the store, and the file and WAL-index locks are taken once
// instead of per statement. A type-ahead keystroke runs up to ~200 small
// statements (names to sort, customers of the page); in autocommit each one
// locked and unlocked the file (4 fcntl calls and an fstat). Inside a
// transaction someone else opened, it does nothing.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_db;
    bool m_began = false;
};
