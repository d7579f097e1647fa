#pragma once

#include "TextToken.h"

#include <QString>
#include <QStringView>
#include <vector>

// A message cut into tokens. `folded` holds every token, lower-cased and
// without accents, separated by one space, so that consecutive tokens form a
// phrase key as one contiguous view, without copying.
struct TokenizedText
{
    QString folded;
    std::vector<TextToken> tokens;
    int exclamations = 0;
    int questionMarks = 0;
    int letterTokens = 0;

    QStringView text(const TextToken& token) const
    {
        return QStringView(folded).mid(token.start, token.length);
    }
    // Tokens first..last (inclusive) as they appear in `folded`.
    QStringView span(std::size_t first, std::size_t last) const
    {
        const TextToken& a = tokens[first];
        const TextToken& b = tokens[last];
        return QStringView(folded).mid(a.start, b.start + b.length - a.start);
    }
    void clear()
    {
        folded.clear();
        tokens.clear();
        exclamations = questionMarks = letterTokens = 0;
    }
};
