#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

class Database;

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

    // Every customer in the store, in id order: one pass over customers and one over identities.
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
    void addCustomer(qint64 id, const QString& first, const QString& last, const QString& display,
        const QString& company, const QString& address, const QString& city);
    void addIdentity(
        std::vector<std::pair<quint32, Key>>& keys, quint32 index, const QString& kind, const QString& value);
    void finishKeys(std::vector<std::pair<quint32, Key>>& keys);
    quint32 intern(const QString& folded);
    quint64 remember(quint64 hash, const QString& text);

    bool m_keepText;
    std::vector<Profile> m_profiles;
    std::vector<qint64> m_sortedIds; // ids ascending, with their profile index
    std::vector<quint32> m_sortedIndex;
    std::vector<Key> m_keys;
    QStringList m_names; // pool; id 0 is the empty name
    QHash<QString, quint32> m_nameIds;
    QHash<QString, QString> m_foldCache; // raw name -> folded: names repeat a lot
    QHash<quint64, QString> m_texts;
    QHash<qint64, QString> m_displayNames;
};
