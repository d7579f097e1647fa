#pragma once

#include <QString>
#include <optional>

// Phone numbers to E.164 through libphonenumber (never by hand: numbering plans
// change and Italy keeps its trunk 0 on landlines while the UK drops it).
// Numbers written without a country code are read in the default region.
class PhoneNormalizer
{
public:
    explicit PhoneNormalizer(QString defaultRegion = QStringLiteral("IT"));

    const QString& defaultRegion() const { return m_region; }
    // "+39 333 123 4567", "0039-333-1234567", "333 1234567" -> "+393331234567";
    // nullopt when the text is not a valid number.
    std::optional<QString> toE164(const QString& raw) const;
    // Digits an agent would dial inside the number's own country
    // ("+447911123456" -> "07911123456", "+39061234567" -> "061234567").
    QString nationalDigits(const QString& e164) const;
    // How people read a stored number: "+39 333 123 4567", "+44 7911 123456".
    static QString formatInternational(const QString& e164);

    static bool isValidRegion(const QString& region);

private:
    QString m_region;
};
