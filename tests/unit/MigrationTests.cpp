#include "TestSupport.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QFile>
#include <catch2/catch.hpp>

TEST_CASE("A new database is created at the latest schema version", "[migrations]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("new.db")));
    CHECK(store.schemaVersion() == Migrations::latestVersion());
    CHECK(store.db().scalar("SELECT count(*) FROM schema_migrations") == Migrations::latestVersion());
}

TEST_CASE("A database of the previous version upgrades in place and keeps its data", "[migrations]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("previous.db"));
    const int previous = Migrations::latestVersion() - 1;
    const qint64 customerId = 7;
    {
        // What the previous Unisono left on disk: its schema, a customer with a chat.
        Database db(path, Database::Mode::Create);
        Migrations::apply(db, previous);
        db.exec("INSERT INTO customers(id, display_name, created_at, updated_at) VALUES (7, 'Giulia Bianchi', 1, 1);"
                "INSERT INTO interactions(id, customer_id, channel, direction, offered_at)"
                " VALUES (70, 7, 'chat', 'inbound', 10);"
                "INSERT INTO messages(interaction_id, sent_at, author, body) VALUES (70, 11, 'customer', 'Ciao');");
        REQUIRE(Migrations::currentVersion(db) == previous);
    }
    Store store(path);
    CHECK(store.schemaVersion() == Migrations::latestVersion());
    CHECK(store.customer(customerId)->displayName == QStringLiteral("Giulia Bianchi"));
    CHECK(store.db().scalar("SELECT count(*) FROM messages WHERE kind = 'message' AND body = 'Ciao'") == 1);
}

TEST_CASE("A version 1 database gains search over the customers it already had", "[migrations]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("v1.db"));
    {
        // What the first Unisono left on disk: schema 1, a customer with a phone.
        Database db(path, Database::Mode::Create);
        Migrations::apply(db, 1);
        db.exec("INSERT INTO customers(id, first_name, last_name, display_name, created_at, updated_at)"
                " VALUES (41, 'Giulia', 'Bianchi', 'Giulia Bianchi', 1, 1);"
                "INSERT INTO identities(customer_id, kind, value, source, created_at)"
                " VALUES (41, 'phone', '+393471234567', 'pbx', 1);");
        REQUIRE(Migrations::currentVersion(db) == 1);
    }

    Store store(path);
    CHECK(store.schemaVersion() == Migrations::latestVersion());
    REQUIRE(store.searchCustomers(QStringLiteral("bianc"), 0, 10).size() == 1);
    CHECK(store.searchCustomers(QStringLiteral("347 123"), 0, 10).front().id == 41);
}

TEST_CASE("Migrating twice changes nothing", "[migrations]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("twice.db"));
    { Store store(path); }
    Store again(path);
    CHECK(again.db().scalar("SELECT count(*) FROM schema_migrations") == Migrations::latestVersion());
}

TEST_CASE("A database from a newer Unisono is refused, named, and left untouched", "[migrations][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("future.db"));
    {
        Store store(path);
        store.db().exec("INSERT INTO schema_migrations VALUES (99, 'from the future', 0)");
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const QByteArray before = TestSupport::fileSha256(path);
    try {
        Store store(path);
        FAIL("a newer schema must not be opened");
    } catch (const StoreError& e) {
        CHECK(e.message().contains(path));
        CHECK(e.message().contains(QStringLiteral("newer Unisono")));
        CHECK(e.message().contains(QStringLiteral("version 99")));
    }
    CHECK(TestSupport::fileSha256(path) == before);
}

TEST_CASE("A corrupt database file is refused, named, and left untouched", "[migrations][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("corrupt.db"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x').prepend("not a database, just bytes"));
    }
    const QByteArray before = TestSupport::fileSha256(path);
    CHECK_THROWS_WITH(Store(path), Catch::Contains(path.toStdString()) && Catch::Contains("damaged"));
    CHECK(TestSupport::fileSha256(path) == before);
}

TEST_CASE("A SQLite database that is not Unisono's is refused and left untouched", "[migrations][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("other.db"));
    {
        Database db(path, Database::Mode::Create);
        db.exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('carbonara');");
    }
    const QByteArray before = TestSupport::fileSha256(path);
    CHECK_THROWS_WITH(Store(path), Catch::Contains("not a Unisono database"));
    CHECK(TestSupport::fileSha256(path) == before);
}

TEST_CASE("A database path in a missing folder gets a clear error", "[migrations][bad-input]")
{
    TestSupport::TempDir dir;
    CHECK_THROWS_WITH(Store(dir.file(QStringLiteral("no/such/folder/u.db"))),
                      Catch::Contains("folder") && Catch::Contains("does not exist"));
}

TEST_CASE("A store written by the previous Unisono (schema 3) upgrades and finds customers every new way",
          "[migrations][search]")
{
    // tests/data/store-v3-tiny.db was written by unisono-bench --size tiny --seed 1
    // at schema version 3 (commit a0e483c), untouched since: the old search
    // index with every identity as words, as agents' stores have it today.
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("v3.db"));
    REQUIRE(QFile::copy(QStringLiteral(UNISONO_TEST_DATA_DIR "/store-v3-tiny.db"), path));
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    {
        Database db(path, Database::Mode::ReadWrite);
        REQUIRE(Migrations::currentVersion(db) == 3);
    }

    Store store(path);
    CHECK(store.schemaVersion() == Migrations::latestVersion());
    // The data is what it was.
    CHECK(store.customerCount() == 60);
    CHECK(store.db().scalar("SELECT count(*) FROM identities") == 217);
    CHECK(store.db().scalar("SELECT count(*) FROM interactions") == 600);
    CHECK(store.db().scalar("SELECT count(*) FROM tickets") == 97);
    // The index is the new one, complete.
    CHECK(store.db().scalar("SELECT count(*) FROM pragma_table_info('customer_search')") == 3);
    CHECK(store.db().scalar("SELECT count(*) FROM customer_search") == 60);
    CHECK(store.db().scalar("SELECT count(DISTINCT customer_id) FROM customer_search_keys") == 60);

    const auto first = [&store](const char* typed) {
        const QList<Customer> found = store.searchCustomers(QString::fromUtf8(typed), 0, 20);
        return found.isEmpty() ? qint64(0) : found.front().id;
    };
    // Customer 7 is Lily Johnson, +44 7412 822465, lily.johnson7@gmail.com, @lily7, CRM-1000007.
    for (const char* typed : { "Lily Johnson", "07412 822465", "+44 7412 822465", "lily.johnson7@gmail.com",
             "@lily7", "CRM-1000007" }) {
        INFO(typed);
        CHECK(first(typed) == 7);
    }
    // Ticket 21 is customer 12's and interaction 21 customer 34's: both, the ticket first.
    const QList<Customer> byNumber = store.searchCustomers(QStringLiteral("21"), 0, 20);
    REQUIRE(byNumber.size() >= 2);
    CHECK(byNumber.at(0).id == 12);
    CHECK(byNumber.at(1).id == 34);
    CHECK(first("#300") == 12); // interaction 300; there is no ticket 300
}
