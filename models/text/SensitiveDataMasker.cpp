#include "SensitiveDataMasker.h"

#include <QList>
#include <QRegularExpression>
#include <algorithm>

namespace {

struct Span
{
    qsizetype start;
    qsizetype length;
    int keepFirst; // leading characters left visible
};

// Card numbers as people type them: 13 to 19 digits, alone or in groups
// separated by one space or dash. Payment cards start with 2 to 6 (Mastercard
// 2-series, Amex, Visa, Mastercard, Discover/Maestro); a number after "+" or
// glued to other digits or letters is a phone number or a code, not a card.
const QRegularExpression& cardPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<![\\w+])[2-6](?:[ \\-]?\\d){12,18}(?!\\w)"));
    return pattern;
}

// IBANs printed in groups of four or written solid: country, check digits,
// then 11 to 30 letters and digits (the longest, Saint Lucia's, has 32 in all).
const QRegularExpression& ibanPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<!\\w)[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?!\\w)"));
    return pattern;
}

QString compact(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            result.append(c);
    return result;
}

// The length of the card number the match starts with, or 0. The pattern is
// greedy, so "4111 1111 1111 1111 12" matched 18 digits: the card is the
// longest run of whole groups that passes Luhn and has at least 13 digits.
qsizetype cardLength(QStringView match)
{
    qsizetype end = match.size();
    while (end > 0) {
        const QString digits = compact(match.left(end));
        if (digits.size() < 13)
            return 0;
        if (SensitiveDataMasker::luhnValid(digits))
            return end;
        // Back to the previous separator; a solid run has none and ends the search.
        const qsizetype separator = std::max(match.left(end).lastIndexOf(u' '), match.left(end).lastIndexOf(u'-'));
        if (separator <= 0)
            return 0;
        end = separator;
    }
    return 0;
}

// Masks every letter and digit of the span except the first keepFirst and the last four.
void maskSpan(QString& text, const Span& span)
{
    int total = 0;
    for (qsizetype i = span.start; i < span.start + span.length; ++i)
        if (text.at(i).isLetterOrNumber())
            ++total;
    int seen = 0;
    for (qsizetype i = span.start; i < span.start + span.length; ++i) {
        if (!text.at(i).isLetterOrNumber())
            continue;
        if (seen >= span.keepFirst && seen < total - 4)
            text[i] = QChar(SensitiveDataMasker::kMaskChar);
        ++seen;
    }
}

} // namespace

bool SensitiveDataMasker::luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (c < u'0' || c > u'9')
            return false;
        int d = c.unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool SensitiveDataMasker::ibanValid(QStringView compactIban)
{
    if (compactIban.size() < 15 || compactIban.size() > 34)
        return false;
    for (int i = 0; i < 2; ++i)
        if (!compactIban.at(i).isLetter() || compactIban.at(i).unicode() > 0x7f)
            return false;
    for (int i = 2; i < 4; ++i)
        if (compactIban.at(i) < u'0' || compactIban.at(i) > u'9')
            return false;
    // The first four characters move to the end; letters count as 10..35;
    // the remainder is taken digit by digit so no big integers are needed.
    int remainder = 0;
    const auto feed = [&remainder](QChar c) {
        const char16_t u = QChar::toUpper(c.unicode());
        if (u >= u'0' && u <= u'9') {
            remainder = (remainder * 10 + (u - u'0')) % 97;
            return true;
        }
        if (u >= u'A' && u <= u'Z') {
            remainder = (remainder * 100 + (u - u'A' + 10)) % 97;
            return true;
        }
        return false;
    };
    for (qsizetype i = 4; i < compactIban.size(); ++i)
        if (!feed(compactIban.at(i)))
            return false;
    for (qsizetype i = 0; i < 4; ++i)
        if (!feed(compactIban.at(i)))
            return false;
    return remainder == 1;
}

QString SensitiveDataMasker::mask(const QString& text)
{
    // Most text has no run of digits long enough to be either: skip the regexes.
    int run = 0;
    bool candidate = false;
    for (const QChar c : text) {
        if (c.isDigit()) {
            if (++run >= 4) {
                candidate = true;
                break;
            }
        } else if (c != u' ' && c != u'-') {
            run = 0;
        }
    }
    if (!candidate)
        return text;

    QList<Span> spans;
    for (auto it = ibanPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (ibanValid(compact(m.capturedView())))
            spans.append({ m.capturedStart(), m.capturedLength(), 4 });
    }
    for (auto it = cardPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const bool insideIban = std::any_of(spans.cbegin(), spans.cend(), [&m](const Span& s) {
            return m.capturedStart() < s.start + s.length && s.start < m.capturedEnd();
        });
        if (insideIban)
            continue;
        if (const qsizetype length = cardLength(m.capturedView()); length > 0)
            spans.append({ m.capturedStart(), length, 0 });
    }
    if (spans.isEmpty())
        return text;
    QString masked = text;
    for (const Span& span : std::as_const(spans))
        maskSpan(masked, span);
    return masked;
}
