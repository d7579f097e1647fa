#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class Database;

// Drops the named indexes for a bulk load and creates them again afterwards
// from the SQL SQLite kept for them. Rows that arrive in random key order
// (customers by name, interactions by customer) would otherwise dirty a new
// index page almost every insert; one sort at the end is several times
// faster. Reading the definitions back from sqlite_schema keeps them exactly
// as the migrations wrote them. If the load throws, the destructor still puts
// the indexes back so the store is never left without them.
class DeferredIndexes
{
public:
    DeferredIndexes(Database& db, const QStringList& names);
    ~DeferredIndexes();
    DeferredIndexes(const DeferredIndexes&) = delete;
    DeferredIndexes& operator=(const DeferredIndexes&) = delete;

    // Creates the indexes again; errors propagate (unlike in the destructor).
    void restore();

private:
    struct Index
    {
        QString name;
        QString sql;
    };
    Database& m_db;
    QList<Index> m_dropped;
};
