#include "BulkLoadSettings.h"

#include "store/Database.h"

#include <QString>

BulkLoadSettings::BulkLoadSettings(Database& db)
    : m_db(db)
    , m_cacheSize(db.scalar("PRAGMA cache_size"))
    , m_synchronous(db.scalar("PRAGMA synchronous"))
    , m_ignoreChecks(db.scalar("PRAGMA ignore_check_constraints"))
    , m_mmapSize(db.scalar("PRAGMA mmap_size"))
{
    m_db.exec("PRAGMA cache_size = -1048576");
    m_db.exec("PRAGMA mmap_size = 17179869184");
    m_db.exec("PRAGMA synchronous = OFF");
    m_db.exec("PRAGMA ignore_check_constraints = ON");
}

BulkLoadSettings::~BulkLoadSettings()
{
    try {
        m_db.exec(QStringLiteral("PRAGMA ignore_check_constraints = %1").arg(m_ignoreChecks));
        m_db.exec(QStringLiteral("PRAGMA synchronous = %1").arg(m_synchronous));
        m_db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
        m_db.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(m_mmapSize));
        // With synchronous back on, this checkpoint is the one that makes the load durable.
        m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
        // Only a connection that is already failing gets here; its error was reported first.
    }
}
