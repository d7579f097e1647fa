#include "PhoneNormalizer.h"

#include <phonenumbers/phonenumberutil.h>
#include <set>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNormalizer::PhoneNormalizer(QString defaultRegion)
    : m_region(defaultRegion.toUpper())
{
}

std::optional<QString> PhoneNormalizer::toE164(const QString& raw) const
{
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::nullopt;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(trimmed.toStdString(), m_region.toStdString(), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    if (!util->IsValidNumber(number))
        return std::nullopt;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

QString PhoneNormalizer::nationalDigits(const QString& e164) const
{
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    std::string national;
    util->Format(number, PhoneNumberUtil::NATIONAL, &national);
    QString digits;
    for (const QChar c : QString::fromStdString(national))
        if (c.isDigit())
            digits.append(c);
    return digits;
}

QString PhoneNormalizer::formatInternational(const QString& e164)
{
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

bool PhoneNormalizer::isValidRegion(const QString& region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toUpper().toStdString()) > 0;
}
