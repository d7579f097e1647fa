#pragma once

#include <QByteArray>
#include <QString>

// Argon2id password hashes through libargon2 (the reference implementation,
// maintained in Debian), in the PHC string format so parameters and salt
// travel with the hash and can be raised later without breaking old ones.
class PasswordHasher
{
public:
    static QString hash(const QString& password);
    static bool verify(const QString& encodedHash, const QString& password);
    // Burns the same time as a real verify: used for unknown logins so the
    // answer time does not tell which logins exist.
    static void verifyDummy(const QString& password);
};
