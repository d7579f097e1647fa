#include "CustomerProfiles.h"

#include "NameMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <algorithm>

namespace {

// Salts keep a company and an address that happen to read alike apart.
constexpr quint64 kCompanySalt = 0x636f6d70616e79ULL;
constexpr quint64 kAddressSalt = 0x61646472657373ULL;
constexpr quint64 kMailboxSalt = 0x6d61696c626f78ULL;
constexpr quint64 kHandleSalt = 0x68616e646c65ULL;

// Legal forms say nothing about which company it is: "Rossi S.r.l." is "Rossi srl" is "Rossi".
QString companyOf(const QString& company)
{
    static const QStringList legalForms { QStringLiteral("srl"), QStringLiteral("spa"), QStringLiteral("snc"),
        QStringLiteral("sas"), QStringLiteral("srls"), QStringLiteral("ltd"), QStringLiteral("limited"),
        QStringLiteral("plc"), QStringLiteral("llp"), QStringLiteral("inc"), QStringLiteral("s"),
        QStringLiteral("r"), QStringLiteral("l"), QStringLiteral("p"), QStringLiteral("a") };
    QStringList words = NameMatcher::words(company);
    words.erase(
        std::remove_if(words.begin(), words.end(), [](const QString& w) { return legalForms.contains(w); }),
        words.end());
    return words.join(QLatin1Char(' '));
}

quint64 phoneDigits(const QString& e164)
{
    quint64 value = 0;
    int count = 0;
    for (const QChar c : e164) {
        if (c.isDigit()) {
            value = value * 10 + quint64(c.digitValue());
            ++count;
        }
    }
    return count == 0 || count > 18 ? 0 : value;
}

} // namespace

CustomerProfiles::CustomerProfiles(bool keepText)
    : m_keepText(keepText)
{
    m_names << QString();
    m_nameIds.insert(QString(), 0);
}

quint64 CustomerProfiles::hashOf(const QString& folded, quint64 salt)
{
    // FNV-1a over the UTF-16 units, then a finaliser: stable across runs and
    // machines, and 64 bits make a collision among millions of values negligible.
    quint64 h = 0xcbf29ce484222325ULL ^ salt;
    for (const QChar c : folded) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h == 0 ? 1 : h;
}

QString CustomerProfiles::mailboxOf(const QString& normalisedEmail)
{
    const qsizetype at = normalisedEmail.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return normalisedEmail;
    QString local = normalisedEmail.left(at);
    const QString domain = normalisedEmail.mid(at + 1);
    const qsizetype plus = local.indexOf(QLatin1Char('+'));
    if (plus > 0)
        local.truncate(plus);
    if (domain == QLatin1String("gmail.com") || domain == QLatin1String("googlemail.com")) {
        local.remove(QLatin1Char('.'));
        return local + QLatin1String("@gmail.com");
    }
    return local + QLatin1Char('@') + domain;
}

QString CustomerProfiles::addressOf(const QString& address, const QString& city)
{
    QStringList words = NameMatcher::words(address);
    if (words.isEmpty())
        return QString();
    const QStringList cityWords = NameMatcher::words(city);
    // Demo and most CRM addresses end with the city already; add it when they do not.
    if (!cityWords.isEmpty() && words.mid(words.size() - cityWords.size()) != cityWords)
        words += cityWords;
    return words.join(QLatin1Char(' '));
}

quint32 CustomerProfiles::intern(const QString& folded)
{
    const auto it = m_nameIds.constFind(folded);
    if (it != m_nameIds.constEnd())
        return it.value();
    const quint32 id = quint32(m_names.size());
    m_names << folded;
    m_nameIds.insert(folded, id);
    return id;
}

quint64 CustomerProfiles::remember(quint64 hash, const QString& text)
{
    if (m_keepText)
        m_texts.insert(hash, text);
    return hash;
}

void CustomerProfiles::addCustomer(qint64 id, const QString& first, const QString& last,
    const QString& display, const QString& company, const QString& address, const QString& city)
{
    QStringList firstWords;
    QStringList lastWords;
    const auto wordsOf = [this](const QString& raw) {
        // Names repeat (a million customers share some thousands of names): fold each once.
        const auto it = m_foldCache.constFind(raw);
        if (it != m_foldCache.constEnd())
            return it.value().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QStringList words = NameMatcher::words(raw);
        m_foldCache.insert(raw, words.join(QLatin1Char(' ')));
        return words;
    };
    firstWords = wordsOf(first);
    lastWords = wordsOf(last);
    if (firstWords.isEmpty() && lastWords.isEmpty()) {
        // Only a display name: its first word is the first name.
        lastWords = wordsOf(display);
        if (!lastWords.isEmpty())
            firstWords << lastWords.takeFirst();
    }
    Profile p;
    p.id = id;
    p.first = intern(firstWords.join(QString()));
    p.last = intern(lastWords.join(QString()));
    p.firstRoot = firstWords.isEmpty() ? 0 : intern(NameMatcher::root(firstWords.first()));
    p.lastRoot = lastWords.isEmpty() ? 0 : intern(NameMatcher::root(lastWords.first()));
    const QString companyKey = company.isEmpty() ? QString() : companyOf(company);
    if (!companyKey.isEmpty())
        p.company = remember(hashOf(companyKey, kCompanySalt), company);
    const QString addressKey = addressOf(address, city);
    if (!addressKey.isEmpty())
        p.address = remember(hashOf(addressKey, kAddressSalt), address);
    if (m_keepText)
        m_displayNames.insert(id, display);
    m_profiles.push_back(p);
}

