#pragma once

#include <QString>
#include <QStringView>

// Hides payment data that customers type into messages, posts and subjects
// before an agent's screen shows it (PCI DSS: a full card number is never
// displayed; IBANs are treated the same way). The stored text is unchanged:
// masking happens on display, so the audit trail and the backend keep what
// was written. Only numbers that pass their check (Luhn for cards, mod 97
// for IBANs) are masked, so order and tracking numbers stay readable.
class SensitiveDataMasker
{
public:
    // The mask character; separators and the last four characters stay.
    static constexpr char16_t kMaskChar = u'\u2022';

    // text with every card number and IBAN in it masked:
    // "4111 1111 1111 1111" -> "•••• •••• •••• 1111",
    // "IT60 X054 2811 1010 0000 0123 456" -> "IT60 •••• •••• •••• •••• •••3 456".
    static QString mask(const QString& text);

    // digits only; true when the Luhn checksum holds.
    static bool luhnValid(QStringView digits);
    // Letters and digits only, any case; true when the ISO 13616 mod-97 check holds.
    static bool ibanValid(QStringView compact);
};
