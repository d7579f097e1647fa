#pragma once

#include "Language.h"

// What LanguageDetector concluded about one message.
struct LanguageGuess
{
    Language language = Language::Unknown;
    // 0.5 is a coin toss, 1 is certain; 0 when there were no words at all.
    double confidence = 0;
    // Both languages have real weight (at least two words and an eighth of
    // the evidence for the other one): "il refund non è arrivato, very disappointed".
    bool mixed = false;
};
