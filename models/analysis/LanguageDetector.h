#pragma once

#include "LanguageGuess.h"
#include "TokenizedText.h"
#include "WordEntries.h"

#include <QHash>
#include <array>

// Tells Italian from English. Each word votes: a word that only one
// language's lexicon knows (stop words, trade vocabulary, opinion words)
// casts a full vote; any other word casts a partial vote from character
// trigram profiles built from those same hand-written word lists, so
// unseen words ("ricaricato", "dispatched") still lean the right way.
// Messages without words are Unknown; words with no evidence either way
// get the fallback language with a coin-toss confidence.
class LanguageDetector
{
public:
    explicit LanguageDetector(Language fallback = Language::Italian);

    LanguageGuess detect(const TokenizedText& text, const std::vector<WordEntries>& entries) const;
    Language fallback() const { return m_fallback; }

private:
    struct Profile
    {
        QHash<quint64, float> logProbability;
        float unseen = 0;
    };
    static Profile buildProfile(const QStringList& words);
    // log P(word | Italian) - log P(word | English), per trigram.
    double trigramLean(QStringView word) const;

    Language m_fallback;
    std::array<Profile, 2> m_profiles; // Italian, English
};
