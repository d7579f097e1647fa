#include "SupervisorSource.h"

QString SupervisorReply::describe() const
{
    if (!error.isEmpty())
        return error;
    const QString message
        = json.object().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                             : QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}
