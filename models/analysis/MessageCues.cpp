#include "MessageCues.h"

MessageCues MessageCues::read(const TokenizedText& text, const std::vector<LexicalUnit>& units)
{
    MessageCues cues;
    cues.question = text.questionMarks > 0;
    bool sentenceStart = true;
    for (std::size_t k = 0; k < units.size(); ++k) {
        const LexicalUnit& unit = units[k];
        if (unit.punctuation) {
            sentenceStart = sentenceStart || unit.endsSentence();
            continue;
        }
        const LexiconEntry* entry = unit.entry;
        if (!entry) {
            sentenceStart = false;
            continue;
        }
        if (entry->has(LexiconEntry::Request) || (sentenceStart && entry->has(LexiconEntry::Interrogative)))
            cues.question = true;
        if (entry->has(LexiconEntry::Rhetorical))
            cues.rhetorical = true;
        if (entry->has(LexiconEntry::Praise))
            cues.praise = true;
        if (entry->valence > 0 && !entry->has(LexiconEntry::Courtesy))
            cues.politeOnly = false;
        if (entry->complaint > 0 && !unit.negated) {
            cues.complaint += entry->complaint;
            if (entry->valence == 0)
                cues.complaintWithoutValence += entry->complaint;
        }
        // A greeting or thanks before the question does not end its opening.
        sentenceStart = entry->has(LexiconEntry::Courtesy) && sentenceStart;
    }
    if (cues.rhetorical)
        cues.question = false;
    return cues;
}
