#pragma once

#include <QString>
#include <QStringView>
#include <optional>

// A sentiment score in [-1, 1] read as three classes, the way the
// evaluation set labels messages and the interaction list colours them.
enum class Polarity { Negative, Neutral, Positive };

namespace Polarities {

// Scores at or beyond ±kThreshold are polar. The same ±0.25 the interaction
// list uses to word sentiment, so the label an agent sees and the class the
// bench scores are one.
inline constexpr double kThreshold = 0.25;

Polarity of(double score);
QString key(Polarity polarity);
std::optional<Polarity> fromKey(QStringView key);

} // namespace Polarities
