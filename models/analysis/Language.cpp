#include "Language.h"

QString Languages::code(Language language)
{
    switch (language) {
    case Language::Italian:
        return QStringLiteral("it");
    case Language::English:
        return QStringLiteral("en");
    case Language::Unknown:
        break;
    }
    return QStringLiteral("und");
}

std::optional<Language> Languages::fromCode(QStringView code)
{
    if (code == u"it")
        return Language::Italian;
    if (code == u"en")
        return Language::English;
    if (code == u"und")
        return Language::Unknown;
    return std::nullopt;
}
