#include "EntityCatalog.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <QSet>
#include <stdexcept>

namespace {

struct TableName
{
    const char* entity;
    const char* table;
};

// In dependency order, so a client replaying a baseline meets parents first.
constexpr TableName kTables[] = {
    { "site", "sites" },
    { "queue", "queues" },
    { "agent", "agents" },
    { "customer", "customers" },
    { "identity", "identities" },
    { "interaction", "interactions" },
    { "message", "messages" },
    { "ticket", "tickets" },
    { "socialActivity", "social_activity" },
    { "knowledgeArticle", "knowledge_articles" },
    { "callback", "callbacks" },
};

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

QString EntityCatalog::jsonKey(const QString& column)
{
    QString key;
    bool upper = false;
    for (const QChar c : column) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        key += upper ? c.toUpper() : c;
        upper = false;
    }
    return key;
}

EntityCatalog::EntityCatalog(Database& db)
{
    for (const TableName& name : kTables) {
        // PRAGMA cannot take a bound table name; the names are our constants.
        const QByteArray sql
            = QByteArray("SELECT name FROM pragma_table_info('") + name.table + "') ORDER BY cid";
        Statement st(db.handle(), sql.constData());
        QStringList parts;
        while (st.step()) {
            const QString column = st.text(0);
            QString value = column;
            if (booleanColumns().contains(column))
                value = QStringLiteral("json(CASE WHEN %1 THEN 'true' ELSE 'false' END)").arg(column);
            else if (jsonColumns().contains(column))
                value = QStringLiteral("json(%1)").arg(column);
            parts << QStringLiteral("'%1', %2").arg(jsonKey(column), value);
        }
        if (parts.isEmpty())
            throw std::logic_error(std::string("the store has no table ") + name.table);
        m_entities.append({ QString::fromLatin1(name.entity), QString::fromLatin1(name.table),
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
