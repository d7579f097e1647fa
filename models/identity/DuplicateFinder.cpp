#include "DuplicateFinder.h"

#include "CustomerProfiles.h"
#include "NameMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QElapsedTimer>
#include <QSet>
#include <algorithm>

namespace {

// The kinds of block key. Each family is blocked on its own, so a key array
// never holds more than a few entries per customer at a time.
enum Family : quint64 {
    Identity,
    NameRoots,
    SurnameInitial,
    SurnameSound,
    CompanySurname,
    Address,
    FamilyCount
};

quint64 mix(quint64 value, quint64 family)
{
    quint64 h = value ^ (family * 0x9e3779b97f4a7c15ULL);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

void blockKeys(const CustomerProfiles& profiles, const CustomerProfiles::Profile& p, Family family,
    std::vector<quint64>& out)
{
    const QString& first = profiles.name(p.first);
    const QString& last = profiles.name(p.last);
    switch (family) {
    case Identity:
        for (const auto* k = profiles.keysBegin(p); k != profiles.keysEnd(p); ++k)
            out.push_back(mix(k->value, quint64(k->kind) + 100));
        break;
    case NameRoots:
        // Order-free and nickname-free: "Beppe Rossi" and "Rossi Giuseppe" meet here.
        if (p.firstRoot != 0 && p.lastRoot != 0) {
            const QString& a = profiles.name(p.firstRoot);
            const QString& b = profiles.name(p.lastRoot);
            out.push_back(
                mix(CustomerProfiles::hashOf(a < b ? a + QLatin1Char('|') + b : b + QLatin1Char('|') + a, 1),
                    family));
        }
        break;
    case SurnameInitial:
        // A typo in the first name.
        if (!first.isEmpty() && !last.isEmpty())
            out.push_back(mix(CustomerProfiles::hashOf(last + QLatin1Char('|') + first.at(0), 2), family));
        break;
    case SurnameSound:
        // A typo in the surname.
        if (p.firstRoot != 0 && !last.isEmpty())
            out.push_back(
                mix(CustomerProfiles::hashOf(
                        NameMatcher::soundKey(last) + QLatin1Char('|') + profiles.name(p.firstRoot), 3),
                    family));
        break;
    case CompanySurname:
        if (p.company != 0 && !last.isEmpty())
            out.push_back(mix(p.company ^ CustomerProfiles::hashOf(last, 4), family));
        break;
    case Address:
        if (p.address != 0)
            out.push_back(mix(p.address, family));
        break;
    case FamilyCount:
        break;
    }
}

double secondsOf(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

QString phrase(const QString& folded)
{
    return QLatin1Char('"') + folded + QLatin1Char('"');
}

} // namespace

DuplicateFinder::DuplicateFinder(Database& db)
    : DuplicateFinder(db, Options())
{ }

DuplicateFinder::DuplicateFinder(Database& db, Options options)
    : m_db(db)
    , m_options(options)
{ }

QList<DuplicatePair> DuplicateFinder::findAll(double threshold)
{
    m_stats = Stats();
    QElapsedTimer timer;
    timer.start();
    CustomerProfiles profiles;
    profiles.loadAll(m_db);
    m_stats.customers = profiles.size();
    m_stats.loadSeconds = secondsOf(timer);

    timer.restart();
    // Pairs as (lower index << 32 | higher index): 8 bytes each, sorted once to drop repeats.
    std::vector<quint64> pairs;
    std::vector<std::pair<quint64, quint32>> entries;
    std::vector<quint64> keys;
    for (int f = 0; f < int(FamilyCount); ++f) {
        entries.clear();
        for (qsizetype i = 0; i < profiles.size(); ++i) {
            keys.clear();
            blockKeys(profiles, profiles.at(i), Family(f), keys);
            for (const quint64 key : keys)
                entries.emplace_back(key, quint32(i));
        }
        std::sort(entries.begin(), entries.end());
        std::vector<quint32> block;
        for (std::size_t begin = 0; begin < entries.size();) {
            std::size_t end = begin + 1;
            while (end < entries.size() && entries[end].first == entries[begin].first)
                ++end;
            block.clear();
            for (std::size_t e = begin; e < end; ++e)
                if (block.empty() || block.back() != entries[e].second)
                    block.push_back(entries[e].second);
            begin = end;
            if (block.size() < 2)
                continue;
            ++m_stats.blocks;
            m_stats.largestBlock = std::max<qint64>(m_stats.largestBlock, qint64(block.size()));
            const auto pairOf = [](quint32 a, quint32 b) {
                return a < b ? (quint64(a) << 32 | b) : (quint64(b) << 32 | a);
            };
            if (qsizetype(block.size()) <= m_options.blockCap) {
                for (std::size_t x = 0; x < block.size(); ++x)
                    for (std::size_t y = x + 1; y < block.size(); ++y)
                        pairs.push_back(pairOf(block[x], block[y]));
                continue;
            }
            // Too common a key to compare all against all: neighbours by address (then surname) only.
            ++m_stats.windowedBlocks;
            std::sort(block.begin(), block.end(), [&profiles](quint32 a, quint32 b) {
                const auto& pa = profiles.at(a);
                const auto& pb = profiles.at(b);
                return std::tie(pa.address, pa.last, pa.id) < std::tie(pb.address, pb.last, pb.id);
            });
            for (std::size_t x = 0; x < block.size(); ++x)
                for (std::size_t y = x + 1; y < std::min(block.size(), x + 1 + std::size_t(m_options.window));
                     ++y)
                    pairs.push_back(pairOf(block[x], block[y]));
        }
    }
    entries = {};
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    m_stats.candidatePairs = qint64(pairs.size());
    m_stats.blockSeconds = secondsOf(timer);

    timer.restart();
    const DuplicateScorer scorer(profiles);
    std::vector<std::pair<qint64, qint64>> found;
    for (const quint64 pair : pairs) {
        const auto& a = profiles.at(qsizetype(pair >> 32));
        const auto& b = profiles.at(qsizetype(pair & 0xffffffffULL));
        if (scorer.score(a, b, false).score >= threshold)
            found.emplace_back(a.id, b.id);
    }
    pairs = {};
    QList<DuplicatePair> result = explain(found, threshold);
    m_stats.pairsOverThreshold = result.size();
    m_stats.scoreSeconds = secondsOf(timer);
    return result;
}

QList<DuplicatePair> DuplicateFinder::explain(
    const std::vector<std::pair<qint64, qint64>>& pairs, double threshold)
{
    // The few pairs that passed are scored again with their readable values.
    std::vector<qint64> ids;
    ids.reserve(pairs.size() * 2);
    for (const auto& [a, b] : pairs) {
        ids.push_back(a);
        ids.push_back(b);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    CustomerProfiles profiles(true);
    profiles.load(m_db, ids);
    const DuplicateScorer scorer(profiles);
    QList<DuplicatePair> result;
    for (const auto& [a, b] : pairs) {
        const qsizetype ia = profiles.indexOf(a);
        const qsizetype ib = profiles.indexOf(b);
        if (ia < 0 || ib < 0)
            continue;
        DuplicateScorer::Result scored = scorer.score(profiles.at(ia), profiles.at(ib), true);
        if (scored.score >= threshold)
            result.append(DuplicatePair { std::min(a, b), std::max(a, b), scored.score, scored.reasons });
    }
    std::sort(result.begin(), result.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
        return x.score != y.score ? x.score > y.score
                                  : std::tie(x.first, x.second) < std::tie(y.first, y.second);
    });
    return result;
}

QList<DuplicatePair> DuplicateFinder::findForCustomer(qint64 customerId, double threshold)
{
    Statement& names = m_db.cached("SELECT first_name, last_name, display_name, coalesce(company, '')"
                                   " FROM customers WHERE id = ?");
    names.bind(1, customerId);
    if (!names.step()) {
        names.reset();
        return {};
    }
    QStringList firstWords = NameMatcher::words(names.text(0));
    QStringList lastWords = NameMatcher::words(names.text(1));
    if (firstWords.isEmpty() && lastWords.isEmpty()) {
        lastWords = NameMatcher::words(names.text(2));
        if (!lastWords.isEmpty())
            firstWords << lastWords.takeFirst();
    }
    const QStringList companyWords = NameMatcher::words(names.text(3));
    names.reset();

    // Full-text queries, each bounded: the index folds accents like we do and
    // holds both words of a name whatever their order.
    QStringList queries;
    const auto all = [](const QStringList& words) {
        QStringList quoted;
        for (const QString& w : words)
            quoted << phrase(w);
        return quoted.join(QStringLiteral(" AND "));
    };
    if (!firstWords.isEmpty() && !lastWords.isEmpty()) {
        QStringList firstForms;
        for (const QString& form : NameMatcher::forms(NameMatcher::root(firstWords.first())))
            firstForms << phrase(form);
        QStringList lastForms;
        for (const QString& form : NameMatcher::forms(NameMatcher::root(lastWords.first())))
            lastForms << phrase(form);
        // Same surname, first name or a nickname of it (also written the other way round).
        queries << QStringLiteral("name : (%1 AND (%2))")
                       .arg(all(lastWords), firstForms.join(QStringLiteral(" OR ")));
        queries << QStringLiteral("name : (%1 AND (%2))")
                       .arg(all(firstWords), lastForms.join(QStringLiteral(" OR ")));
        // A typo in either name: the other one exact and the first letters of this one.
        queries
            << QStringLiteral("name : (%1 AND %2*)").arg(all(lastWords), phrase(firstWords.first().left(2)));
        queries
            << QStringLiteral("name : (%1 AND %2*)").arg(all(firstWords), phrase(lastWords.first().left(3)));
    }
    if (!companyWords.isEmpty() && !lastWords.isEmpty())
        queries << QStringLiteral("company : (%1) AND name : (%2)").arg(all(companyWords), all(lastWords));
    QSet<qint64> candidates;
    Statement& search
        = m_db.cached("SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT ?");
    for (const QString& query : queries) {
        search.bind(1, query).bind(2, m_options.candidateLimit);
        while (search.step())
            candidates.insert(search.int64(0));
        search.reset();
    }
    // Who shares an identity: its whole key in the search keys (a phone's
    // international digits, an address or a handle in lower case), one range
    // of that B-tree each.
    Statement& identities = m_db.cached("SELECT kind, value FROM identities WHERE customer_id = ?"
                                        " AND kind IN ('phone', 'email', 'social')");
    identities.bind(1, customerId);
    QStringList keys;
    while (identities.step()) {
        const QString value = identities.text(1);
        keys << (identities.text(0) == QLatin1String("phone") ? value.mid(1) : value.toLower());
    }
    identities.reset();
    Statement& sharing = m_db.cached("SELECT customer_id FROM customer_search_keys WHERE key = ? LIMIT ?");
    for (const QString& key : std::as_const(keys)) {
        sharing.bind(1, key).bind(2, m_options.candidateLimit);
        while (sharing.step())
            candidates.insert(sharing.int64(0));
        sharing.reset();
    }
    candidates.remove(customerId);
    std::vector<std::pair<qint64, qint64>> pairs;
    for (const qint64 other : candidates)
        pairs.emplace_back(customerId, other);
    return explain(pairs, threshold);
}
