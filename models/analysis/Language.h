#pragma once

#include <QString>
#include <QStringView>
#include <optional>

// The languages the text analyser tells apart. Unknown is for messages with
// no words to judge (emoji only, numbers, empty).
enum class Language { Unknown, Italian, English };

namespace Languages {

// "it", "en", "und" (BCP 47's "undetermined"): the codes the store uses.
QString code(Language language);
std::optional<Language> fromCode(QStringView code);

} // namespace Languages
