// ChangeApplier against a real local store: pages in one transaction with
// the cursor, idempotent replays, tombstones, malformed pages writing nothing.
#include "TestSupport.h"
#include "store/Store.h"
#include "sync/ChangeApplier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

namespace {

QJsonObject customer(qint64 id, const QString& name, qint64 version)
{
    return QJsonObject { { "id", id }, { "firstName", name }, { "lastName", "Rossi" }, { "displayName", name + " Rossi" },
        { "company", QJsonValue::Null }, { "language", "it" }, { "tier", "gold" }, { "vip", true },
        { "lifetimeValue", 12.5 }, { "city", "Milano" }, { "address", QJsonValue::Null }, { "country", "IT" },
        { "consentMarketing", false }, { "consentRecording", true }, { "consentProfiling", false },
        { "crmFields", QJsonObject { { "segment", "b2c" } } }, { "createdAt", 1700000000 }, { "updatedAt", 1700000000 },
        { "version", version } };
}

QJsonObject identity(qint64 id, qint64 customerId, const QString& email)
{
    return QJsonObject { { "id", id }, { "customerId", customerId }, { "kind", "email" }, { "network", "" },
        { "value", email }, { "rawValue", email }, { "source", "crm" }, { "verified", true },
        { "createdAt", 1700000000 } };
}

QJsonObject upsert(qint64 seq, const QString& entity, const QJsonObject& data)
{
    return QJsonObject { { "seq", seq }, { "entity", entity }, { "id", data.value("id") }, { "op", "upsert" },
        { "data", data }, { "changedAt", 1700000000 } };
}

QJsonObject tombstone(qint64 seq, const QString& entity, qint64 id)
{
    return QJsonObject { { "seq", seq }, { "entity", entity }, { "id", id }, { "op", "delete" },
        { "data", QJsonValue::Null }, { "changedAt", 1700000000 } };
}

QByteArray page(const QJsonArray& changes, qint64 next, bool more = false)
{
    return QJsonDocument(QJsonObject { { "changes", changes }, { "next", next }, { "more", more } }).toJson();
}

qint64 count(Store& store, const char* sql) { return store.db().scalar(sql); }

} // namespace

TEST_CASE("ChangeApplier: a page lands with its cursor, children before parents allowed", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    // The identity comes before its customer: foreign keys are checked at commit.
    const auto result = applier.applyPage(page(
        { upsert(1, "identity", identity(10, 1, "maria@example.com")), upsert(2, "customer", customer(1, "Maria", 1)) }, 2));
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.applied == 2);
    CHECK(result.cursor == 2);
    CHECK(result.customerIds == QSet<qint64> { 1 });
    CHECK(ChangeApplier::storedCursor(store.db()) == 2);
    const auto maria = store.customer(1);
    REQUIRE(maria);
    CHECK(maria->vip);
    CHECK(maria->crmFields == QStringLiteral("{\"segment\":\"b2c\"}"));
    CHECK(store.searchCustomers(QStringLiteral("maria@exa"), 0, 10).size() == 1);
}

TEST_CASE("ChangeApplier: replays are harmless and older versions never win", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Anna", 3)) }, 1)).ok);
    // The same page again, then an older state of the same customer.
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Anna", 3)) }, 1)).ok);
    const auto older = applier.applyPage(page({ upsert(2, "customer", customer(1, "Old", 2)) }, 2));
    REQUIRE(older.ok);
    CHECK(older.skipped == 1);
    CHECK(store.customer(1)->firstName == QStringLiteral("Anna"));
    REQUIRE(applier.applyPage(page({ upsert(3, "customer", customer(1, "Anne", 4)) }, 3)).ok);
    CHECK(store.customer(1)->firstName == QStringLiteral("Anne"));
    CHECK(count(store, "SELECT count(*) FROM customers") == 1);
    CHECK(store.searchCustomers(QStringLiteral("anne"), 0, 10).size() == 1);
    CHECK(store.searchCustomers(QStringLiteral("anna"), 0, 10).isEmpty());
}

