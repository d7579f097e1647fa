#include "TestSupport.h"
#include "store/CustomerSearchIndex.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace {

qint64 addPerson(Store& store, const char* first, const char* last, const char* company = "")
{
    Customer c;
    c.firstName = QString::fromUtf8(first);
    c.lastName = QString::fromUtf8(last);
    c.company = QString::fromUtf8(company);
    return store.addCustomer(c);
}

QList<qint64> ids(const QList<Customer>& customers)
{
    QList<qint64> result;
    for (const Customer& c : customers)
        result << c.id;
    return result;
}

struct Fixture
{
    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("search.db")) };
    qint64 nicolo = addPerson(store, "Nicolò", "Esposito", "Pizzeria Da Nicolò");
    qint64 mario = addPerson(store, "Mario", "Rossi");
    qint64 maria = addPerson(store, "Maria", "Rossini");
    qint64 emily = addPerson(store, "Emily", "Clarke", "Clarke & Sons Ltd");

    Fixture()
    {
        store.addIdentity(mario, IdentityKind::Phone, QStringLiteral("333 123 4567"), QStringLiteral("pbx"));
        store.addIdentity(mario, IdentityKind::Email, QStringLiteral("mario.rossi@example.it"), QStringLiteral("crm"));
        store.addIdentity(emily, IdentityKind::Phone, QStringLiteral("+44 7911 123456"), QStringLiteral("pbx"));
        store.addIdentity(emily, IdentityKind::Social, QStringLiteral("@emily_c_uk"), QStringLiteral("social-listening"),
                          QStringLiteral("x"));
        store.addIdentity(nicolo, IdentityKind::Crm, QStringLiteral("CRM-0042"), QStringLiteral("crm"));
    }
    QList<qint64> find(const char* typed) { return ids(store.searchCustomers(QString::fromUtf8(typed), 0, 20)); }
};

} // namespace

TEST_CASE("Name prefixes find customers, most relevant first", "[search]")
{
    Fixture f;
    QList<qint64> ross = f.find("ross");
    std::sort(ross.begin(), ross.end());
    CHECK(ross == QList<qint64> { f.mario, f.maria });
    CHECK(f.find("rossi mar").size() == 2);
    CHECK(f.find("mario rossi").front() == f.mario);
    CHECK(f.find("CLARKE") == QList<qint64> { f.emily });
    CHECK(f.find("zzz").isEmpty());
}

TEST_CASE("Accents do not matter when searching names", "[search]")
{
    Fixture f;
    CHECK(f.find("nicolo") == QList<qint64> { f.nicolo });
    CHECK(f.find("Nicolò") == QList<qint64> { f.nicolo });
}

TEST_CASE("Phone numbers are found however the agent types them", "[search]")
{
    Fixture f;
    for (const char* typed : { "333 123", "3331234567", "+39 333 1234567", "0039 333 12", "+393331234567" }) {
        INFO(typed);
        CHECK(f.find(typed) == QList<qint64> { f.mario });
    }
    for (const char* typed : { "07911 123456", "+44 7911", "0044 7911 123456", "447911", "+44 (0)7911 123456" }) {
        INFO(typed);
        CHECK(f.find(typed) == QList<qint64> { f.emily });
    }
}

TEST_CASE("Email, handle, company and CRM id fragments find the customer", "[search]")
{
    Fixture f;
    CHECK(f.find("mario.rossi@ex") == QList<qint64> { f.mario });
    CHECK(f.find("@emily_c") == QList<qint64> { f.emily });
    CHECK(f.find("pizzeria") == QList<qint64> { f.nicolo });
    CHECK(f.find("crm-0042") == QList<qint64> { f.nicolo });
}

TEST_CASE("Search input that FTS5 would choke on is treated as plain text", "[search][bad-input]")
{
    Fixture f;
    for (const char* typed : { "\"", "rossi\" OR \"", "NEAR(", "*", "mario AND", "-rossi", "^", "ro:ssi", "(((" }) {
        INFO(typed);
        CHECK_NOTHROW(f.find(typed));
    }
    CHECK(f.find("\"rossi\"").size() == 2);
}

TEST_CASE("An empty query lists every customer by name", "[search]")
{
    Fixture f;
    CHECK(f.find("  ") == QList<qint64> { f.emily, f.maria, f.mario, f.nicolo });
}

TEST_CASE("Renaming a customer updates the search index after reindexing", "[search]")
{
    Fixture f;
    f.store.db().cached("UPDATE customers SET last_name = 'Verdi', display_name = 'Maria Verdi' WHERE id = ?")
        .bind(1, f.maria)
        .run();
    f.store.reindexCustomer(f.maria);
    CHECK(f.find("verdi") == QList<qint64> { f.maria });
    CHECK(f.find("rossini").isEmpty());
}

TEST_CASE("Rebuilding the index reproduces what incremental updates built", "[search]")
{
    Fixture f;
    const QList<qint64> before = f.find("ross");
    CustomerSearchIndex::rebuild(f.store.db());
    CHECK(f.find("ross") == before);
    CHECK(f.find("447911") == QList<qint64> { f.emily });
}
