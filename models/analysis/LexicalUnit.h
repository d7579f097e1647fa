#pragma once

#include "LexiconEntry.h"

#include <cstddef>

// A token or a phrase of tokens matched against the lexicons: what the
// sentiment and intent rules walk over. Punctuation units mark clause ends.
struct LexicalUnit
{
    const LexiconEntry* entry = nullptr; // null: a word no lexicon knows
    float intensity = 1; // 1.4 for an Italian superlative of a known word
    bool shouted = false;
    bool punctuation = false;
    char16_t mark = 0; // the punctuation character
    std::size_t firstToken = 0;
    std::size_t lastToken = 0;
    bool word = false; // a word or phrase (not an emoji, number or mark)
    // A negator reaches it ("non ... funziona"); a phrase that starts with a
    // negator ("mai arrivato") is negative already and is never flipped again.
    bool negated = false;

    float valence() const { return entry ? entry->valence * intensity : 0.f; }
    bool has(LexiconEntry::Flag flag) const { return entry && entry->has(flag); }
    // Commas, full stops, question and exclamation marks end the reach of a negator or booster.
    bool endsClause() const { return punctuation; }
    bool endsSentence() const { return punctuation && mark != u',' && mark != u';' && mark != u':'; }
};