TEST_CASE("ChangeApplier: a malformed page writes nothing", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Anna", 1)) }, 1)).ok);

    QJsonObject wrongType = customer(2, "Bruno", 1);
    wrongType["displayName"] = 5;
    QJsonObject missing = customer(3, "Carla", 1);
    missing.remove("tier");
    QJsonObject nullName = customer(4, "Dario", 1);
    nullName["displayName"] = QJsonValue::Null;
    QJsonObject fractional = customer(5, "Elena", 1);
    fractional["createdAt"] = 1.5;
    QJsonObject checkFails = customer(6, "Fabio", 1);
    checkFails["tier"] = "diamond"; // the store's CHECK constraint refuses it at write time
    const QList<QByteArray> bad {
        QByteArray("{\"changes\": [ {\"seq\": 2, "), // truncated
        QByteArray("<html><body>502 Bad Gateway</body></html>"),
        QByteArray("[]"),
        QByteArray("{\"changes\": {}, \"next\": 2, \"more\": false}"),
        QByteArray("{\"changes\": [], \"next\": \"2\", \"more\": false}"),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), upsert(3, "customer", wrongType) }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), upsert(3, "customer", missing) }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), upsert(3, "customer", nullName) }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), upsert(3, "customer", fractional) }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), upsert(3, "customer", checkFails) }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), QJsonObject { { "seq", 3 }, { "entity", "customer" }, { "id", 9 }, { "op", "merge" } } }, 3),
        page({ upsert(2, "customer", customer(2, "Bruno", 1)), QJsonObject { { "seq", 3 }, { "entity", "customer" }, { "id", 7 }, { "op", "upsert" }, { "data", customer(8, "X", 1) } } }, 3),
        page({ upsert(5, "customer", customer(2, "Bruno", 1)) }, 4), // next below its last change
    };
    for (const QByteArray& body : bad) {
        const auto result = applier.applyPage(body);
        INFO(body.toStdString());
        CHECK_FALSE(result.ok);
        CHECK_FALSE(result.error.isEmpty());
        CHECK(count(store, "SELECT count(*) FROM customers") == 1);
        CHECK(count(store, "SELECT count(*) FROM identities") == 0);
        CHECK(ChangeApplier::storedCursor(store.db()) == 1);
    }
    // And the store still takes a good page afterwards.
    CHECK(applier.applyPage(page({ upsert(2, "customer", customer(2, "Bruno", 1)) }, 2)).ok);
}

TEST_CASE("ChangeApplier: unknown fields and entities from a newer hub are ignored", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    QJsonObject newer = customer(1, "Anna", 1);
    newer["loyaltyPoints"] = 120;
    const auto result = applier.applyPage(page({ upsert(1, "customer", newer),
        QJsonObject { { "seq", 2 }, { "entity", "hologram" }, { "id", 1 }, { "op", "upsert" }, { "data", QJsonObject {} } } }, 2));
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.skipped == 1);
    CHECK(store.customer(1));
}

TEST_CASE("ChangeApplier: erasing a customer removes every trace", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Gina", 1)),
                                        upsert(2, "identity", identity(10, 1, "gina@example.com")),
                                        upsert(3, "customer", customer(2, "Ugo", 1)) },
                                  3))
                .ok);
    REQUIRE(store.searchCustomers(QStringLiteral("gina"), 0, 10).size() == 1);
    const auto result = applier.applyPage(page({ tombstone(4, "customer", 1), tombstone(5, "identity", 10) }, 5));
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.customerIds.contains(1));
    CHECK_FALSE(store.customer(1));
    CHECK(count(store, "SELECT count(*) FROM identities") == 0);
    CHECK(count(store, "SELECT count(*) FROM customer_search WHERE rowid = 1") == 0);
    CHECK(store.searchCustomers(QStringLiteral("gina"), 0, 10).isEmpty());
    CHECK(store.searchCustomers(QStringLiteral("ugo"), 0, 10).size() == 1);
}

