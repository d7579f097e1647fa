#pragma once

#include "LexiconEntry.h"
#include "TokenizedText.h"

#include <vector>

// What each lexicon says about one word token, looked up once per message
// and shared by language detection and unit matching (the lookups are most
// of the analyser's cost).
struct WordEntries
{
    const LexiconEntry* italian = nullptr;
    const LexiconEntry* english = nullptr;
    float italianIntensity = 1; // > 1 for an Italian superlative of a known word
    float englishIntensity = 1;

    // One entry per token of `text`; tokens that are not words get none.
    static void lookUp(const TokenizedText& text, std::vector<WordEntries>& entries);
};
