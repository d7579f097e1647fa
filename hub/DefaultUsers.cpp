#include "DefaultUsers.h"

QList<DefaultUser> DefaultUsers::all()
{
    return {
        { QStringLiteral("agent1"), QStringLiteral("agent1"), QStringLiteral("agent"),
            QStringLiteral("Agent One") },
        { QStringLiteral("agent2"), QStringLiteral("agent2"), QStringLiteral("agent"),
            QStringLiteral("Agent Two") },
        { QStringLiteral("supervisor"), QStringLiteral("supervisor"), QStringLiteral("supervisor"),
            QStringLiteral("Supervisor") },
        { QStringLiteral("admin"), QStringLiteral("admin"), QStringLiteral("admin"),
            QStringLiteral("Administrator") },
    };
}

QString DefaultUsers::helpText()
{
    QString text;
    for (const DefaultUser& user : all())
        text += QStringLiteral("  %1 / %2  (%3)\n").arg(user.login, user.password, user.role);
    return text;
}
