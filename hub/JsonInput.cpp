#include "JsonInput.h"

#include "ApiError.h"

#include <QJsonDocument>
#include <QJsonParseError>

QJsonObject JsonInput::object(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        throw ApiError(400, QStringLiteral("malformed_json"),
            QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                .arg(error.errorString())
                .arg(error.offset),
            QStringLiteral("body"));
    }
    if (!document.isObject())
        throw ApiError::badField(QStringLiteral("body"), QStringLiteral("The body must be a JSON object."));
    return document.object();
}

QString JsonInput::requiredString(const QJsonObject& object, const QString& field, int maxLength)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        throw ApiError::badField(field, QStringLiteral("\"%1\" is required.").arg(field));
    if (!value.isString())
        throw ApiError::badField(field, QStringLiteral("\"%1\" must be a string.").arg(field));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        throw ApiError::badField(field, QStringLiteral("\"%1\" must not be empty.").arg(field));
    if (text.size() > maxLength)
        throw ApiError::badField(
            field, QStringLiteral("\"%1\" is longer than %2 characters.").arg(field).arg(maxLength));
    return text;
}

QString JsonInput::optionalString(const QJsonObject& object, const QString& field, int maxLength)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        throw ApiError::badField(field, QStringLiteral("\"%1\" must be a string.").arg(field));
    const QString text = value.toString().trimmed();
    if (text.size() > maxLength)
        throw ApiError::badField(
            field, QStringLiteral("\"%1\" is longer than %2 characters.").arg(field).arg(maxLength));
    return text;
}

qint64 JsonInput::queryInteger(
    const QUrlQuery& query, const QString& name, qint64 fallback, qint64 minimum, qint64 maximum)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        throw ApiError::badField(name,
            QStringLiteral("\"%1\" must be a whole number from %2 to %3.")
                .arg(name)
                .arg(minimum)
                .arg(maximum));
    }
    return value;
}

std::optional<qint64> JsonInput::optionalInteger(
    const QJsonObject& object, const QString& field, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number)) || number < double(minimum)
        || number > double(maximum)) {
        throw ApiError::badField(field,
            QStringLiteral("\"%1\" must be a whole number from %2 to %3.").arg(field).arg(minimum).arg(maximum));
    }
    return qint64(number);
}

qint64 JsonInput::requiredInteger(const QJsonObject& object, const QString& field, qint64 minimum, qint64 maximum)
{
    const std::optional<qint64> value = optionalInteger(object, field, minimum, maximum);
    if (!value)
        throw ApiError::badField(field, QStringLiteral("\"%1\" is required.").arg(field));
    return *value;
}

QString JsonInput::oneOf(
    const QJsonObject& object, const QString& field, const QStringList& allowed, const QString& fallback)
{
    const QString value = optionalString(object, field, 100);
    if (value.isEmpty()) {
        if (fallback.isEmpty() && !allowed.isEmpty() && object.contains(field))
            throw ApiError::badField(field, QStringLiteral("\"%1\" must not be empty.").arg(field));
        return fallback;
    }
    if (!allowed.contains(value)) {
        throw ApiError::badField(
            field, QStringLiteral("\"%1\" must be one of %2.").arg(field, allowed.join(QStringLiteral(", "))));
    }
    return value;
}
