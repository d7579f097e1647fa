#pragma once

#include "Language.h"
#include "LexicalUnit.h"
#include "TokenizedText.h"
#include "WordEntries.h"

#include <vector>

// Matches a tokenized message against the lexicon of its language, longest
// phrase first ("per niente", "not bad at all"), falling back to the other
// language's lexicon for words the first does not know, so a mixed message
// ("il refund non è arrivato, very disappointed") is read in both. Marks the
// units a negator reaches: up to three words on, within the clause.
class UnitMatcher
{
public:
    // `primary` is Italian or English; `entries` come from WordEntries::lookUp.
    static void match(const TokenizedText& text, const std::vector<WordEntries>& entries, Language primary,
        std::vector<LexicalUnit>& units);
};
