#pragma once

#include "LexicalUnit.h"
#include "TokenizedText.h"

#include <vector>

// What a message signals besides opinion words, read once from its units and
// shared by the sentiment and intent rules.
struct MessageCues
{
    // A question mark, a request phrase, or a sentence that opens with an
    // interrogative; false when the question is rhetorical.
    bool question = false;
    bool rhetorical = false;
    bool praise = false;
    // Every positive word is mere politeness ("ok", "grazie", "have a nice day").
    bool politeOnly = true;
    // The summed weight of complaint cues no negator reaches ("di nuovo", "still", "charged").
    double complaint = 0;
    // The part of it from cues without a valence of their own: what pulls the
    // sentiment down without counting a word's mood twice.
    double complaintWithoutValence = 0;

    static MessageCues read(const TokenizedText& text, const std::vector<LexicalUnit>& units);
};
