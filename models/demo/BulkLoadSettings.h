#pragma once

class Database;

// Connection settings for a bulk load, put back as they were when it ends
// (also when it throws):
// - a page cache of up to 1 GB and reads through mmap, so that random inserts
//   into the UNIQUE identities index and the foreign-key lookups of a million
//   customers stay in memory instead of costing a read() each (pages are
//   only allocated as used: the small sizes stay small);
// - synchronous = OFF: no fsync at each WAL checkpoint. A crash mid-load can
//   then damage the file, which for freshly generated demo data means
//   generating it again; the final checkpoint after the load is synced.
// - ignore_check_constraints = ON: SQLite 3.40 evaluates a CHECK(x IN
//   ('a','b','c',...)) by building a temporary B-tree for every row written,
//   which made up 60% of the cost of an interaction insert. The caller must
//   verify the constraints afterwards (CheckConstraintAudit) so that nothing
//   invalid slips in unnoticed.
class BulkLoadSettings
{
public:
    explicit BulkLoadSettings(Database& db);
    ~BulkLoadSettings();
    BulkLoadSettings(const BulkLoadSettings&) = delete;
    BulkLoadSettings& operator=(const BulkLoadSettings&) = delete;

private:
    Database& m_db;
    long long m_cacheSize = 0;
    long long m_synchronous = 0;
    long long m_ignoreChecks = 0;
    long long m_mmapSize = 0;
};
