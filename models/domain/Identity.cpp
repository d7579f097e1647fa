#include "Identity.h"

const char* identityKindKey(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::Phone: return "phone";
    case IdentityKind::Email: return "email";
    case IdentityKind::Social: return "social";
    case IdentityKind::Crm: return "crm";
    case IdentityKind::Chat: return "chat";
    }
    return "phone";
}

std::optional<IdentityKind> identityKindFromKey(const QString& key)
{
    for (const IdentityKind kind :
         { IdentityKind::Phone, IdentityKind::Email, IdentityKind::Social, IdentityKind::Crm, IdentityKind::Chat })
        if (key == QLatin1String(identityKindKey(kind)))
            return kind;
    return std::nullopt;
}
