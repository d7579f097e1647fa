#include "IdentityNormalizer.h"

#include <QRegularExpression>

IdentityNormalizer::IdentityNormalizer(PhoneNormalizer phones)
    : m_phones(std::move(phones))
{
}

std::optional<QString> IdentityNormalizer::normalize(IdentityKind kind, const QString& raw) const
{
    switch (kind) {
    case IdentityKind::Phone:
        return m_phones.toE164(raw);
    case IdentityKind::Email:
        return normalizeEmail(raw);
    case IdentityKind::Social:
        return normalizeHandle(raw);
    case IdentityKind::Crm:
    case IdentityKind::Chat: {
        const QString id = raw.trimmed();
        return id.isEmpty() ? std::nullopt : std::optional<QString>(id);
    }
    }
    return std::nullopt;
}

std::optional<QString> IdentityNormalizer::normalizeEmail(const QString& raw)
{
    // Deliberately loose: one @, something on both sides, a dot in the domain,
    // no spaces. Whether the mailbox exists is the mail server's business.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString email = raw.trimmed().toLower();
    if (!shape.match(email).hasMatch())
        return std::nullopt;
    return email;
}

std::optional<QString> IdentityNormalizer::normalizeHandle(const QString& raw)
{
    QString handle = raw.trimmed().toLower();
    if (handle.startsWith(QLatin1Char('@')))
        handle.remove(0, 1);
    static const QRegularExpression shape(QStringLiteral("^[\\w.\\-]{1,64}$"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    if (!shape.match(handle).hasMatch())
        return std::nullopt;
    return handle;
}
