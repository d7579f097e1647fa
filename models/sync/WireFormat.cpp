#include "WireFormat.h"

const QList<QPair<QString, QString>>& WireFormat::entityTables()
{
    static const QList<QPair<QString, QString>> tables {
        { QStringLiteral("site"), QStringLiteral("sites") },
        { QStringLiteral("queue"), QStringLiteral("queues") },
        { QStringLiteral("agent"), QStringLiteral("agents") },
        { QStringLiteral("customer"), QStringLiteral("customers") },
        { QStringLiteral("identity"), QStringLiteral("identities") },
        { QStringLiteral("interaction"), QStringLiteral("interactions") },
        { QStringLiteral("message"), QStringLiteral("messages") },
        { QStringLiteral("ticket"), QStringLiteral("tickets") },
        { QStringLiteral("socialActivity"), QStringLiteral("social_activity") },
        { QStringLiteral("knowledgeArticle"), QStringLiteral("knowledge_articles") },
        { QStringLiteral("callback"), QStringLiteral("callbacks") },
    };
    return tables;
}

QString WireFormat::jsonKey(const QString& column)
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
