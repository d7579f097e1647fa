#include "TextAnalyzer.h"

#include "IntentClassifier.h"
#include "Lexicon.h"
#include "MessageCues.h"
#include "SentimentScorer.h"
#include "TextTokenizer.h"
#include "UnitMatcher.h"

TextAnalyzer::TextAnalyzer(Language fallback)
    : m_detector(fallback)
{
}

LanguageGuess TextAnalyzer::detectLanguage(QStringView text)
{
    TextTokenizer::tokenize(text, m_tokens);
    return m_detector.detect(m_tokens);
}

TextAnalysis TextAnalyzer::analyse(QStringView text)
{
    TextAnalysis analysis;
    analysis.language = detectLanguage(text);
    const bool english = analysis.language.language == Language::English
        || (analysis.language.language == Language::Unknown && m_detector.fallback() == Language::English);
    const Lexicon& primary = english ? Lexicon::english() : Lexicon::italian();
    const Lexicon& secondary = english ? Lexicon::italian() : Lexicon::english();
    UnitMatcher::match(m_tokens, primary, secondary, m_units);
    const MessageCues cues = MessageCues::read(m_tokens, m_units);
    const SentimentScorer::Result sentiment = SentimentScorer::score(m_tokens, m_units, cues);
    analysis.sentiment = sentiment.score;
    analysis.sarcastic = sentiment.sarcastic;
    analysis.intent = IntentClassifier::classify(m_tokens, cues, sentiment.score);
    return analysis;
}
