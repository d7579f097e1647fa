#pragma once

#include "LexicalUnit.h"
#include "MessageCues.h"
#include "TokenizedText.h"

#include <vector>

// Scores how a message feels, in [-1, 1], from its lexical units. Each
// opinion word's valence is strengthened or softened by up to three words
// before it ("molto", "slightly"), flipped by a negator in that reach ("non è
// male", "not bad", "per niente soddisfatto"), raised when shouted in
// capitals. When a contrast ("ma", "però", "but") has opinions on both sides,
// the clause after it weighs three times the clause before. Complaint cues
// without a valence of their own ("di nuovo", "still", "charged") pull the
// sum down; in a question that accuses nothing, mild words and cues name the
// topic ("a fault", "late fees") rather than a mood and count half. Exclamation marks push the sum further from
// zero, "??" further below it. Irony turns praise negative: an explicit
// marker ("yeah right", "🙄", "come al solito") next to trouble, or strong
// praise that opens a message whose rest reports trouble and praises
// nothing more ("great, another week without internet"; not "kudos for
// handling the outage, regular updates"). The sum s becomes
// s / sqrt(s² + 8): one strong word reads about ±0.6, many approach ±1.
class SentimentScorer
{
public:
    struct Result
    {
        double score = 0;
        bool sarcastic = false;
    };

    static Result score(
        const TokenizedText& text, const std::vector<LexicalUnit>& units, const MessageCues& cues);
};
