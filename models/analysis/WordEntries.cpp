#include "WordEntries.h"

#include "Lexicon.h"

void WordEntries::lookUp(const TokenizedText& text, std::vector<WordEntries>& entries)
{
    const Lexicon& italian = Lexicon::italian();
    const Lexicon& english = Lexicon::english();
    entries.assign(text.tokens.size(), WordEntries());
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        const TextToken& token = text.tokens[i];
        if (token.kind != TextToken::Kind::Word && token.kind != TextToken::Kind::Number)
            continue;
        const QStringView word = text.text(token);
        WordEntries& found = entries[i];
        found.italian = italian.find(word, &found.italianIntensity);
        found.english = english.find(word, &found.englishIntensity);
    }
}
