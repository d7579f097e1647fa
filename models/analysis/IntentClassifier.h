#pragma once

#include "Intent.h"
#include "MessageCues.h"

// Decides why a customer wrote from the same units the sentiment came from.
// A question has a question mark, a request phrase ("vorrei sapere", "just
// wondering") or opens a sentence with an interrogative ("come", "how",
// "can"), unless it is rhetorical. Unhappy messages are complaints, unless
// they are a plain request for help with no complaint cue ("ho un problema
// con la fattura, a chi scrivo?"); a neutral question becomes a complaint
// when it accuses ("why was I charged twice??"). Happy messages are praise
// when they praise something, or other when they are only polite ("ok,
// grazie"); neutral statements are other unless complaint cues pile up.
class IntentClassifier
{
public:
    static Intent classify(const TokenizedText& text, const MessageCues& cues, double sentiment);
};
