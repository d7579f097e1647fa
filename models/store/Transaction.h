#pragma once

class Database;

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit()
// was called, so an exception never leaves half a write behind.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_db;
    bool m_open = true;
};
