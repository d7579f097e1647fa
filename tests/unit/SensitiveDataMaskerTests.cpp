// Card numbers and IBANs in what customers write are masked on display;
// everything else, phone and order numbers included, is left as written.
#include "text/SensitiveDataMasker.h"

#include <catch2/catch.hpp>

namespace {

std::string masked(const char* text)
{
    return SensitiveDataMasker::mask(QString::fromUtf8(text)).toStdString();
}

} // namespace

TEST_CASE("Luhn check accepts real test card numbers and rejects a changed digit", "[masking]")
{
    for (const char* valid : { "4111111111111111", "378282246310005", "4222222222222", "5555555555554444",
             "6011000990139424", "6011000990139424009", "2221000000000009" })
        CHECK(SensitiveDataMasker::luhnValid(QString::fromLatin1(valid)));
    for (const char* invalid : { "4111111111111112", "378282246310006", "", "41x1111111111111" })
        CHECK_FALSE(SensitiveDataMasker::luhnValid(QString::fromLatin1(invalid)));
}

TEST_CASE("IBAN check follows ISO 13616 mod 97 in any case", "[masking]")
{
    CHECK(SensitiveDataMasker::ibanValid(u"IT60X0542811101000000123456"));
    CHECK(SensitiveDataMasker::ibanValid(u"GB82WEST12345698765432"));
    CHECK(SensitiveDataMasker::ibanValid(u"gb82west12345698765432"));
    CHECK(SensitiveDataMasker::ibanValid(u"DE89370400440532013000"));
    CHECK_FALSE(SensitiveDataMasker::ibanValid(u"IT61X0542811101000000123456"));
    CHECK_FALSE(SensitiveDataMasker::ibanValid(u"IT60"));
    CHECK_FALSE(SensitiveDataMasker::ibanValid(u"1160X0542811101000000123456"));
}

TEST_CASE("Card numbers keep only their last four digits and their separators", "[masking]")
{
    CHECK(masked("4111 1111 1111 1111") == "•••• •••• •••• 1111");
    CHECK(masked("4111-1111-1111-1111") == "••••-••••-••••-1111");
    CHECK(masked("4111111111111111") == "••••••••••••1111");
    CHECK(masked("Amex 3782 822463 10005 thanks") == "Amex •••• •••••• •0005 thanks");
    CHECK(masked("13 digits: 4222222222222.") == "13 digits: •••••••••2222.");
    CHECK(masked("19 digits 6011000990139424009") == "19 digits •••••••••••••••4009");
    CHECK(masked("la mia carta è 5555 5555 5555 4444, scadenza 12/27")
        == "la mia carta è •••• •••• •••• 4444, scadenza 12/27");
    CHECK(masked("card=4111111111111111&cvv=123") == "card=••••••••••••1111&cvv=123");
}

TEST_CASE("A card followed by more digits is still found", "[masking]")
{
    CHECK(masked("4111 1111 1111 1111 12") == "•••• •••• •••• 1111 12");
    CHECK(masked("4111 1111 1111 1111 2025 ok") == "•••• •••• •••• 1111 2025 ok");
}

TEST_CASE("Numbers that are not cards stay readable", "[masking]")
{
    for (const char* text : { "4111 1111 1111 1112", // fails Luhn
             "411111111111", // 12 digits
             "41111111111111111111", // 20 digits in one run
             "+39 333 123 4567", "+44 20 7946 0958", "0039 333 1234567", "Order LN-482913",
             "tracking 1Z999AA10123456784", "Il codice è 12345, chiamate il 06 1234 5678",
             "ID 94111111111111111" }) // glued to a digit before it
        CHECK(masked(text) == text);
}

TEST_CASE("IBANs keep their country, check digits and last four characters", "[masking]")
{
    CHECK(masked("IBAN: IT60 X054 2811 1010 0000 0123 456 grazie")
        == "IBAN: IT60 •••• •••• •••• •••• •••3 456 grazie");
    CHECK(masked("gb82west12345698765432") == "gb82••••••••••••••5432");
    CHECK(masked("DE89 3704 0044 0532 0130 00") == "DE89 •••• •••• •••• ••30 00");
    CHECK(masked("IT61 X054 2811 1010 0000 0123 456") == "IT61 X054 2811 1010 0000 0123 456");
}

TEST_CASE("Text with both a card and an IBAN masks both and nothing else", "[masking]")
{
    CHECK(masked("Pay from IT60X0542811101000000123456 not card 4111 1111 1111 1111!")
        == "Pay from IT60•••••••••••••••••••3456 not card •••• •••• •••• 1111!");
    CHECK(masked("") == "");
    CHECK(masked("Nessun numero qui") == "Nessun numero qui");
}
