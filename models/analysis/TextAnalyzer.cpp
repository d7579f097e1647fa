#include "TextAnalyzer.h"

#include "IntentClassifier.h"
#include "MessageCues.h"
#include "SentimentScorer.h"
#include "TextTokenizer.h"
#include "UnitMatcher.h"

TextAnalyzer::TextAnalyzer(Language fallback)
    : m_detector(fallback)
{ }

LanguageGuess TextAnalyzer::detectLanguage(QStringView text)
{
    TextTokenizer::tokenize(text, m_tokens);
    WordEntries::lookUp(m_tokens, m_entries);
    return m_detector.detect(m_tokens, m_entries);
}

TextAnalysis TextAnalyzer::analyse(QStringView text)
{
    TextAnalysis analysis;
    analysis.language = detectLanguage(text);
    const bool english = analysis.language.language == Language::English
        || (analysis.language.language == Language::Unknown && m_detector.fallback() == Language::English);
    UnitMatcher::match(m_tokens, m_entries, english ? Language::English : Language::Italian, m_units);
    const MessageCues cues = MessageCues::read(m_tokens, m_units);
    const SentimentScorer::Result sentiment = SentimentScorer::score(m_tokens, m_units, cues);
    analysis.sentiment = sentiment.score;
    analysis.sarcastic = sentiment.sarcastic;
    analysis.intent = IntentClassifier::classify(m_tokens, cues, sentiment.score);
    return analysis;
}
