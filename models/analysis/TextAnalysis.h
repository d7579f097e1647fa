#pragma once

#include "Intent.h"
#include "LanguageGuess.h"

// Everything TextAnalyzer says about one message.
struct TextAnalysis
{
    LanguageGuess language;
    // [-1, 1]: below zero unhappy, above zero happy; Polarities::of reads it as a class.
    double sentiment = 0;
    // Positive words were read as irony ("great, another week without internet").
    bool sarcastic = false;
    Intent intent = Intent::Other;
};
