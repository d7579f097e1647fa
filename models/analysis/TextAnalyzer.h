#pragma once

#include "LanguageDetector.h"
#include "LexicalUnit.h"
#include "TextAnalysis.h"
#include "TokenizedText.h"
#include "WordEntries.h"

#include <QStringView>
#include <vector>

// Understands a customer's message: its language, how it feels and why it
// was written; for social posts, chat and e-mail messages alike. All rules
// and word lists are hand-written (models/analysis/*Lexicon.cpp), so every
// result can be explained; nothing is loaded at run time.
// One analyser per thread: it reuses its buffers between messages.
class TextAnalyzer
{
public:
    // `fallback` is the language of messages with no evidence either way
    // ("ok", "5G?"): the centre's own language.
    explicit TextAnalyzer(Language fallback = Language::Italian);

    TextAnalysis analyse(QStringView text);
    LanguageGuess detectLanguage(QStringView text);

private:
    LanguageDetector m_detector;
    TokenizedText m_tokens;
    std::vector<WordEntries> m_entries;
    std::vector<LexicalUnit> m_units;
};
