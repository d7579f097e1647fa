#include "CustomerProfiles.h"

#include "NameMatcher.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QByteArray>
#include <QScopeGuard>
#include <algorithm>
#include <exception>
#include <sqlite3.h>
#include <string_view>
#include <thread>

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

quint64 phoneDigits(QByteArrayView e164)
{
    // Normalised phones are ASCII (E.164): their digits are bytes.
    quint64 value = 0;
    int count = 0;
    for (const char c : e164) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + quint64(c - '0');
            ++count;
        }
    }
    return count == 0 || count > 18 ? 0 : value;
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}

// FNV-1a over UTF-16 units, then a finaliser (CustomerProfiles::hashOf). An
// ASCII byte is its own UTF-16 unit, so bytes and QString hash alike.
template <typename Unit, typename Range>
quint64 fnv(const Range& units, quint64 salt)
{
    quint64 h = 0xcbf29ce484222325ULL ^ salt;
    for (const auto c : units) {
        h ^= quint64(Unit(c));
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h == 0 ? 1 : h;
}

quint64 hashOfAscii(QByteArrayView folded, quint64 salt)
{
    return fnv<uchar>(folded, salt);
}

// NameMatcher::words for ASCII text, straight from the bytes: letters and
// digits lowered, apostrophes dropped ("D'Angelo" is one word), anything
// else separates. Appends the words to `out` joined by single spaces and
// returns how many there were.
int appendAsciiWords(QByteArrayView text, QByteArray& out)
{
    int count = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (letter || upper) {
            if (!inWord) {
                if (count > 0)
                    out.append(' ');
                ++count;
                inWord = true;
            }
            out.append(upper ? char(c - 'A' + 'a') : c);
        } else if (c != '\'') {
            inWord = false;
        }
    }
    return count;
}

// CustomerProfiles::mailboxOf for an ASCII address, into `out`.
void asciiMailbox(QByteArrayView email, QByteArray& out)
{
    out.clear();
    const qsizetype at = email.lastIndexOf('@');
    if (at <= 0) {
        out.append(email.data(), email.size());
        return;
    }
    QByteArrayView local = email.first(at);
    const QByteArrayView domain = email.sliced(at + 1);
    const qsizetype plus = local.indexOf('+');
    if (plus > 0)
        local = local.first(plus);
    if (domain == "gmail.com" || domain == "googlemail.com") {
        for (const char c : local) {
            if (c != '.')
                out.append(c);
        }
        out.append("@gmail.com");
        return;
    }
    out.append(local.data(), local.size());
    out.append('@');
    out.append(domain.data(), domain.size());
}

