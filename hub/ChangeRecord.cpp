#include "ChangeRecord.h"

#include <QJsonDocument>
#include <QJsonValue>

QJsonObject ChangeRecord::toJson() const
{
    return QJsonObject {
        { QStringLiteral("seq"), seq },
        { QStringLiteral("entity"), entity },
        { QStringLiteral("id"), entityId },
        { QStringLiteral("op"), op },
        { QStringLiteral("data"),
            payload.isEmpty() ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QJsonDocument::fromJson(payload).object()) },
        { QStringLiteral("changedAt"), changedAt },
    };
}
