#include "UnitMatcher.h"

#include "Lexicon.h"

#include <algorithm>

namespace {

// The longest phrase of `lexicon` starting at token `first`, or 0.
std::size_t phraseAt(const TokenizedText& text, std::size_t first, const LexiconEntry* start,
    const Lexicon& lexicon, const LexiconEntry*& entry)
{
    if (!start || !start->has(LexiconEntry::PhraseStart))
        return 0;
    std::size_t last = first;
    const std::size_t limit = std::min(text.tokens.size(), first + std::size_t(lexicon.longestPhrase()));
    while (last + 1 < limit && text.tokens[last + 1].kind != TextToken::Kind::Punctuation)
        ++last;
    // "still," is a phrase whose last token is a comma: let one mark in.
    if (last + 1 < limit && last + 1 < text.tokens.size())
        ++last;
    for (; last > first; --last) {
        if (const LexiconEntry* found = lexicon.find(text.span(first, last))) {
            if (!found->onlyPhraseStart()) {
                entry = found;
                return last - first + 1;
            }
        }
    }
    return 0;
}

constexpr std::size_t kNegatorReach = 3;

// Italian doubles its negatives ("non è mai arrivato", "non risponde
// nessuno"): a phrase that opens with a negator is not flipped by another.
void markNegated(const std::vector<WordEntries>& entries, bool english, std::vector<LexicalUnit>& units)
{
    for (std::size_t k = 0; k < units.size(); ++k) {
        LexicalUnit& unit = units[k];
        if (!unit.entry || unit.punctuation)
            continue;
        if (unit.lastToken > unit.firstToken) {
            const WordEntries& words = entries[unit.firstToken];
            const LexiconEntry* first = english ? words.english : words.italian;
            if (first && first->has(LexiconEntry::Negator))
                continue;
        }
        for (std::size_t d = 1; d <= kNegatorReach && d <= k; ++d) {
            const LexicalUnit& before = units[k - d];
            if (before.endsClause() || before.has(LexiconEntry::Contrast))
                break;
            if (before.has(LexiconEntry::Negator)) {
                unit.negated = true;
                break;
            }
        }
    }
}

} // namespace

void UnitMatcher::match(const TokenizedText& text, const std::vector<WordEntries>& entries, Language language,
    std::vector<LexicalUnit>& units)
{
    units.clear();
    const bool english = language == Language::English;
    const Lexicon& primary = english ? Lexicon::english() : Lexicon::italian();
    const Lexicon& secondary = english ? Lexicon::italian() : Lexicon::english();
    const Lexicon& symbols = Lexicon::symbols();
    const std::size_t count = text.tokens.size();
    for (std::size_t i = 0; i < count;) {
        const TextToken& token = text.tokens[i];
        LexicalUnit unit;
        unit.firstToken = unit.lastToken = i;
        unit.shouted = token.shouted;
        switch (token.kind) {
        case TextToken::Kind::Punctuation:
            unit.punctuation = true;
            unit.mark = token.mark;
            break;
        case TextToken::Kind::Symbol:
            unit.entry = symbols.find(text.text(token));
            break;
        case TextToken::Kind::Number:
        case TextToken::Kind::Word: {
            unit.word = token.kind == TextToken::Kind::Word;
            const WordEntries& words = entries[i];
            const LexiconEntry* primaryEntry = english ? words.english : words.italian;
            const LexiconEntry* secondaryEntry = english ? words.italian : words.english;
            const LexiconEntry* phrase = nullptr;
            std::size_t length = phraseAt(text, i, primaryEntry, primary, phrase);
            if (length == 0)
                length = phraseAt(text, i, secondaryEntry, secondary, phrase);
            if (length > 0) {
                unit.entry = phrase;
                unit.word = true;
                unit.lastToken = i + length - 1;
                for (std::size_t k = i; k <= unit.lastToken; ++k)
                    unit.shouted = unit.shouted || text.tokens[k].shouted;
                break;
            }
            unit.entry = primaryEntry;
            unit.intensity = english ? words.englishIntensity : words.italianIntensity;
            if (!unit.entry || unit.entry->onlyPhraseStart()) {
                unit.entry = secondaryEntry;
                unit.intensity = english ? words.italianIntensity : words.englishIntensity;
            }
            if (unit.entry && unit.entry->onlyPhraseStart())
                unit.entry = nullptr;
            break;
        }
        }
        i = unit.lastToken + 1;
        units.push_back(unit);
    }
    markNegated(entries, english, units);
}
