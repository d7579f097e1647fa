#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

class Database;
class Statement;
struct sqlite3;

// What the duplicate finder knows about each customer, compactly enough that a
// million fit in memory at once: names as ids into a pool of folded names,
// everything else (company, address, identities) as 64-bit keys that are
// equal exactly when the normalised values are. With keepText the readable
// values are kept beside the keys, for explaining a handful of pairs.
class CustomerProfiles
{
public:
    enum class KeyKind : quint8 { Phone, Mailbox, Handle };
    struct Key
    {
        quint64 value = 0; // phones: the E.164 digits as a number; others: a hash
        KeyKind kind = KeyKind::Phone;
    };
    struct Profile
    {
        qint64 id = 0;
        quint32 first = 0; // pool ids of the folded first and last names; 0: none
        quint32 last = 0;
        quint32 firstRoot = 0; // the first word's nickname root ("beppe" -> "giuseppe")
        quint32 lastRoot = 0; // the same for the last name, for names written the other way round
        quint64 company = 0; // 0: none
        quint64 address = 0; // street address and city, folded; 0: none
        quint32 keysBegin = 0;
        quint32 keysEnd = 0;
    };

    explicit CustomerProfiles(bool keepText = false);

    // Every customer in the store, in id order: one pass over customers and,
    // at the same time on a second thread, one over identities.
    void loadAll(Database& db);
    // Only these customers (missing ids are skipped), in the order given.
    void load(Database& db, const std::vector<qint64>& ids);

    qsizetype size() const { return qsizetype(m_profiles.size()); }
    const Profile& at(qsizetype index) const { return m_profiles[std::size_t(index)]; }
    // -1 when the customer is not loaded.
    qsizetype indexOf(qint64 customerId) const;
    const Key* keysBegin(const Profile& p) const { return m_keys.data() + p.keysBegin; }
    const Key* keysEnd(const Profile& p) const { return m_keys.data() + p.keysEnd; }
    const QString& name(quint32 poolId) const { return m_names[poolId]; }
    // The readable value behind a key or company/address hash (keepText only; else empty).
    QString text(quint64 hash) const { return m_texts.value(hash); }
    // The customer's name as stored (keepText only; else empty).
    QString displayName(qint64 customerId) const { return m_displayNames.value(customerId); }

    // The keys' definitions, shared with whoever builds them from other data.
    static quint64 hashOf(const QString& folded, quint64 salt);
    // "mario.rossi+news@gmail.com" -> "mariorossi@gmail.com": the mailbox the
    // address delivers to (tags dropped; dots ignored where Gmail ignores them).
    static QString mailboxOf(const QString& normalisedEmail);
    // Street address and city folded to words: "Via Roma, 12" == "via roma 12".
    static QString addressOf(const QString& address, const QString& city);

private:
    struct NameIds
    {
        quint32 joined = 0; // pool id of the folded words joined; 0: no words
        quint32 root = 0; // pool id of the first word's nickname root
    };
    NameIds nameIds(QByteArrayView raw);
    // One row of (id, first_name, last_name, display_name, company, address, city).
    void addCustomer(const Statement& row);
    // The key of an identity row; value 0 for kinds that are not compared.
    // texts (keepText) receives the readable value. Touches no member, so
    // another thread may call it.
    static Key identityKey(
        QByteArrayView kind, QByteArrayView value, QByteArray& scratch, QHash<quint64, QString>* texts);
    static void readIdentities(
        sqlite3* connection, std::vector<std::pair<qint64, Key>>& out, QHash<quint64, QString>* texts);
    void finishKeys(std::vector<std::pair<quint32, Key>>& keys);
    quint32 intern(const QString& folded);

    bool m_keepText;
    std::vector<Profile> m_profiles;
    std::vector<qint64> m_sortedIds; // ids ascending, with their profile index
    std::vector<quint32> m_sortedIndex;
    std::vector<Key> m_keys;
    QStringList m_names; // pool; id 0 is the empty name
    QHash<QString, quint32> m_nameIds;
    // While loading: raw UTF-8 name or company -> what it folds to (they repeat a lot).
    QHash<QByteArray, NameIds> m_nameCache;
    QHash<QByteArray, quint64> m_companyKeys;
    QByteArray m_scratch;
    QByteArray m_cityScratch;
    QHash<quint64, QString> m_texts;
    QHash<qint64, QString> m_displayNames;
};
