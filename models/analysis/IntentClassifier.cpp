#include "IntentClassifier.h"

#include "Polarity.h"

namespace {

// A help-seeking question can sound unhappy; past this it is a complaint.
constexpr double kComplaintDespiteQuestion = -0.6;
// Complaint cues that turn a neutral message or question into a complaint.
constexpr double kAccusation = 1.5;
constexpr double kComplaintStatement = 1.0;

} // namespace

Intent IntentClassifier::classify(const TokenizedText& text, const MessageCues& cues, double sentiment)
{
    switch (Polarities::of(sentiment)) {
    case Polarity::Negative:
        if (cues.question && cues.complaint < kComplaintStatement && sentiment > kComplaintDespiteQuestion)
            return Intent::Question;
        return Intent::Complaint;
    case Polarity::Positive:
        if (cues.question)
            return Intent::Question;
        if (cues.praise || !cues.politeOnly)
            return Intent::Praise;
        return Intent::Other;
    case Polarity::Neutral:
        break;
    }
    if (cues.question)
        return cues.complaint >= kAccusation
                || (cues.complaint >= kComplaintStatement && text.questionMarks >= 2)
            ? Intent::Complaint
            : Intent::Question;
    if (cues.complaint >= kComplaintStatement)
        return Intent::Complaint;
    if (cues.praise)
        return Intent::Praise;
    return Intent::Other;
}
