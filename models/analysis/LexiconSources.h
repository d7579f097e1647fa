#pragma once

// The hand-written tables Lexicon parses (see Lexicon.h for their format),
// one per file so each language's vocabulary can be read and edited alone.
namespace LexiconSources {

const char* italian();
const char* english();
const char* symbols();

} // namespace LexiconSources
