#include "Lexicon.h"

#include "LexiconSources.h"
#include "TextTokenizer.h"

namespace {

// Items may hold one "{a,b}" group of alternatives: each is spelled out.
QStringList expand(QStringView item)
{
    const qsizetype open = item.indexOf(QLatin1Char('{'));
    if (open < 0)
        return { item.toString() };
    const qsizetype close = item.indexOf(QLatin1Char('}'), open);
    QStringList result;
    const QStringView head = item.left(open);
    const QStringView tail = item.mid(close + 1);
    for (const QStringView choice : item.mid(open + 1, close - open - 1).split(QLatin1Char(',')))
        result.append(head.toString() + choice.trimmed().toString() + tail.toString());
    return result;
}

} // namespace

Lexicon::Lexicon(const char* source, bool italianSuperlatives)
    : m_italianSuperlatives(italianSuperlatives)
{
    const QString text = QString::fromUtf8(source);
    int lineNumber = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#')))
            addLine(trimmed, lineNumber);
    }
}

const Lexicon& Lexicon::italian()
{
    static const Lexicon lexicon(LexiconSources::italian(), true);
    return lexicon;
}

const Lexicon& Lexicon::english()
{
    static const Lexicon lexicon(LexiconSources::english(), false);
    return lexicon;
}

const Lexicon& Lexicon::symbols()
{
    static const Lexicon lexicon(LexiconSources::symbols(), false);
    return lexicon;
}

void Lexicon::addLine(QStringView line, int lineNumber)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon < 0)
        qFatal("lexicon line %d has no ':'", lineNumber);
    const QStringView head = line.left(colon).trimmed();
    const qsizetype space = head.indexOf(QLatin1Char(' '));
    const QStringView kind = space < 0 ? head : head.left(space);
    float number = 0;
    if (space >= 0) {
        bool ok = false;
        number = head.mid(space + 1).toFloat(&ok);
        if (!ok)
            qFatal("lexicon line %d: bad number", lineNumber);
    }
    for (const QStringView item : line.mid(colon + 1).split(QLatin1Char('|'))) {
        const QStringView trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            for (const QString& spelled : expand(trimmed))
                addItem(spelled, kind, number, lineNumber);
    }
}

void Lexicon::addItem(QStringView item, QStringView kind, float number, int lineNumber)
{
    TokenizedText tokens;
    TextTokenizer::tokenize(item, tokens);
    if (tokens.tokens.empty())
        qFatal("lexicon line %d: empty item", lineNumber);
    const QString key = tokens.folded;
    LexiconEntry& entry = m_entries[key];
    if (kind == u"valence")
        entry.valence = number;
    else if (kind == u"booster")
        entry.boost = number;
    else if (kind == u"complaint")
        entry.complaint = number;
    else if (kind == u"negator")
        entry.flags |= LexiconEntry::Negator;
    else if (kind == u"contrast")
        entry.flags |= LexiconEntry::Contrast;
    else if (kind == u"interrogative")
        entry.flags |= LexiconEntry::Interrogative;
    else if (kind == u"request")
        entry.flags |= LexiconEntry::Request;
    else if (kind == u"praise")
        entry.flags |= LexiconEntry::Praise;
    else if (kind == u"courtesy")
        entry.flags |= LexiconEntry::Courtesy;
    else if (kind == u"sarcasm")
        entry.flags |= LexiconEntry::Sarcasm;
    else if (kind == u"rhetorical")
        entry.flags |= LexiconEntry::Rhetorical;
    else if (kind == u"words")
        entry.flags |= LexiconEntry::Vocabulary;
    else
        qFatal("lexicon line %d: unknown kind %s", lineNumber, qPrintable(kind.toString()));
    const int words = int(tokens.tokens.size());
    if (words > 1) {
        m_entries[tokens.text(tokens.tokens.front()).toString()].flags |= LexiconEntry::PhraseStart;
        m_longestPhrase = std::max(m_longestPhrase, words);
    }
}

const LexiconEntry* Lexicon::find(QStringView key, float* intensity) const
{
    const auto it = m_entries.constFind(QString::fromRawData(key.data(), key.size()));
    if (it != m_entries.cend())
        return &*it;
    // "gentilissimi" -> "gentile", "velocissima" -> "veloce", "bravissimo" -> "bravo".
    if (m_italianSuperlatives && key.size() > 7 && key.chopped(1).endsWith(u"issim")) {
        const QStringView stem = key.chopped(6);
        for (const char16_t ending : { u'e', u'o', u'a', u'i' }) {
            const QString base = stem.toString() + QChar(ending);
            const auto found = m_entries.constFind(base);
            if (found != m_entries.cend() && found->valence != 0) {
                if (intensity)
                    *intensity = 1.4f;
                return &*found;
            }
        }
    }
    return nullptr;
}

QStringList Lexicon::words() const
{
    QStringList result;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (!it.key().contains(QLatin1Char(' ')))
            result.append(it.key());
    return result;
}
