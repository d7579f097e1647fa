#include "CustomerSearchIndex.h"

#include "Database.h"
#include "identity/PhoneNormalizer.h"

#include <QStringList>

namespace {

// Separates a customer's keys in their FTS row; no identity contains it.
constexpr QChar kKeySeparator(0x1f);

// The keys an identity is found by, lower case. A phone is found both by its
// international digits ("393331234567", typed after "+" or "00") and by the
// digits dialled inside its own country ("3331234567", "07911123456"); an
// email also by its domain ("acme.it": everyone who writes from there).
QStringList keysOf(const QString& kind, const QString& value)
{
    static const PhoneNormalizer phones;
    if (kind == QLatin1String("phone")) {
        QStringList keys { value.mid(1) };
        const QString national = phones.nationalDigits(value);
        if (!national.isEmpty() && national != keys.constFirst())
            keys << national;
        return keys;
    }
    const QString key = value.toLower();
    const qsizetype at = key.lastIndexOf(QLatin1Char('@'));
    if (kind == QLatin1String("email") && at > 0 && at + 1 < key.size())
        return { key, key.mid(at + 1) };
    return { key };
}

// One customer as the index holds them.
struct Document
{
    qint64 customerId = 0;
    QString name, company;
    QStringList keys;
};

// The FTS row: the words to match and, unindexed, the keys written for this
// customer, so that remove() finds them again without an index by customer.
void writeDocument(Database& db, Document& doc)
{
    doc.keys.removeDuplicates();
    db.cached("INSERT INTO customer_search(rowid, name, company, keys) VALUES (?, ?, ?, ?)")
        .bind(1, doc.customerId)
        .bind(2, doc.name)
        .bind(3, doc.company)
        .bind(4, doc.keys.join(kKeySeparator))
        .run();
}

} // namespace

void CustomerSearchIndex::rebuild(Database& db)
{
    db.exec("DELETE FROM customer_search; DELETE FROM customer_search_keys;");
    // Customers come in id order, their keys in no order at all: written
    // straight into the key B-tree they would dirty a random page per row,
    // which on a million customers with a small page cache takes minutes. A
    // scratch table takes them in arrival order and one sorted insert builds
    // the B-tree page after page.
    db.exec("CREATE TEMP TABLE search_keys_load(key TEXT NOT NULL, customer_id INTEGER NOT NULL)");
    Statement& load = db.cached("INSERT INTO temp.search_keys_load(key, customer_id) VALUES (?, ?)");
    const auto write = [&db, &load](Document& doc) {
        writeDocument(db, doc);
        for (const QString& key : std::as_const(doc.keys))
            load.bind(1, key).bind(2, doc.customerId).run();
    };
    // One ordered pass over customers and their identities: constant memory
    // even for a million customers.
    Statement& rows = db.cached("SELECT c.id, c.display_name, coalesce(c.company, ''), i.kind, i.value"
                                " FROM customers c LEFT JOIN identities i ON i.customer_id = c.id"
                                " ORDER BY c.id");
    Document doc;
    while (rows.step()) {
        const qint64 id = rows.int64(0);
        if (id != doc.customerId) {
            if (doc.customerId != 0)
                write(doc);
            doc = Document { id, rows.text(1), rows.text(2), {} };
        }
        if (!rows.isNull(3))
            doc.keys << keysOf(rows.text(3), rows.text(4));
    }
    rows.reset();
    if (doc.customerId != 0)
        write(doc);
    db.exec("INSERT OR IGNORE INTO customer_search_keys(key, customer_id)"
            " SELECT key, customer_id FROM temp.search_keys_load ORDER BY key, customer_id;"
            "DROP TABLE temp.search_keys_load;");
    // One b-tree per term instead of the many segments a bulk insert leaves:
    // every later query reads fewer pages.
    db.exec("INSERT INTO customer_search(customer_search) VALUES ('optimize')");
}

void CustomerSearchIndex::update(Database& db, qint64 customerId)
{
    remove(db, customerId);
    Statement& customer = db.cached("SELECT display_name, coalesce(company, '') FROM customers WHERE id = ?");
    customer.bind(1, customerId);
    if (!customer.step()) {
        customer.reset();
        return;
    }
    Document doc { customerId, customer.text(0), customer.text(1), {} };
    customer.reset();
    Statement& identities = db.cached("SELECT kind, value FROM identities WHERE customer_id = ?");
    identities.bind(1, customerId);
    while (identities.step())
        doc.keys << keysOf(identities.text(0), identities.text(1));
    identities.reset();
    writeDocument(db, doc);
    for (const QString& key : std::as_const(doc.keys))
        db.cached("INSERT OR IGNORE INTO customer_search_keys(key, customer_id) VALUES (?, ?)")
            .bind(1, key)
            .bind(2, customerId)
            .run();
}

void CustomerSearchIndex::remove(Database& db, qint64 customerId)
{
    Statement& row = db.cached("SELECT keys FROM customer_search WHERE rowid = ?");
    row.bind(1, customerId);
    const QString keys = row.step() ? row.text(0) : QString();
    row.reset();
    for (const QString& key : keys.split(kKeySeparator, Qt::SkipEmptyParts))
        db.cached("DELETE FROM customer_search_keys WHERE key = ? AND customer_id = ?")
            .bind(1, key)
            .bind(2, customerId)
            .run();
    db.cached("DELETE FROM customer_search WHERE rowid = ?").bind(1, customerId).run();
}
