#include "LanguageDetector.h"

#include "Lexicon.h"

#include <cmath>

namespace {

quint64 trigramKey(char16_t a, char16_t b, char16_t c)
{
    return (quint64(a) << 32) | (quint64(b) << 16) | quint64(c);
}

// Word boundaries are part of a language's shape: "_il", "re_", "ing_", "th".
template <typename Visit> void forEachTrigram(QStringView word, Visit visit)
{
    char16_t a = u'_';
    char16_t b = word.isEmpty() ? u'_' : word[0].unicode();
    for (qsizetype i = 1; i <= word.size(); ++i) {
        const char16_t c = i < word.size() ? word[i].unicode() : u'_';
        visit(trigramKey(a, b, c));
        a = b;
        b = c;
    }
    if (!word.isEmpty())
        visit(trigramKey(u'_', u'_', word[0].unicode()));
}

constexpr double kFullVote = 1.0;
// A trigram lean of this many nats counts as much as a known word.
constexpr double kLeanForFullVote = 6.0;
constexpr double kMaxTrigramVote = 0.6;
// The other language's share of the evidence that makes a message mixed.
constexpr double kMixedShare = 0.12;

} // namespace

LanguageDetector::LanguageDetector(Language fallback)
    : m_fallback(fallback)
{
    static const std::array<Profile, 2> profiles { buildProfile(Lexicon::italian().words()),
        buildProfile(Lexicon::english().words()) };
    m_profiles = profiles;
}

LanguageDetector::Profile LanguageDetector::buildProfile(const QStringList& words)
{
    QHash<quint64, int> counts;
    int total = 0;
    for (const QString& word : words) {
        if (word.isEmpty() || !word.at(0).isLetter())
            continue;
        forEachTrigram(word, [&](quint64 key) {
            ++counts[key];
            ++total;
        });
    }
    // Add-one smoothing over a generous number of possible trigrams.
    constexpr double kPossible = 20000;
    Profile profile;
    const double denominator = total + kPossible;
    profile.unseen = float(std::log(1.0 / denominator));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        profile.logProbability.insert(it.key(), float(std::log((it.value() + 1.0) / denominator)));
    return profile;
}

double LanguageDetector::trigramLean(QStringView word) const
{
    double lean = 0;
    forEachTrigram(word, [&](quint64 key) {
        lean += m_profiles[0].logProbability.value(key, m_profiles[0].unseen)
            - m_profiles[1].logProbability.value(key, m_profiles[1].unseen);
    });
    return lean;
}

LanguageGuess LanguageDetector::detect(
    const TokenizedText& text, const std::vector<WordEntries>& entries) const
{
    LanguageGuess guess;
    if (text.letterTokens == 0)
        return guess;
    double forItalian = 0;
    double forEnglish = 0;
    int italianWords = 0;
    int englishWords = 0;
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
        const TextToken& token = text.tokens[i];
        if (token.kind != TextToken::Kind::Word)
            continue;
        const QStringView word = text.text(token);
        const bool inItalian = entries[i].italian != nullptr;
        const bool inEnglish = entries[i].english != nullptr;
        if (inItalian != inEnglish) {
            (inItalian ? forItalian : forEnglish) += kFullVote;
            ++(inItalian ? italianWords : englishWords);
            continue;
        }
        if (inItalian || word.size() < 3)
            continue; // both know it ("no", "a", "super"), or too short to judge
        const double vote
            = std::clamp(trigramLean(word) / kLeanForFullVote, -kMaxTrigramVote, kMaxTrigramVote);
        if (vote > 0)
            forItalian += vote;
        else
            forEnglish -= vote;
    }
    if (forItalian == 0 && forEnglish == 0) {
        guess.language = m_fallback;
        guess.confidence = 0.5;
        return guess;
    }
    const bool italianWins = forItalian >= forEnglish;
    guess.language = italianWins ? Language::Italian : Language::English;
    const double margin = std::abs(forItalian - forEnglish);
    guess.confidence = 1.0 / (1.0 + std::exp(-1.5 * margin));
    const double minority = italianWins ? forEnglish : forItalian;
    const int minorityWords = italianWins ? englishWords : italianWords;
    guess.mixed = minorityWords >= 2 && minority >= kMixedShare * (forItalian + forEnglish);
    return guess;
}
