#include "EntityCatalog.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "sync/WireFormat.h"

#include <QSet>
#include <stdexcept>

namespace {

// Integer columns that mean yes/no; SQLite has no boolean type.
const QSet<QString>& booleanColumns()
{
    static const QSet<QString> columns { QStringLiteral("vip"), QStringLiteral("consent_marketing"),
        QStringLiteral("consent_recording"), QStringLiteral("consent_profiling"),
        QStringLiteral("verified") };
    return columns;
}

const QSet<QString>& jsonColumns()
{
    static const QSet<QString> columns { QStringLiteral("crm_fields") };
    return columns;
}

} // namespace

EntityCatalog::EntityCatalog(Database& db)
{
    for (const auto& [entityName, table] : WireFormat::entityTables()) {
        // PRAGMA cannot take a bound table name; the names are our constants.
        const QByteArray sql
            = QByteArray("SELECT name FROM pragma_table_info('") + table.toLatin1() + "') ORDER BY cid";
        Statement st(db.handle(), sql.constData());
        QStringList parts;
        while (st.step()) {
            const QString column = st.text(0);
            QString value = column;
            if (booleanColumns().contains(column))
                value = QStringLiteral("json(CASE WHEN %1 THEN 'true' ELSE 'false' END)").arg(column);
            else if (jsonColumns().contains(column))
                value = QStringLiteral("json(%1)").arg(column);
            parts << QStringLiteral("'%1', %2").arg(WireFormat::jsonKey(column), value);
        }
        if (parts.isEmpty())
            throw std::logic_error("the store has no table " + table.toStdString());
        m_entities.append({ entityName, table,
            QStringLiteral("json_object(%1)").arg(parts.join(QStringLiteral(", "))).toUtf8() });
    }
}

const EntityCatalog::Entity& EntityCatalog::byName(const QString& name) const
{
    for (const Entity& entity : m_entities) {
        if (entity.name == name)
            return entity;
    }
    throw std::logic_error("unknown entity " + name.toStdString());
}
