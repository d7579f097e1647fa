#include "TestSupport.h"
#include "demo/CheckConstraintAudit.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <catch2/catch.hpp>

namespace {

// Every CHECK expression of every domain table, by table.
QMap<QString, QStringList> checksByTable(Database& db)
{
    QMap<QString, QStringList> checks;
    Statement st(db.handle(),
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql LIKE '%CHECK%'");
    while (st.step())
        checks.insert(st.text(0), CheckConstraintAudit::checkExpressions(st.text(1)));
    return checks;
}

} // namespace

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

TEST_CASE("A version 5 store gets OR chains for its CHECK lists in place: same rows, same values allowed", "[migrations]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("v5.db"));
    QMap<QString, QStringList> before;
    {
        Database db(path, Database::Mode::Create);
        Migrations::apply(db, 5);
        db.exec("INSERT INTO customers(id, display_name, tier, created_at, updated_at) VALUES (7, 'Giulia Bianchi', 'gold', 1, 1);"
                "INSERT INTO interactions(id, customer_id, channel, direction, status, offered_at)"
                " VALUES (70, 7, 'self_service', 'inbound', 'wrap_up', 10);"
                "INSERT INTO messages(interaction_id, sent_at, author, body, kind) VALUES (70, 11, 'bot', 'Ciao', 'note');");
        before = checksByTable(db);
    }
    Store store(path);
    REQUIRE(store.schemaVersion() == Migrations::latestVersion());
    {
        Statement check(store.db().handle(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == QStringLiteral("ok"));
    }
    CHECK(store.db().scalar("SELECT count(*) FROM messages WHERE author = 'bot' AND kind = 'note'") == 1);
    CHECK(store.db().scalar("SELECT count(*) FROM interactions WHERE channel = 'self_service'") == 1);

    const QMap<QString, QStringList> after = checksByTable(store.db());
    REQUIRE(after.keys() == before.keys());
    static const QRegularExpression inList(QStringLiteral(R"(\bIN\s*\()"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression literal(QStringLiteral("'[^']*'"));
    int rewritten = 0;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QStringList& old = it.value();
        const QStringList& now = after.value(it.key());
        REQUIRE(now.size() == old.size());
        for (int i = 0; i < old.size(); ++i) {
            INFO(it.key().toStdString() << ": " << old.at(i).toStdString() << " -> " << now.at(i).toStdString());
            CHECK_FALSE(now.at(i).contains(inList));
            if (!old.at(i).contains(inList)) {
                CHECK(now.at(i) == old.at(i)); // only the lists change
                continue;
            }
            ++rewritten;
            // Same verdict as the list for every listed value, others, other case, '' and NULL.
            const QString column = old.at(i).section(QLatin1Char(' '), 0, 0);
            QStringList probes { QStringLiteral("'other'"), QStringLiteral("''"), QStringLiteral("NULL") };
            for (auto value = literal.globalMatch(old.at(i)); value.hasNext();) {
                const QString quoted = value.next().captured();
                probes << quoted << quoted.toUpper();
            }
            for (const QString& probe : probes) {
                const QString sql = QStringLiteral("SELECT (%1) IS (%2) FROM (SELECT %3 AS %4)")
                                        .arg(old.at(i), now.at(i), probe, column);
                INFO(probe.toStdString());
                CHECK(store.db().scalar(sql.toUtf8().constData()) == 1);
            }
        }
    }
    CHECK(rewritten == 14);
    // The constraints still bite, through statements prepared after the change.
    CHECK_THROWS_WITH(store.db().exec("INSERT INTO interactions(customer_id, channel, direction, offered_at)"
                                      " VALUES (7, 'pigeon', 'inbound', 1)"),
        Catch::Contains("CHECK constraint failed"));
    CHECK_NOTHROW(store.db().exec("INSERT INTO interactions(customer_id, channel, direction, offered_at)"
                                  " VALUES (7, 'forum', 'outbound', 1)"));
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
