#pragma once

#include <QJsonObject>
#include <QString>
#include <stdexcept>

// A request the hub refuses, as the client will read it: HTTP status plus
// {"error": {"code", "message", "field"}}. Handlers and storage throw it; the
// server turns it into the response, so no path can forget the JSON shape.
class ApiError : public std::runtime_error
{
public:
    ApiError(int status, QString code, QString message, QString field = QString())
        : std::runtime_error(message.toStdString())
        , m_status(status)
        , m_code(std::move(code))
        , m_message(std::move(message))
        , m_field(std::move(field))
    { }

    int status() const { return m_status; }
    const QString& code() const { return m_code; }
    const QString& message() const { return m_message; }
    const QString& field() const { return m_field; }

    QJsonObject toJson() const
    {
        QJsonObject error { { QStringLiteral("code"), m_code }, { QStringLiteral("message"), m_message } };
        if (!m_field.isEmpty())
            error.insert(QStringLiteral("field"), m_field);
        return QJsonObject { { QStringLiteral("error"), error } };
    }

    static ApiError badField(const QString& field, const QString& message)
    {
        return ApiError(400, QStringLiteral("invalid_field"), message, field);
    }
    static ApiError notFound(const QString& what)
    {
        return ApiError(404, QStringLiteral("not_found"), what + QStringLiteral(" does not exist."));
    }

private:
    int m_status;
    QString m_code;
    QString m_message;
    QString m_field;
};
