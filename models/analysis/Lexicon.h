#pragma once

#include "LexiconEntry.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

// A hand-written table of words and phrases for one language (or for the
// emoji and emoticons every language shares), compiled into the library and
// parsed once. The source is lines of "kind [number]: item | item | ...";
// an item may hold one "{a,b,c}" group of endings ("soddisfatt{o,a,i,e}")
// and may be a phrase of several words. Keys are folded as TextTokenizer
// folds messages, so "perché", "perche" and "PERCHÉ" are one key.
class Lexicon
{
public:
    // Italian also reads superlatives ("gentilissimi") through their base word.
    Lexicon(const char* source, bool italianSuperlatives);

    static const Lexicon& italian();
    static const Lexicon& english();
    static const Lexicon& symbols();

    // The entry for a folded word or phrase; `intensity` (when given) is
    // set to how much a superlative form strengthens the base word's entry.
    const LexiconEntry* find(QStringView key, float* intensity = nullptr) const;
    int longestPhrase() const { return m_longestPhrase; }
    // Every one-word key: the word lists language profiles are built from.
    QStringList words() const;

private:
    void addLine(QStringView line, int lineNumber);
    void addItem(QStringView item, QStringView kind, float number, int lineNumber);

    QHash<QString, LexiconEntry> m_entries;
    int m_longestPhrase = 1;
    bool m_italianSuperlatives = false;
};
