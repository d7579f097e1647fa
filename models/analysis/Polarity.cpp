#include "Polarity.h"

Polarity Polarities::of(double score)
{
    if (score <= -kThreshold)
        return Polarity::Negative;
    if (score >= kThreshold)
        return Polarity::Positive;
    return Polarity::Neutral;
}

QString Polarities::key(Polarity polarity)
{
    switch (polarity) {
    case Polarity::Negative:
        return QStringLiteral("negative");
    case Polarity::Positive:
        return QStringLiteral("positive");
    case Polarity::Neutral:
        break;
    }
    return QStringLiteral("neutral");
}

std::optional<Polarity> Polarities::fromKey(QStringView key)
{
    if (key == u"negative")
        return Polarity::Negative;
    if (key == u"neutral")
        return Polarity::Neutral;
    if (key == u"positive")
        return Polarity::Positive;
    return std::nullopt;
}
