#include "PasswordHasher.h"

#include <QRandomGenerator>
#include <argon2.h>
#include <array>
#include <vector>

namespace {

// OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here,
// slow for an attacker with a stolen table, quick enough for a login.
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kLanes = 1;
constexpr uint32_t kHashBytes = 32;
constexpr uint32_t kSaltBytes = 16;

} // namespace

QString PasswordHasher::hash(const QString& password)
{
    std::array<quint32, kSaltBytes / 4> salt {};
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    const QByteArray utf8 = password.toUtf8();
    std::vector<char> encoded(
        argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id));
    const int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, utf8.constData(), size_t(utf8.size()),
        salt.data(), kSaltBytes, kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        qFatal("argon2id_hash_encoded failed: %s", argon2_error_message(rc));
    return QString::fromLatin1(encoded.data());
}

bool PasswordHasher::verify(const QString& encodedHash, const QString& password)
{
    const QByteArray encoded = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

void PasswordHasher::verifyDummy(const QString& password)
{
    static const QString dummy = hash(QStringLiteral("unisono-dummy-password"));
    verify(dummy, password);
}