TEST_CASE("ChangeApplier: a full resync removes what the backend no longer has, also after a restart", "[applier]")
{
    TestSupport::TempDir dir;
    {
        Store store(dir.file("local.db"));
        ChangeApplier applier(store.db());
        REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Gina", 1)),
                                            upsert(2, "identity", identity(10, 1, "gina@example.com")),
                                            upsert(3, "customer", customer(2, "Ugo", 1)) },
                                      3))
                    .ok);
        store.db().exec("INSERT INTO outbox(idempotency_key, entity_kind, entity_id, command, payload, created_at) "
                        "VALUES ('k', 'interaction', '1', 'note', '{}', 0)");
        applier.beginResync();
        REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(2, "Ugo", 1)) }, 1, true)).ok);
        // The process dies here.
    }
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    CHECK(applier.isResyncing());
    CHECK(ChangeApplier::storedCursor(store.db()) == 0);
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(2, "Ugo", 1)) }, 1, true)).ok);
    CHECK(store.customer(1)); // not swept before the last page
    const auto last = applier.applyPage(page({ upsert(7, "customer", customer(3, "Vera", 1)) }, 7, false));
    INFO(last.error.toStdString());
    REQUIRE(last.ok);
    CHECK_FALSE(applier.isResyncing());
    CHECK_FALSE(store.customer(1));
    CHECK(store.customer(2));
    CHECK(store.customer(3));
    CHECK(count(store, "SELECT count(*) FROM identities") == 0);
    CHECK(store.searchCustomers(QStringLiteral("gina"), 0, 10).isEmpty());
    CHECK(count(store, "SELECT count(*) FROM outbox") == 1);
}

TEST_CASE("ChangeApplier: a first sync builds the search index at its last page, also after a restart", "[applier]")
{
    TestSupport::TempDir dir;
    {
        Store store(dir.file("local.db"));
        ChangeApplier applier(store.db());
        REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Gina", 1)) }, 1, true)).ok);
        CHECK(count(store, "SELECT count(*) FROM customer_search") == 0);
        CHECK(ChangeApplier::stateValue(store.db(), "search_deferred") == QStringLiteral("1"));
        // The process dies here.
    }
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ upsert(2, "identity", identity(10, 1, "gina@example.com")),
                                       upsert(3, "customer", customer(2, "Ugo", 1)) },
                                  3, true))
                .ok);
    CHECK(count(store, "SELECT count(*) FROM customer_search") == 0);
    const auto last = applier.applyPage(page({ upsert(4, "customer", customer(3, "Vera", 1)) }, 4, false));
    INFO(last.error.toStdString());
    REQUIRE(last.ok);
    CHECK(ChangeApplier::stateValue(store.db(), "search_deferred") == QStringLiteral("0"));
    CHECK(count(store, "SELECT count(*) FROM customer_search") == 3);
    CHECK(store.searchCustomers(QStringLiteral("gina@example.com"), 0, 10).size() == 1);
    CHECK(store.searchCustomers(QStringLiteral("vera"), 0, 10).size() == 1);
    // From now on each page keeps the index up to date itself.
    REQUIRE(applier.applyPage(page({ upsert(5, "customer", customer(4, "Zeno", 1)) }, 5, true)).ok);
    CHECK(store.searchCustomers(QStringLiteral("zeno"), 0, 10).size() == 1);
}

TEST_CASE("ChangeApplier: a compacted feed may send a parent pages after its child", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    // The customer's early change was pruned; its latest one comes later.
    auto result = applier.applyPage(page({ upsert(5, "identity", identity(10, 1, "maria@example.com")) }, 5, true));
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    result = applier.applyPage(page({ upsert(9, "customer", customer(1, "Maria", 3)) }, 9));
    REQUIRE(result.ok);
    CHECK(count(store, "SELECT count(*) FROM identities WHERE customer_id = 1") == 1);
    CHECK(count(store, "PRAGMA foreign_key_check") == 0);
    CHECK(store.searchCustomers(QStringLiteral("maria@exa"), 0, 10).size() == 1);
}

