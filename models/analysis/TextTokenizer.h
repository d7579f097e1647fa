#pragma once

#include "TokenizedText.h"

#include <QStringView>

// Cuts customer messages into the tokens the language, sentiment and intent
// rules read: words (Italian elisions such as "l'addebito" split, English
// contractions such as "don't" kept whole), emoji (one token per pictograph,
// variation selectors, joiners and skin tones dropped), emoticons (":)",
// ":-(", "<3"...), numbers and the punctuation that carries meaning.
// Mentions (@brand) and links are skipped; hashtags count as words.
class TextTokenizer
{
public:
    static void tokenize(QStringView text, TokenizedText& out);
    // Lower case without accents, the form the lexicons are keyed on.
    static QChar fold(QChar c);
    static bool isPictograph(char32_t codePoint);
};
