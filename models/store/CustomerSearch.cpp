#include "CustomerSearch.h"

#include "Database.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace {

// What the agent typed, taken apart for the sources it is looked up in.
struct Query
{
    QStringList keyPrefixes; // identity keys starting with one of these
    QStringList words; // name and company words
    std::optional<qint64> number; // a ticket or interaction number
    bool identityLike = false;
};

Query parse(const QString& typed)
{
    Query query;
    QString text = typed.trimmed();
    // British writing of the trunk zero, "+44 (0)7911 123456": never dialled after the country code.
    text.remove(QStringLiteral("(0)"));
    static const QRegularExpression phoneLike(QStringLiteral("^[+#0-9\\s().\\-/]+$"));
    if (phoneLike.match(text).hasMatch()) {
        QString digits;
        for (const QChar c : std::as_const(text))
            if (c.isDigit())
                digits.append(c);
        if (digits.isEmpty())
            return query;
        query.identityLike = true;
        query.keyPrefixes << digits;
        // "0039 333…" is "+39 333…" dialled from abroad.
        if (digits.startsWith(QLatin1String("00")) && digits.size() > 3)
            query.keyPrefixes << digits.mid(2);
        // Ticket and interaction numbers never start with 0; phone numbers often do.
        static const QRegularExpression number(QStringLiteral("^#?\\s*[1-9][0-9]{0,17}$"));
        if (number.match(text).hasMatch())
            query.number = digits.toLongLong();
        return query;
    }
    // Handles are stored without their "@"; everything else as typed, lower case.
    QString key = text.toLower();
    if (key.startsWith(QLatin1Char('@')))
        key.remove(0, 1);
    if (!key.isEmpty())
        query.keyPrefixes << key;
    static const QRegularExpression identityChars(QStringLiteral("[@._0-9]"));
    query.identityLike = text.contains(identityChars);
    // Split like the unicode61 tokenizer does: anything not a letter or digit
    // separates words ("mario.rossi@ex" -> mario, rossi, ex).
    QString word;
    for (const QChar c : std::as_const(text)) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            word.append(c);
        } else if (!word.isEmpty()) {
            query.words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        query.words << word;
    return query;
}

// The FTS5 MATCH expression for the words: all must match, each as a whole
// word or as the start of one. Quoted, so nothing typed is FTS5 syntax.
QString matchExpression(const QStringList& words, bool prefix)
{
    QStringList terms;
    for (QString word : words) {
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + word + (prefix ? QLatin1String("\"*") : QLatin1String("\""));
    }
    return terms.join(QLatin1Char(' '));
}

// The answer as it grows: groups in order, each customer once, and no
// further once enough are known.
class Collector
{
public:
    explicit Collector(int enough)
        : m_enough(enough)
    { }
    bool full() const { return m_ids.size() >= m_enough; }
    void add(qint64 id)
    {
        if (!full() && !m_seen.contains(id)) {
            m_seen.insert(id);
            m_ids.append(id);
        }
    }
    void endGroup() { m_groupEnds.append(int(m_ids.size())); }
    // Steps through a statement's customer ids (column 0) until the answer is full.
    void addAll(Statement& st)
    {
        while (!full() && st.step())
            add(st.int64(0));
        st.reset();
    }
    CustomerSearch::Matches finish(Database& db);

private:
    const int m_enough;
    QList<qint64> m_ids;
    QSet<qint64> m_seen;
    QList<int> m_groupEnds;
};

CustomerSearch::Matches Collector::finish(Database& db)
{
    CustomerSearch::Matches matches;
    matches.complete = !full();
    if (matches.complete && m_ids.size() <= CustomerSearch::kAlphabeticalUpTo) {
        // The index keeps each name next to its words: a small table, cheaper
        // to read than the customers' rows.
        QHash<qint64, QString> names;
        Statement& name = db.cached("SELECT name FROM customer_search WHERE rowid = ?");
        for (const qint64 id : std::as_const(m_ids)) {
            name.bind(1, id);
            names.insert(id, name.step() ? name.text(0) : QString());
            name.reset();
        }
        const auto byName = [&names](qint64 a, qint64 b) {
            const int order = QString::compare(names.value(a), names.value(b), Qt::CaseInsensitive);
            return order != 0 ? order < 0 : a < b;
        };
        int begin = 0;
        for (const int end : std::as_const(m_groupEnds)) {
            std::sort(m_ids.begin() + begin, m_ids.begin() + end, byName);
            begin = end;
        }
    }
    matches.customerIds = std::move(m_ids);
    return matches;
}

void addNameMatches(Database& db, Collector& found, const QStringList& words, bool prefix)
{
    if (words.isEmpty())
        return;
    Statement& st = db.cached("SELECT rowid FROM customer_search WHERE customer_search MATCH ?");
    st.bind(1, matchExpression(words, prefix));
    found.addAll(st);
    found.endGroup();
}

void addKeyPrefixMatches(Database& db, Collector& found, const QStringList& prefixes)
{
    // [prefix, prefix + the last code point): every key that starts with it, in key order.
    static const QString last = QString::fromUcs4(U"\U0010FFFF");
    Statement& st = db.cached("SELECT customer_id FROM customer_search_keys WHERE key >= ? AND key < ?");
    for (const QString& prefix : prefixes) {
        st.bind(1, prefix).bind(2, prefix + last);
        found.addAll(st);
    }
    found.endGroup();
}

} // namespace

std::optional<CustomerSearch::Matches> CustomerSearch::find(Database& db, const QString& typed, int enough)
{
    const Query query = parse(typed);
    if (query.keyPrefixes.isEmpty() && query.words.isEmpty())
        return std::nullopt;
    Collector found(enough);

    if (query.number) {
        for (const char* sql : { "SELECT customer_id FROM tickets WHERE id = ? AND customer_id IS NOT NULL",
                 "SELECT customer_id FROM interactions WHERE id = ? AND customer_id IS NOT NULL" }) {
            Statement& st = db.cached(sql);
            st.bind(1, *query.number);
            found.addAll(st);
            found.endGroup(); // the ticket's customer before the interaction's
        }
    }
    Statement& exactKey = db.cached("SELECT customer_id FROM customer_search_keys WHERE key = ?");
    for (const QString& key : query.keyPrefixes) {
        exactKey.bind(1, key);
        found.addAll(exactKey);
    }
    found.endGroup();

    if (query.identityLike)
        addKeyPrefixMatches(db, found, query.keyPrefixes);
    addNameMatches(db, found, query.words, false);
    addNameMatches(db, found, query.words, true);
    if (!query.identityLike)
        addKeyPrefixMatches(db, found, query.keyPrefixes);
    return found.finish(db);
}