TEST_CASE("ChangeApplier: at the head, what refers to a row the backend no longer sends goes as ON DELETE says",
    "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    // Before the head, a child of a parent that never comes is kept for now...
    REQUIRE(applier.applyPage(page({ upsert(2, "identity", identity(11, 99, "orphan@example.com")) }, 2, true)).ok);
    CHECK(count(store, "SELECT count(*) FROM identities") == 1);
    // ...and the page that reaches the head removes it (identities cascade).
    const auto result = applier.applyPage(page({ upsert(3, "customer", customer(1, "Maria", 1)) }, 3));
    REQUIRE(result.ok);
    CHECK(count(store, "SELECT count(*) FROM identities") == 0);
    CHECK(count(store, "PRAGMA foreign_key_check") == 0);
    // At the head a dangling child is not written at all, and the cursor moves on.
    const auto orphan = applier.applyPage(page({ upsert(4, "identity", identity(12, 98, "x@example.com")) }, 4));
    REQUIRE(orphan.ok);
    CHECK(orphan.skipped == 1);
    CHECK(count(store, "SELECT count(*) FROM identities") == 0);
    CHECK(ChangeApplier::storedCursor(store.db()) == 4);
}

TEST_CASE("ChangeApplier: an identity value that moved to another row replaces the row that held it", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    REQUIRE(applier.applyPage(page({ upsert(1, "customer", customer(1, "Gina", 1)), upsert(2, "customer", customer(2, "Ugo", 1)),
                                        upsert(3, "identity", identity(10, 1, "shared@example.com")),
                                        upsert(4, "identity", identity(11, 2, "ugo@example.com")) },
                                  4))
                .ok);
    // While our cursor was stale the address moved from identity 10 to 11.
    const auto moved = applier.applyPage(page({ upsert(5, "identity", identity(11, 2, "shared@example.com")) }, 5));
    INFO(moved.error.toStdString());
    REQUIRE(moved.ok);
    CHECK(moved.applied == 1);
    CHECK(count(store, "SELECT count(*) FROM identities") == 1);
    CHECK(count(store, "SELECT customer_id FROM identities WHERE value = 'shared@example.com'") == 2);
    // Both customers' search entries follow: the address is Ugo's alone now.
    CHECK(moved.customerIds == QSet<qint64> { 1, 2 });
    const auto found = store.searchCustomers(QStringLiteral("shared@exa"), 0, 10);
    REQUIRE(found.size() == 1);
    CHECK(found.front().id == 2);
    // A new identity row with a value another row holds replaces that row too.
    const auto added = applier.applyPage(page({ upsert(6, "identity", identity(12, 1, "shared@example.com")) }, 6));
    REQUIRE(added.ok);
    CHECK(added.customerIds == QSet<qint64> { 1, 2 });
    CHECK(count(store, "SELECT id FROM identities WHERE value = 'shared@example.com'") == 12);
    CHECK(store.searchCustomers(QStringLiteral("shared@exa"), 0, 10).front().id == 1);
    CHECK(count(store, "SELECT count(*) FROM identities") == 1);
}

TEST_CASE("ChangeApplier: live changes land with the last seq as the cursor, only when their seqs run on", "[applier]")
{
    TestSupport::TempDir dir;
    Store store(dir.file("local.db"));
    ChangeApplier applier(store.db());
    const QByteArray anna = QJsonDocument(upsert(1, "customer", customer(1, "Anna", 1))).toJson();
    const QByteArray bruno = QJsonDocument(upsert(2, "customer", customer(2, "Bruno", 1))).toJson();
    const auto wrong = applier.applyChanges({ anna }, 2);
    CHECK_FALSE(wrong.ok);
    CHECK_FALSE(wrong.error.isEmpty());
    CHECK_FALSE(store.customer(1));
    CHECK_FALSE(applier.applyChanges({ anna, bruno }, 2).ok);
    CHECK_FALSE(applier.applyChanges({ "{\"seq\": 1, " }, 1).ok);
    // One text that smuggles a second change, or page fields, shapes nothing.
    CHECK_FALSE(applier.applyChanges({ anna + "," + bruno }, 1).ok);
    CHECK_FALSE(applier.applyChanges({ anna + "],\"next\":9,\"more\":true,\"x\":[1" }, 1).ok);
    CHECK_FALSE(store.customer(1));
    CHECK(ChangeApplier::storedCursor(store.db()) == 0);
    const auto result = applier.applyChanges({ anna, bruno }, 1);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.cursor == 2);
    CHECK(ChangeApplier::storedCursor(store.db()) == 2);
    CHECK(store.customer(1));
    CHECK(store.customer(2));
}
