#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

// Reads what a client sent (JSON bodies, query parameters) and turns every
// mistake into an ApiError 400 that names the field, so handlers only ever
// see well-typed values.
class JsonInput
{
public:
    // The body as a JSON object; 400 "body" when it is not one.
    static QJsonObject object(const QByteArray& body);
    static QString requiredString(const QJsonObject& object, const QString& field, int maxLength);
    static QString optionalString(const QJsonObject& object, const QString& field, int maxLength);
    // A whole number in [minimum, maximum]; nullopt when absent or null.
    static std::optional<qint64> optionalInteger(
        const QJsonObject& object, const QString& field, qint64 minimum, qint64 maximum);
    static qint64 requiredInteger(const QJsonObject& object, const QString& field, qint64 minimum, qint64 maximum);
    // A string that must be one of `allowed`; fallback when absent.
    static QString oneOf(const QJsonObject& object, const QString& field, const QStringList& allowed,
        const QString& fallback = QString());
    // An integer query parameter within [minimum, maximum]; fallback when absent.
    static qint64 queryInteger(
        const QUrlQuery& query, const QString& name, qint64 fallback, qint64 minimum, qint64 maximum);
};
