#include "TextTokenizer.h"

#include <QSet>
#include <array>

namespace {

constexpr char16_t kApostrophe = u'\'';

bool isApostrophe(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == u'\u2019' || u == u'\u00B4' || u == u'`';
}

// Latin-1 and Latin Extended-A folded once: lower case, accents dropped.
const std::array<char16_t, 0x180>& foldTable()
{
    static const std::array<char16_t, 0x180> table = [] {
        std::array<char16_t, 0x180> t {};
        for (char16_t u = 0; u < 0x180; ++u) {
            const QChar lower = QChar(u).toLower();
            const QString decomposed = lower.decomposition();
            t[u] = !decomposed.isEmpty() && lower.decompositionTag() == QChar::Canonical
                ? decomposed.at(0).unicode()
                : lower.unicode();
        }
        return t;
    }();
    return table;
}

// Italian articles and words that elide before a vowel: "l'addebito" is
// "l'" + "addebito", while English "don't" or "it's" stay one token.
bool isElision(QStringView folded)
{
    static const QSet<QString> prefixes { "l", "un", "dell", "all", "dall", "nell", "sull", "coll", "c",
        "dov", "com", "quest", "quell", "d", "s", "m", "t", "v", "n", "tutt", "senz", "anch", "bell", "sant",
        "quant", "cos", "nessun", "qualcun", "buon", "gl", "pover", "mezz", "sott", "ch" };
    return prefixes.contains(QString::fromRawData(folded.data(), folded.size()));
}

// Emoticons are matched as written (":D" and ":d" differ in intent, "xD"
// must be a whole token) before the text is cut into words.
qsizetype emoticonLength(QStringView text, qsizetype at)
{
    static constexpr QStringView kEmoticons[] { u">:(", u":'(", u":-)", u":-(", u":-D", u";-)", u":-P",
        u":-p", u":-/", u":-|", u":-O", u"^_^", u":)", u":(", u":D", u";)", u":P", u":p", u":/", u":|", u"=)",
        u"=(", u"<3", u"^^", u"xD", u"XD", u":O", u":o", u":*" };
    // Most tokens start with a letter: one look at the first character rejects them.
    if (!QStringView(u":;=<>^xX").contains(text[at]) || (at > 0 && !text[at - 1].isSpace()))
        return 0;
    const QStringView rest = text.mid(at);
    for (const QStringView emoticon : kEmoticons) {
        if (!rest.startsWith(emoticon))
            continue;
        const qsizetype end = at + emoticon.size();
        if (end == text.size() || text[end].isSpace() || QStringView(u".,!?;").contains(text[end]))
            return emoticon.size();
    }
    return 0;
}

char32_t codePointAt(QStringView text, qsizetype at, qsizetype& size)
{
    const QChar c = text[at];
    if (c.isHighSurrogate() && at + 1 < text.size() && text[at + 1].isLowSurrogate()) {
        size = 2;
        return QChar::surrogateToUcs4(c, text[at + 1]);
    }
    size = 1;
    return c.unicode();
}

// Parts of an emoji sequence that carry no meaning of their own.
bool isEmojiModifier(char32_t cp)
{
    return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

qsizetype beginToken(TokenizedText& out)
{
    if (!out.folded.isEmpty())
        out.folded.append(QLatin1Char(' '));
    return out.folded.size();
}

} // namespace

QChar TextTokenizer::fold(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x180)
        return QChar(foldTable()[u]);
    return c.toLower();
}

bool TextTokenizer::isPictograph(char32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2300 && cp <= 0x23FF);
}

void TextTokenizer::tokenize(QStringView text, TokenizedText& out)
{
    out.clear();
    out.folded.reserve(text.size() + 16);
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (const qsizetype length = emoticonLength(text, i)) {
            TextToken token { TextToken::Kind::Symbol, false, 0, beginToken(out), length };
            for (qsizetype k = 0; k < length; ++k)
                out.folded.append(fold(text[i + k]));
            out.tokens.push_back(token);
            i += length;
            continue;
        }
        // Mentions name the brand or a person, links say nothing about mood.
        if (c == QLatin1Char('@') && i + 1 < n && isWordChar(text[i + 1])) {
            ++i;
            while (
                i < n && (isWordChar(text[i]) || text[i] == QLatin1Char('_') || text[i] == QLatin1Char('.')))
                ++i;
            continue;
        }
        const QStringView rest = text.mid(i);
        if ((c == QLatin1Char('h') || c == QLatin1Char('H') || c == QLatin1Char('w') || c == QLatin1Char('W'))
            && (rest.startsWith(u"http://", Qt::CaseInsensitive)
                || rest.startsWith(u"https://", Qt::CaseInsensitive)
                || rest.startsWith(u"www.", Qt::CaseInsensitive))) {
            while (i < n && !text[i].isSpace())
                ++i;
            continue;
        }
        qsizetype size = 1;
        const char32_t cp = codePointAt(text, i, size);
        if (isEmojiModifier(cp)) {
            i += size;
            continue;
        }
        if (isPictograph(cp)) {
            TextToken token { TextToken::Kind::Symbol, false, 0, beginToken(out), size };
            out.folded.append(text.mid(i, size));
            out.tokens.push_back(token);
            i += size;
            continue;
        }
        if (isWordChar(c)) {
            qsizetype start = beginToken(out);
            int letters = 0;
            int upper = 0;
            const auto finishWord = [&](qsizetype end) {
                TextToken token;
                token.kind = letters > 0 ? TextToken::Kind::Word : TextToken::Kind::Number;
                token.shouted = letters >= 3 && upper == letters;
                token.start = start;
                token.length = end - start;
                if (letters > 0)
                    ++out.letterTokens;
                out.tokens.push_back(token);
            };
            while (i < n) {
                const QChar w = text[i];
                if (isWordChar(w)) {
                    if (w.isLetter()) {
                        ++letters;
                        if (w.isUpper())
                            ++upper;
                    }
                    if (!w.isMark())
                        out.folded.append(fold(w));
                    ++i;
                } else if (isApostrophe(w)) {
                    const bool letterFollows = i + 1 < n && text[i + 1].isLetter();
                    if (!letterFollows) {
                        // "po'", "perche'": the apostrophe belongs to the word.
                        if (letters > 0)
                            out.folded.append(kApostrophe);
                        ++i;
                        break;
                    }
                    if (isElision(QStringView(out.folded).mid(start))) {
                        out.folded.append(kApostrophe);
                        finishWord(out.folded.size());
                        letters = upper = 0;
                        start = beginToken(out);
                    } else {
                        out.folded.append(kApostrophe);
                    }
                    ++i;
                } else if (letters == 0 && QStringView(u".,:/").contains(w) && i + 1 < n
                    && text[i + 1].isDigit()) {
                    out.folded.append(w); // 29,90 - 2.5 - 10:30
                    ++i;
                } else {
                    break;
                }
            }
            finishWord(out.folded.size());
            continue;
        }
        if (QStringView(u"!?.,;:\u2026").contains(c)) {
            TextToken token { TextToken::Kind::Punctuation, false, c.unicode(), beginToken(out), 0 };
            while (i < n && QStringView(u"!?.,;:\u2026").contains(text[i])) {
                const char16_t m = text[i].unicode();
                if (m == u'!')
                    ++out.exclamations;
                if (m == u'?') {
                    ++out.questionMarks;
                    token.mark = u'?';
                }
                out.folded.append(text[i]);
                ++token.length;
                ++i;
            }
            out.tokens.push_back(token);
            continue;
        }
        i += size; // quotes, brackets, symbols: no meaning here
    }
}