void CustomerProfiles::addIdentity(
    std::vector<std::pair<quint32, Key>>& keys, quint32 index, const QString& kind, const QString& value)
{
    Key key;
    if (kind == QLatin1String("phone")) {
        key.kind = KeyKind::Phone;
        key.value = phoneDigits(value);
    } else if (kind == QLatin1String("email")) {
        key.kind = KeyKind::Mailbox;
        const QString mailbox = mailboxOf(value);
        key.value = remember(hashOf(mailbox, kMailboxSalt), mailbox);
    } else if (kind == QLatin1String("social")) {
        // The network is left out on purpose: the same handle on two networks is one person, usually.
        key.kind = KeyKind::Handle;
        key.value = remember(hashOf(value, kHandleSalt), value);
    } else {
        return; // CRM and chat ids are one system's own: they never repeat across records
    }
    if (key.value != 0)
        keys.emplace_back(index, key);
}

void CustomerProfiles::finishKeys(std::vector<std::pair<quint32, Key>>& keys)
{
    std::stable_sort(
        keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    m_keys.clear();
    m_keys.reserve(keys.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < m_profiles.size(); ++i) {
        m_profiles[i].keysBegin = quint32(m_keys.size());
        for (; k < keys.size() && keys[k].first == i; ++k) {
            // One customer may hold the same mailbox twice (dots, tags): keep it once.
            const Key& key = keys[k].second;
            const bool seen = std::any_of(m_keys.begin() + m_profiles[i].keysBegin, m_keys.end(),
                [&key](const Key& other) { return other.kind == key.kind && other.value == key.value; });
            if (!seen)
                m_keys.push_back(key);
        }
        m_profiles[i].keysEnd = quint32(m_keys.size());
    }
    m_sortedIds.resize(m_profiles.size());
    m_sortedIndex.resize(m_profiles.size());
    std::vector<quint32> order(m_profiles.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = quint32(i);
    std::sort(order.begin(), order.end(),
        [this](quint32 a, quint32 b) { return m_profiles[a].id < m_profiles[b].id; });
    for (std::size_t i = 0; i < order.size(); ++i) {
        m_sortedIds[i] = m_profiles[order[i]].id;
        m_sortedIndex[i] = order[i];
    }
}

qsizetype CustomerProfiles::indexOf(qint64 customerId) const
{
    const auto it = std::lower_bound(m_sortedIds.begin(), m_sortedIds.end(), customerId);
    if (it == m_sortedIds.end() || *it != customerId)
        return -1;
    return qsizetype(m_sortedIndex[std::size_t(it - m_sortedIds.begin())]);
}

void CustomerProfiles::loadAll(Database& db)
{
    m_profiles.clear();
    m_profiles.reserve(std::size_t(db.scalar("SELECT count(*) FROM customers")));
    Statement& customers = db.cached("SELECT id, first_name, last_name, display_name, coalesce(company, ''),"
                                     " coalesce(address, ''), coalesce(city, '') FROM customers ORDER BY id");
    while (customers.step())
        addCustomer(customers.int64(0), customers.text(1), customers.text(2), customers.text(3),
            customers.text(4), customers.text(5), customers.text(6));
    customers.reset();
    // Profiles are in id order here, so m_sortedIds is just the ids.
    m_sortedIds.resize(m_profiles.size());
    for (std::size_t i = 0; i < m_profiles.size(); ++i)
        m_sortedIds[i] = m_profiles[i].id;

    std::vector<std::pair<quint32, Key>> keys;
    keys.reserve(m_profiles.size() * 3);
    Statement& identities = db.cached("SELECT customer_id, kind, value FROM identities"
                                      " WHERE kind IN ('phone', 'email', 'social')");
    while (identities.step()) {
        const auto it = std::lower_bound(m_sortedIds.begin(), m_sortedIds.end(), identities.int64(0));
        if (it != m_sortedIds.end() && *it == identities.int64(0))
            addIdentity(keys, quint32(it - m_sortedIds.begin()), identities.text(1), identities.text(2));
    }
    identities.reset();
    finishKeys(keys);
    m_foldCache.clear();
}

void CustomerProfiles::load(Database& db, const std::vector<qint64>& ids)
{
    m_profiles.clear();
    std::vector<std::pair<quint32, Key>> keys;
    Statement& customer = db.cached("SELECT id, first_name, last_name, display_name, coalesce(company, ''),"
                                    " coalesce(address, ''), coalesce(city, '') FROM customers WHERE id = ?");
    Statement& identities = db.cached("SELECT kind, value FROM identities WHERE customer_id = ?"
                                      " AND kind IN ('phone', 'email', 'social')");
    for (const qint64 id : ids) {
        customer.bind(1, id);
        if (customer.step()) {
            addCustomer(customer.int64(0), customer.text(1), customer.text(2), customer.text(3),
                customer.text(4), customer.text(5), customer.text(6));
            identities.bind(1, id);
            while (identities.step())
                addIdentity(keys, quint32(m_profiles.size() - 1), identities.text(0), identities.text(1));
            identities.reset();
        }
        customer.reset();
    }
    finishKeys(keys);
}
