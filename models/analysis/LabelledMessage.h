#pragma once

#include "Intent.h"
#include "Language.h"
#include "Polarity.h"

#include <QString>
#include <QStringList>
#include <vector>

// One message of a hand-labelled evaluation set (tests/data/analysis-set.jsonl):
// the truth the analyser and its peers are scored against.
struct LabelledMessage
{
    QString id;
    Language language = Language::Unknown;
    Polarity polarity = Polarity::Neutral;
    Intent intent = Intent::Other;
    // What the message exercises: "negation", "sarcasm", "mixed", "emoji"...
    QStringList tags;
    QString text;

    // Reads a JSON-lines file, one object per line with id, lang (it, en,
    // und), sentiment (negative, neutral, positive), intent (complaint,
    // question, praise, other), text and optional tags. Throws
    // std::runtime_error naming the file and line of the first bad record.
    static std::vector<LabelledMessage> load(const QString& path);
};
