#pragma once

#include <QtGlobal>

// What the lexicons know about one word, phrase, emoji or emoticon: its
// valence (about -3..3), how much it strengthens (or, below zero, weakens)
// the next opinion word, how much it points to a complaint, and its roles.
struct LexiconEntry
{
    enum Flag : quint16 {
        Negator = 1 << 0, // flips the opinion words that follow ("non", "not", "never")
        Contrast = 1 << 1, // the clause after it counts more ("ma", "but")
        Interrogative = 1 << 2, // opens a question ("come", "how", "can")
        Request = 1 << 3, // asks without a question mark ("vorrei sapere", "just wondering")
        Praise = 1 << 4, // praises service or people ("complimenti", "kudos")
        Courtesy = 1 << 5, // politeness that is not praise ("grazie", "ok", "have a nice day")
        Sarcasm = 1 << 6, // marks irony ("yeah right", "che sorpresa", eye-roll emoji)
        PhraseStart = 1 << 7, // some phrase starts with this word
        Rhetorical = 1 << 8, // a question that expects no answer ("what more could I ask for")
        Vocabulary = 1 << 9, // a word of the language, evidence for language detection
    };

    float valence = 0;
    float boost = 0;
    float complaint = 0;
    quint16 flags = 0;

    bool has(Flag flag) const { return (flags & flag) != 0; }
    // True when the entry only exists because a phrase starts with the word.
    bool onlyPhraseStart() const
    {
        return flags == PhraseStart && valence == 0 && boost == 0 && complaint == 0;
    }
};
