#include "DeferredIndexes.h"

#include "store/Database.h"

DeferredIndexes::DeferredIndexes(Database& db, const QStringList& names)
    : m_db(db)
{
    Statement& find
        = m_db.cached("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ? AND sql IS NOT NULL");
    for (const QString& name : names) {
        find.bind(1, name);
        // A missing index (renamed by a later migration) is simply not deferred.
        if (find.step())
            m_dropped.append(Index { name, find.text(0) });
        find.reset();
    }
    for (const Index& index : m_dropped)
        m_db.exec(QStringLiteral("DROP INDEX %1").arg(index.name));
}

DeferredIndexes::~DeferredIndexes()
{
    try {
        restore();
    } catch (...) {
        // Already unwinding from the load's own error, which is the one to report.
    }
}

void DeferredIndexes::restore()
{
    while (!m_dropped.isEmpty()) {
        m_db.exec(m_dropped.first().sql);
        m_dropped.removeFirst();
    }
}
