#include "CustomerSearchIndex.h"

#include "Database.h"
#include "demo/DeferredIndexes.h"
#include "identity/PhoneNormalizer.h"

#include <QStringList>

namespace {

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

void writeNames(Database& db, qint64 customerId, const QString& name, const QString& company)
{
    db.cached("INSERT INTO customer_search(rowid, name, company) VALUES (?, ?, ?)")
        .bind(1, customerId)
        .bind(2, name)
        .bind(3, company)
        .run();
}

} // namespace

void CustomerSearchIndex::rebuild(Database& db)
{
    db.exec("DELETE FROM customer_search; DELETE FROM customer_search_keys;");
    // Customers come in id order, their keys in no order at all: written
    // straight into the key B-tree (and its index by customer) they would
    // dirty a random page per row, which on a million customers with a
    // small page cache takes minutes. A scratch table takes them in arrival
    // order and one sorted insert builds the B-tree page after page.
    DeferredIndexes byCustomer(db, { QStringLiteral("customer_search_keys_by_customer") });
    db.exec("CREATE TEMP TABLE search_keys_load(key TEXT NOT NULL, customer_id INTEGER NOT NULL)");
    Statement& load = db.cached("INSERT INTO temp.search_keys_load(key, customer_id) VALUES (?, ?)");
    // One ordered pass over customers and their identities: constant memory
    // even for a million customers.
    Statement& rows = db.cached("SELECT c.id, c.display_name, coalesce(c.company, ''), i.kind, i.value"
                                " FROM customers c LEFT JOIN identities i ON i.customer_id = c.id"
                                " ORDER BY c.id");
    qint64 current = 0;
    while (rows.step()) {
        const qint64 id = rows.int64(0);
        if (id != current) {
            current = id;
            writeNames(db, id, rows.text(1), rows.text(2));
        }
        if (rows.isNull(3))
            continue;
        for (const QString& key : keysOf(rows.text(3), rows.text(4)))
            load.bind(1, key).bind(2, id).run();
    }
    rows.reset();
    db.exec("INSERT OR IGNORE INTO customer_search_keys(key, customer_id)"
            " SELECT key, customer_id FROM temp.search_keys_load ORDER BY key, customer_id;"
            "DROP TABLE temp.search_keys_load;");
    byCustomer.restore();
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
    const QString name = customer.text(0);
    const QString company = customer.text(1);
    customer.reset();
    writeNames(db, customerId, name, company);
    Statement& identities = db.cached("SELECT kind, value FROM identities WHERE customer_id = ?");
    identities.bind(1, customerId);
    QStringList keys;
    while (identities.step())
        keys << keysOf(identities.text(0), identities.text(1));
    identities.reset();
    for (const QString& key : std::as_const(keys))
        db.cached("INSERT OR IGNORE INTO customer_search_keys(key, customer_id) VALUES (?, ?)")
            .bind(1, key)
            .bind(2, customerId)
            .run();
}

void CustomerSearchIndex::remove(Database& db, qint64 customerId)
{
    db.cached("DELETE FROM customer_search WHERE rowid = ?").bind(1, customerId).run();
    db.cached("DELETE FROM customer_search_keys WHERE customer_id = ?").bind(1, customerId).run();
}
