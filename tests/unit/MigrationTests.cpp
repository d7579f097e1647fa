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
