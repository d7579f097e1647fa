#include "SentimentScorer.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr std::size_t kBoosterReach = 3;
constexpr float kNegation = -0.75f; // "not good" is less bad than "bad"
constexpr float kShouted = 1.3f;
constexpr float kBeforeContrast = 0.5f;
constexpr float kAfterContrast = 1.5f;
constexpr double kPerComplaintCue = 1.0;
constexpr float kMildInQuestion = 0.5f;
constexpr float kMild = 2.0f;
constexpr double kPerExclamation = 0.25;
constexpr int kMaxExclamations = 4;
constexpr double kAnnoyedQuestion = 0.3;
constexpr double kNormalisation = 8.0;
// Irony: praise this strong within the first few words of a complaint.
constexpr float kIronicOpener = 1.8f;
constexpr std::size_t kOpening = 4;
constexpr float kIronyMarker = -1.5f;

// Each booster in reach multiplies; the nearest counts fully.
float boosterScale(const std::vector<LexicalUnit>& units, std::size_t k)
{
    float scale = 1;
    for (std::size_t d = 1; d <= kBoosterReach && d <= k; ++d) {
        const LexicalUnit& before = units[k - d];
        if (before.endsClause() || before.has(LexiconEntry::Contrast))
            break;
        if (before.entry && before.entry->boost != 0)
            scale *= 1.f + before.entry->boost * (d == 1 ? 1.f : d == 2 ? 0.95f : 0.9f);
    }
    return scale;
}

// The last contrast word with an opinion on each side, or units.size().
std::size_t contrastAt(const std::vector<LexicalUnit>& units)
{
    std::size_t contrast = units.size();
    bool before = false;
    for (std::size_t k = 0; k < units.size(); ++k) {
        if (units[k].has(LexiconEntry::Contrast) && before)
            contrast = k;
        if (units[k].valence() != 0)
            before = true;
    }
    for (std::size_t k = contrast; k < units.size(); ++k)
        if (units[k].valence() != 0)
            return contrast;
    return units.size();
}

} // namespace

SentimentScorer::Result SentimentScorer::score(
    const TokenizedText& text, const std::vector<LexicalUnit>& units, const MessageCues& cues)
{
    const std::size_t count = units.size();
    const std::size_t contrast = contrastAt(units);
    const bool plainQuestion = cues.question && cues.complaint < 1.0;

    // Each opinion word's valence in context.
    std::vector<float> valences(count, 0.f);
    bool marker = false;
    bool ironicOpener = false;
    bool troubleAfterOpener = false;
    bool praiseAfterTrouble = false;
    std::size_t words = 0;
    bool firstOpinion = true;
    for (std::size_t k = 0; k < count; ++k) {
        const LexicalUnit& unit = units[k];
        if (unit.word)
            ++words;
        if (!unit.entry)
            continue;
        if (unit.entry->has(LexiconEntry::Sarcasm)) {
            marker = true;
            continue;
        }
        float v = unit.valence();
        if (v == 0)
            continue;
        v *= boosterScale(units, k);
        if (unit.shouted)
            v *= kShouted;
        if (unit.negated)
            v *= kNegation;
        if (plainQuestion && std::abs(v) < kMild)
            v *= kMildInQuestion;
        if (contrast < count)
            v *= k < contrast ? kBeforeContrast : kAfterContrast;
        valences[k] = v;
        if (firstOpinion && v >= kIronicOpener && words <= kOpening)
            ironicOpener = true;
        else if (ironicOpener && v < 0)
            troubleAfterOpener = true;
        else if (troubleAfterOpener && v > 0)
            praiseAfterTrouble = true;
        firstOpinion = false;
    }

    // Irony needs trouble beside the praise; a real contrast ("ma", "but")
    // is not irony, it is weighed above.
    Result result;
    bool trouble = cues.complaint >= 1.0;
    for (const float v : valences)
        trouble = trouble || v < 0;
    result.sarcastic = contrast == count
        && ((marker && (trouble || cues.complaint > 0))
            || (ironicOpener && !praiseAfterTrouble && (troubleAfterOpener || cues.complaint >= 1.0)));
    double sum = 0;
    for (std::size_t k = 0; k < count; ++k) {
        float v = valences[k];
        if (result.sarcastic && v > 0)
            v *= kNegation;
        if (units[k].has(LexiconEntry::Sarcasm))
            v = result.sarcastic ? std::min(units[k].valence(), 0.f) + kIronyMarker : units[k].valence();
        sum += v;
    }
    sum -= cues.complaintWithoutValence * kPerComplaintCue * (plainQuestion ? kMildInQuestion : 1.f);
    if (sum != 0)
        sum += std::copysign(std::min(text.exclamations, kMaxExclamations) * kPerExclamation, sum);
    if (text.questionMarks >= 2 && sum < 0)
        sum -= kAnnoyedQuestion;
    result.score = std::clamp(sum / std::sqrt(sum * sum + kNormalisation), -1.0, 1.0);
    return result;
}
