#pragma once

#include <QtGlobal>

// One unit of a message as the analyser sees it: a word, an emoji or
// emoticon, a number or a punctuation mark, located in the tokenizer's
// folded text (lower case, no accents, tokens joined by single spaces).
struct TextToken
{
    enum class Kind : quint8 { Word, Symbol, Number, Punctuation };

    Kind kind = Kind::Word;
    // Written in capitals in the message (three letters or more): shouting.
    bool shouted = false;
    // The punctuation character for Punctuation tokens ('!', '?', ',', '.'...).
    char16_t mark = 0;
    qsizetype start = 0;
    qsizetype length = 0;
};
