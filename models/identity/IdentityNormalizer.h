#pragma once

#include "PhoneNormalizer.h"
#include "domain/Identity.h"

#include <optional>

// Puts an identity into the one form the store keys on, so the same customer
// is found whichever system or agent wrote the value down.
class IdentityNormalizer
{
public:
    explicit IdentityNormalizer(PhoneNormalizer phones = PhoneNormalizer());

    const PhoneNormalizer& phones() const { return m_phones; }
    // The normalised value, or nullopt when the raw value is not valid for its kind.
    std::optional<QString> normalize(IdentityKind kind, const QString& raw) const;
    static std::optional<QString> normalizeEmail(const QString& raw);
    static std::optional<QString> normalizeHandle(const QString& raw);

private:
    PhoneNormalizer m_phones;
};
