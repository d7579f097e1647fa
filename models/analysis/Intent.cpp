#include "Intent.h"

QString Intents::key(Intent intent)
{
    switch (intent) {
    case Intent::Complaint:
        return QStringLiteral("complaint");
    case Intent::Question:
        return QStringLiteral("question");
    case Intent::Praise:
        return QStringLiteral("praise");
    case Intent::Other:
        break;
    }
    return QStringLiteral("other");
}

std::optional<Intent> Intents::fromKey(QStringView key)
{
    if (key == u"complaint")
        return Intent::Complaint;
    if (key == u"question")
        return Intent::Question;
    if (key == u"praise")
        return Intent::Praise;
    if (key == u"other")
        return Intent::Other;
    return std::nullopt;
}