// A key equal to a stored copy of `bytes` for QHash lookups, without copying.
QByteArray probe(QByteArrayView bytes)
{
    return QByteArray::fromRawData(bytes.data(), bytes.size());
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
    return fnv<char16_t>(std::u16string_view(QStringView(folded).utf16(), std::size_t(folded.size())), salt);
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

CustomerProfiles::NameIds CustomerProfiles::nameIds(QByteArrayView raw)
{
    // Names repeat (a million customers share some thousands of names): fold each once.
    const auto it = m_nameCache.constFind(probe(raw));
    if (it != m_nameCache.constEnd())
        return it.value();
    const QStringList words = NameMatcher::words(QString::fromUtf8(raw));
    const NameIds ids { intern(words.join(QString())), words.isEmpty() ? 0 : intern(NameMatcher::root(words.first())) };
    m_nameCache.insert(QByteArray(raw.data(), raw.size()), ids);
    return ids;
}

void CustomerProfiles::addCustomer(const Statement& row)
{
    Profile p;
    p.id = row.int64(0);
    NameIds first = nameIds(row.utf8(1));
    NameIds last = nameIds(row.utf8(2));
    if (first.joined == 0 && last.joined == 0) {
        // Only a display name: its first word is the first name.
        QStringList words = NameMatcher::words(row.text(3));
        if (!words.isEmpty()) {
            const QString firstWord = words.takeFirst();
            first = { intern(firstWord), intern(NameMatcher::root(firstWord)) };
            last = { intern(words.join(QString())), words.isEmpty() ? 0 : intern(NameMatcher::root(words.first())) };
        }
    }
    p.first = first.joined;
    p.firstRoot = first.root;
    p.last = last.joined;
    p.lastRoot = last.root;

    const QByteArrayView company = row.utf8(4);
    if (!company.isEmpty()) {
        auto it = m_companyKeys.constFind(probe(company));
        if (it == m_companyKeys.constEnd()) {
            const QString key = companyOf(QString::fromUtf8(company));
            it = m_companyKeys.insert(
                QByteArray(company.data(), company.size()), key.isEmpty() ? 0 : hashOf(key, kCompanySalt));
        }
        p.company = it.value();
        if (p.company && m_keepText)
            m_texts.insert(p.company, QString::fromUtf8(company));
    }

    // Addresses are nearly all different: fold ASCII ones straight from the bytes.
    const QByteArrayView address = row.utf8(5);
    const QByteArrayView city = row.utf8(6);
    if (!address.isEmpty()) {
        if (isAscii(address) && isAscii(city)) {
            m_scratch.clear();
            if (appendAsciiWords(address, m_scratch) > 0) {
                m_cityScratch.clear();
                // Demo and most CRM addresses end with the city already; add it when they do not.
                if (appendAsciiWords(city, m_cityScratch) > 0
                    && !(m_scratch.endsWith(m_cityScratch)
                        && (m_scratch.size() == m_cityScratch.size()
                            || m_scratch.at(m_scratch.size() - m_cityScratch.size() - 1) == ' '))) {
                    m_scratch.append(' ');
                    m_scratch.append(m_cityScratch);
                }
                p.address = hashOfAscii(m_scratch, kAddressSalt);
            }
        } else {
            const QString key = addressOf(QString::fromUtf8(address), QString::fromUtf8(city));
            if (!key.isEmpty())
                p.address = hashOf(key, kAddressSalt);
        }
        if (p.address && m_keepText)
            m_texts.insert(p.address, QString::fromUtf8(address));
    }
    if (m_keepText)
        m_displayNames.insert(p.id, row.text(3));
    m_profiles.push_back(p);
}

CustomerProfiles::Key CustomerProfiles::identityKey(
    QByteArrayView kind, QByteArrayView value, QByteArray& scratch, QHash<quint64, QString>* texts)
{
    Key key;
    if (kind == "phone") {
        key.kind = KeyKind::Phone;
        key.value = phoneDigits(value);
    } else if (kind == "email") {
        key.kind = KeyKind::Mailbox;
        if (isAscii(value)) {
            asciiMailbox(value, scratch);
            key.value = hashOfAscii(scratch, kMailboxSalt);
        } else {
            key.value = hashOf(mailboxOf(QString::fromUtf8(value)), kMailboxSalt);
        }
        if (texts)
            texts->insert(key.value, mailboxOf(QString::fromUtf8(value)));
    } else if (kind == "social") {
        // The network is left out on purpose: the same handle on two networks is one person, usually.
        key.kind = KeyKind::Handle;
        key.value = isAscii(value) ? hashOfAscii(value, kHandleSalt) : hashOf(QString::fromUtf8(value), kHandleSalt);
        if (texts)
            texts->insert(key.value, QString::fromUtf8(value));
    }
    // CRM and chat ids are one system's own: they never repeat across records (value 0: no key).
    return key;
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

void CustomerProfiles::readIdentities(sqlite3* connection, std::vector<std::pair<qint64, Key>>& out,
    QHash<quint64, QString>* texts)
{
    Statement identities(connection, "SELECT customer_id, kind, value FROM identities"
                                     " WHERE kind IN ('phone', 'email', 'social')");
    QByteArray scratch;
    while (identities.step()) {
        const Key key = identityKey(identities.utf8(1), identities.utf8(2), scratch, texts);
        if (key.value != 0)
            out.emplace_back(identities.int64(0), key);
    }
}

void CustomerProfiles::loadAll(Database& db)
{
    m_profiles.clear();
    m_profiles.reserve(std::size_t(db.scalar("SELECT count(*) FROM customers")));

    // Identities are read on a second thread with its own read-only
    // connection while this one reads customers (one connection per thread);
    // a database only this connection can see (in memory, or with writes not
    // yet committed) is read here, one table after the other.
    std::vector<std::pair<qint64, Key>> identities;
    sqlite3* second = nullptr;
    const char* file = sqlite3_db_filename(db.handle(), "main");
    if (!m_keepText && file && *file && sqlite3_get_autocommit(db.handle())
        && sqlite3_open_v2(file, &second, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(second);
        second = nullptr;
    }
    if (second) {
        // Mapped, the pages are read where the page cache holds them, not copied in (the table is large).
        sqlite3_exec(second, "PRAGMA mmap_size = 8589934592", nullptr, nullptr, nullptr);
    }
    std::exception_ptr failure;
    std::thread reader;
    if (second) {
        reader = std::thread([&] {
            try {
                readIdentities(second, identities, nullptr);
            } catch (...) {
                failure = std::current_exception();
            }
        });
    }
    // Joined and closed however this thread leaves (a failed read throws).
    const auto finish = qScopeGuard([&] {
        if (reader.joinable())
            reader.join();
        sqlite3_close(second);
    });

    Statement& customers = db.cached("SELECT id, first_name, last_name, display_name, coalesce(company, ''),"
                                     " coalesce(address, ''), coalesce(city, '') FROM customers ORDER BY id");
    while (customers.step())
        addCustomer(customers);
    customers.reset();
    // Profiles are in id order here, so m_sortedIds is just the ids.
    m_sortedIds.resize(m_profiles.size());
    for (std::size_t i = 0; i < m_profiles.size(); ++i)
        m_sortedIds[i] = m_profiles[i].id;

    if (second) {
        reader.join();
        if (failure)
            std::rethrow_exception(failure);
    } else {
        readIdentities(db.handle(), identities, m_keepText ? &m_texts : nullptr);
    }
    std::vector<std::pair<quint32, Key>> keys;
    keys.reserve(identities.size());
    for (const auto& [customerId, key] : identities) {
        const auto it = std::lower_bound(m_sortedIds.begin(), m_sortedIds.end(), customerId);
        if (it != m_sortedIds.end() && *it == customerId)
            keys.emplace_back(quint32(it - m_sortedIds.begin()), key);
    }
    finishKeys(keys);
    m_nameCache.clear();
    m_companyKeys.clear();
}

void CustomerProfiles::load(Database& db, const std::vector<qint64>& ids)
{
    m_profiles.clear();
    std::vector<std::pair<quint32, Key>> keys;
    Statement& customer = db.cached("SELECT id, first_name, last_name, display_name, coalesce(company, ''),"
                                    " coalesce(address, ''), coalesce(city, '') FROM customers WHERE id = ?");
    Statement& identities = db.cached("SELECT kind, value FROM identities WHERE customer_id = ?"
                                      " AND kind IN ('phone', 'email', 'social')");
    QByteArray scratch;
    for (const qint64 id : ids) {
        customer.bind(1, id);
        if (customer.step()) {
            addCustomer(customer);
            identities.bind(1, id);
            while (identities.step()) {
                const Key key = identityKey(identities.utf8(0), identities.utf8(1), scratch, m_keepText ? &m_texts : nullptr);
                if (key.value != 0)
                    keys.emplace_back(quint32(m_profiles.size() - 1), key);
            }
            identities.reset();
        }
        customer.reset();
    }
    finishKeys(keys);
    m_nameCache.clear();
    m_companyKeys.clear();
}
