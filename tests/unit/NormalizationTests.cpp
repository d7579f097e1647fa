#include "identity/IdentityNormalizer.h"
#include "identity/PhoneNormalizer.h"

#include <catch2/catch.hpp>

TEST_CASE("Italian numbers in any everyday format normalise to one E.164 form", "[normalization]")
{
    const PhoneNormalizer phones(QStringLiteral("IT"));
    const auto expected = QStringLiteral("+393331234567");
    for (const char* raw : { "+39 333 123 4567", "0039 333 1234567", "0039-333-123-4567", "333 1234567",
                             "  333.123.4567  ", "(+39) 333/1234567", "+393331234567", "00393331234567" }) {
        INFO(raw);
        CHECK(phones.toE164(QString::fromUtf8(raw)) == expected);
    }
}

TEST_CASE("Italian landlines keep their leading zero in E.164", "[normalization]")
{
    const PhoneNormalizer phones(QStringLiteral("IT"));
    CHECK(phones.toE164(QStringLiteral("06 1234 5678")) == QStringLiteral("+390612345678"));
    CHECK(phones.toE164(QStringLiteral("+39 02 8765 4321")) == QStringLiteral("+390287654321"));
    CHECK(phones.nationalDigits(QStringLiteral("+390612345678")) == QStringLiteral("0612345678"));
}

TEST_CASE("British numbers normalise from national and international formats", "[normalization]")
{
    const PhoneNormalizer fromItaly(QStringLiteral("IT"));
    CHECK(fromItaly.toE164(QStringLiteral("+44 7911 123456")) == QStringLiteral("+447911123456"));
    CHECK(fromItaly.toE164(QStringLiteral("0044 7911 123 456")) == QStringLiteral("+447911123456"));
    const PhoneNormalizer fromUk(QStringLiteral("GB"));
    CHECK(fromUk.toE164(QStringLiteral("07911 123456")) == QStringLiteral("+447911123456"));
    CHECK(fromUk.toE164(QStringLiteral("020 7946 0018")) == QStringLiteral("+442079460018"));
    CHECK(fromUk.nationalDigits(QStringLiteral("+447911123456")) == QStringLiteral("07911123456"));
}

TEST_CASE("The default region decides how a number without country code is read", "[normalization]")
{
    CHECK(PhoneNormalizer(QStringLiteral("GB")).toE164(QStringLiteral("07911 123456")) == QStringLiteral("+447911123456"));
    // The same digits dialled in Italy are a Sassari landline, not a British mobile.
    CHECK(PhoneNormalizer(QStringLiteral("IT")).toE164(QStringLiteral("07911 123456")) == QStringLiteral("+3907911123456"));
}

TEST_CASE("Text that is not a phone number is rejected, not guessed", "[normalization]")
{
    const PhoneNormalizer phones;
    for (const char* raw : { "", "   ", "hello", "12", "+39", "333 12", "+99 123 456 789", "0039 333 1234567 ext 99 99 99 99 99 99 99 99 99 99 99 99 99 99 99 99 99" }) {
        INFO(raw);
        CHECK_FALSE(phones.toE164(QString::fromUtf8(raw)).has_value());
    }
}

TEST_CASE("Regions are validated against libphonenumber's list", "[normalization]")
{
    CHECK(PhoneNormalizer::isValidRegion(QStringLiteral("it")));
    CHECK(PhoneNormalizer::isValidRegion(QStringLiteral("GB")));
    CHECK_FALSE(PhoneNormalizer::isValidRegion(QStringLiteral("XX")));
}

TEST_CASE("Emails are trimmed and lower-cased, and malformed ones are rejected", "[normalization]")
{
    CHECK(IdentityNormalizer::normalizeEmail(QStringLiteral("  Mario.Rossi@Example.IT ")) == QStringLiteral("mario.rossi@example.it"));
    CHECK_FALSE(IdentityNormalizer::normalizeEmail(QStringLiteral("mario.rossi")).has_value());
    CHECK_FALSE(IdentityNormalizer::normalizeEmail(QStringLiteral("mario@@example.it")).has_value());
    CHECK_FALSE(IdentityNormalizer::normalizeEmail(QStringLiteral("mario rossi@example.it")).has_value());
}

TEST_CASE("Social handles lose the @ and case", "[normalization]")
{
    CHECK(IdentityNormalizer::normalizeHandle(QStringLiteral("@Giulia_B88")) == QStringLiteral("giulia_b88"));
    CHECK_FALSE(IdentityNormalizer::normalizeHandle(QStringLiteral("two words")).has_value());
    CHECK_FALSE(IdentityNormalizer::normalizeHandle(QStringLiteral("@")).has_value());
}

TEST_CASE("Stored numbers are shown grouped the way people read them", "[normalization]")
{
    CHECK(PhoneNormalizer::formatInternational(QStringLiteral("+393331234567")) == QStringLiteral("+39 333 123 4567"));
    CHECK(PhoneNormalizer::formatInternational(QStringLiteral("+447911123456")) == QStringLiteral("+44 7911 123456"));
    CHECK(PhoneNormalizer::formatInternational(QStringLiteral("not a number")) == QStringLiteral("not a number"));
}
