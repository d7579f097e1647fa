#pragma once

#include <QString>
#include <optional>

enum class IdentityKind { Phone, Email, Social, Crm, Chat };

const char* identityKindKey(IdentityKind kind);
std::optional<IdentityKind> identityKindFromKey(const QString& key);

// One way to recognise a customer: a phone number, an email address, a handle
// on a social network, an id in a CRM or a chat visitor id.
struct Identity
{
    qint64 id = 0;
    qint64 customerId = 0;
    IdentityKind kind = IdentityKind::Phone;
    QString network; // social network name; empty for other kinds
    QString value;   // normalised
    QString rawValue;
    QString source;  // the system it came from: "crm", "pbx", "webchat", ...
    bool verified = false;
    qint64 createdAt = 0;
};
