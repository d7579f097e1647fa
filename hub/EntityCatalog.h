#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class Database;

// The entities the change feed carries, each a domain table of the store,
// and how one row becomes JSON: every column under its camelCase name,
// booleans as true/false and JSON columns as objects. The JSON is built by
// SQLite (json_object) from the live schema, so a column added by a store
// migration reaches clients without touching the hub. One serialiser serves
// the feed, the SSE stream and the read endpoints, so they always agree.
class EntityCatalog
{
public:
    struct Entity
    {
        QString name; // in the feed: "customer", "socialActivity"...
        QString table; // "customers", "social_activity"...
        QByteArray jsonColumns; // SQL expression of one row as a JSON object text
    };

    explicit EntityCatalog(Database& db);

    const QList<Entity>& all() const { return m_entities; }
    const Entity& byName(const QString& name) const;

private:
    QList<Entity> m_entities;
};
