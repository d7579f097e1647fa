// Customer maintenance against the real hub: linking identities, merge and
// its exact undo, and erasure leaving only tombstones in the change feed.
#include "CentreFixture.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace {

QList<QJsonObject> feed(HubProcess& hub, const QString& token)
{
    QList<QJsonObject> all;
    qint64 since = 0;
    for (;;) {
        const auto page = hub.get(QStringLiteral("/api/v1/changes?since=%1&limit=5000").arg(since), token);
        REQUIRE(page.status == 200);
        for (const QJsonValue& change : page.json.value(QStringLiteral("changes")).toArray())
            all.append(change.toObject());
        if (!page.json.value(QStringLiteral("more")).toBool())
            return all;
        since = page.json.value(QStringLiteral("next")).toInteger();
    }
}

// A customer as read back, but for its version: undoing a merge restores
// the survivor's fields a version later, so every copy takes them.
QJsonObject withoutVersion(QJsonObject customer)
{
    customer.remove(QStringLiteral("version"));
    return customer;
}

} // namespace

TEST_CASE("Linking an identity normalises it and refuses one that belongs to someone else", "[hub][customers]")
{
    CentreFixture centre;
    const QString path = QStringLiteral("/api/v1/customers/%1/identities").arg(centre.otherCustomerId());
    const auto linked = centre.command(path, centre.agent1,
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") }, { QStringLiteral("value"), QStringLiteral("02 9876 5432") } });
    REQUIRE(linked.status == 201);
    CHECK(linked.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("value")).toString()
        == QStringLiteral("+390298765432"));
    const auto taken = centre.command(path, centre.agent1,
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") }, { QStringLiteral("value"), QStringLiteral("+39 02 1234 5678") } });
    CHECK(taken.status == 409);
    CHECK(taken.errorCode() == QStringLiteral("identity_taken"));
    const auto invalid = centre.command(path, centre.agent1,
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("email") }, { QStringLiteral("value"), QStringLiteral("not an address") } });
    CHECK(invalid.status == 400);
    CHECK(invalid.errorField() == QStringLiteral("value"));
}

TEST_CASE("A merge moves everything to the survivor and undo restores both customers exactly", "[hub][customers]")
{
    CentreFixture centre;
    HubProcess& hub = centre.hub();
    const QString survivorPath = QStringLiteral("/api/v1/customers/%1").arg(centre.customerId());
    const QString mergedPath = QStringLiteral("/api/v1/customers/%1").arg(centre.otherCustomerId());
    const QJsonObject survivorBefore = hub.get(survivorPath, centre.agent1).json;
    const QJsonObject mergedBefore = hub.get(mergedPath, centre.agent1).json;
    REQUIRE(mergedBefore.value(QStringLiteral("interactionCount")).toInteger() == 1);

    const auto merged = centre.command(QStringLiteral("/api/v1/customers/merge"), centre.agent1,
        QJsonObject { { QStringLiteral("survivorId"), centre.customerId() }, { QStringLiteral("mergedId"), centre.otherCustomerId() } });
    INFO(merged.body.toStdString());
    REQUIRE(merged.status == 200);
    const qint64 mergeId = merged.json.value(QStringLiteral("mergeId")).toInteger();
    REQUIRE(mergeId > 0);
    CHECK(hub.get(mergedPath, centre.agent1).status == 404);
    const QJsonObject survivorMerged = hub.get(survivorPath, centre.agent1).json;
    CHECK(survivorMerged.value(QStringLiteral("identities")).toArray().size() == 3);
    CHECK(survivorMerged.value(QStringLiteral("interactionCount")).toInteger() == 1);
    // The survivor had no company: it takes the duplicate's by default.
    CHECK(survivorMerged.value(QStringLiteral("company")).toString() == QStringLiteral("Bianchi Srl"));
    CHECK(merged.json.value(QStringLiteral("fields")).toObject().value(QStringLiteral("company")).toString()
        == QStringLiteral("merged"));
    CHECK(hub.get(QStringLiteral("/api/v1/customers?q=bianchi.example"), centre.agent1)
              .json.value(QStringLiteral("customers")).toArray().size() == 1);

    // Another agent may not undo it; the one who merged may.
    CHECK(centre.command(QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId), centre.agent2).status == 403);
    const auto undone = centre.command(QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId), centre.agent1);
    INFO(undone.body.toStdString());
    REQUIRE(undone.status == 200);
    CHECK(withoutVersion(hub.get(survivorPath, centre.agent1).json) == withoutVersion(survivorBefore));
    CHECK(hub.get(mergedPath, centre.agent1).json == mergedBefore);
    CHECK(centre.command(QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId), centre.agent1).status == 409);
    CHECK(centre.command(QStringLiteral("/api/v1/customers/merge"), centre.agent1,
              QJsonObject { { QStringLiteral("survivorId"), centre.customerId() }, { QStringLiteral("mergedId"), centre.customerId() } })
              .status == 400);
}

TEST_CASE("Erasure leaves tombstones in the change feed and the customer is gone from reads", "[hub][customers]")
{
    CentreFixture centre;
    HubProcess& hub = centre.hub();
    const qint64 customerId = centre.otherCustomerId();
    QSet<QPair<QString, qint64>> owned;
    for (const QJsonObject& change : feed(hub, centre.supervisor)) {
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (data.value(QStringLiteral("customerId")).toInteger() == customerId)
            owned.insert({ change.value(QStringLiteral("entity")).toString(), change.value(QStringLiteral("id")).toInteger() });
    }
    REQUIRE(owned.size() == 2); // one identity, one interaction
    REQUIRE(hub.get(QStringLiteral("/api/v1/customers?q=srl"), centre.agent1)
                .json.value(QStringLiteral("customers")).toArray().size() == 1);
    owned.insert({ QStringLiteral("customer"), customerId });

    const QString path = QStringLiteral("/api/v1/customers/%1").arg(customerId);
    CHECK(hub.send("DELETE", path, {}, centre.agent1, { { "Idempotency-Key", "erase-1" } }).status == 403);
    const auto erased = hub.send("DELETE", path, {}, centre.supervisor, { { "Idempotency-Key", "erase-1" } });
    INFO(erased.body.toStdString());
    REQUIRE(erased.status == 200);
    CHECK(erased.json.value(QStringLiteral("op")).toString() == QStringLiteral("delete"));

    CHECK(hub.get(path, centre.agent1).status == 404);
    CHECK(hub.get(path + QStringLiteral("/interactions"), centre.agent1).status == 404);
    CHECK(hub.get(QStringLiteral("/api/v1/customers?q=srl"), centre.agent1)
              .json.value(QStringLiteral("customers")).toArray().isEmpty());
    // Only tombstones remain of the customer and everything of theirs.
    QSet<QPair<QString, qint64>> tombstones;
    for (const QJsonObject& change : feed(hub, centre.supervisor)) {
        const QPair<QString, qint64> key { change.value(QStringLiteral("entity")).toString(),
            change.value(QStringLiteral("id")).toInteger() };
        if (!owned.contains(key))
            continue;
        CHECK(change.value(QStringLiteral("op")).toString() == QStringLiteral("delete"));
        CHECK(change.value(QStringLiteral("data")).isNull());
        tombstones.insert(key);
    }
    CHECK(tombstones == owned);
    CHECK(hub.send("DELETE", path, {}, centre.supervisor, { { "Idempotency-Key", "erase-2" } }).status == 404);
}

TEST_CASE("A merge takes the newest value per field unless the agent chooses, undo puts the survivor's fields back, "
          "supervisors read the audit",
    "[hub][customers]")
{
    CentreFixture centre;
    centre.stopHub();
    {
        Store store(centre.databasePath());
        store.db()
            .cached("UPDATE customers SET city = 'Milano', tier = 'gold', updated_at = 1000 WHERE id = ?")
            .bind(1, centre.customerId())
            .run();
        store.db()
            .cached("UPDATE customers SET city = 'Roma', tier = 'silver', updated_at = 2000 WHERE id = ?")
            .bind(1, centre.otherCustomerId())
            .run();
    }
    centre.startHub();
    HubProcess& hub = centre.hub();
    const QString survivorPath = QStringLiteral("/api/v1/customers/%1").arg(centre.customerId());
    const QJsonObject survivorBefore = hub.get(survivorPath, centre.agent1).json;
    const QString mergePath = QStringLiteral("/api/v1/customers/merge");
    const QJsonObject pair { { QStringLiteral("survivorId"), centre.customerId() },
        { QStringLiteral("mergedId"), centre.otherCustomerId() } };

    auto withFields = [&](const QJsonObject& fields) {
        QJsonObject body = pair;
        body.insert(QStringLiteral("fields"), fields);
        return body;
    };
    const auto unknown = centre.command(mergePath, centre.agent1, withFields({ { QStringLiteral("colour"), QStringLiteral("merged") } }));
    CHECK(unknown.status == 400);
    CHECK(unknown.errorField() == QStringLiteral("fields.colour"));
    const auto neither = centre.command(mergePath, centre.agent1, withFields({ { QStringLiteral("city"), QStringLiteral("both") } }));
    CHECK(neither.status == 400);
    CHECK(neither.errorField() == QStringLiteral("fields.city"));
    CHECK(hub.get(QStringLiteral("/api/v1/customers/%1").arg(centre.otherCustomerId()), centre.agent1).status == 200);

    // The duplicate is newer: its city and last name are proposed; the agent keeps the survivor's tier.
    const auto merged = centre.command(mergePath, centre.agent1, withFields({ { QStringLiteral("tier"), QStringLiteral("survivor") } }));
    INFO(merged.body.toStdString());
    REQUIRE(merged.status == 200);
    const qint64 mergeId = merged.json.value(QStringLiteral("mergeId")).toInteger();
    const QJsonObject after = hub.get(survivorPath, centre.agent1).json;
    CHECK(after.value(QStringLiteral("city")).toString() == QStringLiteral("Roma"));
    CHECK(after.value(QStringLiteral("lastName")).toString() == QStringLiteral("Bianchi (duplicate)"));
    CHECK(after.value(QStringLiteral("company")).toString() == QStringLiteral("Bianchi Srl"));
    CHECK(after.value(QStringLiteral("tier")).toString() == QStringLiteral("gold"));
    // The survivor's new fields reached the change feed.
    CHECK(centre.latest(QStringLiteral("customer"), centre.customerId()).value(QStringLiteral("city")).toString()
        == QStringLiteral("Roma"));

    // The audit is for supervisors: who merged what, with which choices.
    CHECK(hub.get(QStringLiteral("/api/v1/merges"), centre.agent1).status == 403);
    const auto audit = hub.get(QStringLiteral("/api/v1/merges?customerId=%1").arg(centre.otherCustomerId()), centre.supervisor);
    REQUIRE(audit.status == 200);
    const QJsonArray merges = audit.json.value(QStringLiteral("merges")).toArray();
    REQUIRE(merges.size() == 1);
    const QJsonObject row = merges.at(0).toObject();
    CHECK(row.value(QStringLiteral("id")).toInteger() == mergeId);
    CHECK(row.value(QStringLiteral("mergedBy")).toString() == QStringLiteral("agent1"));
    CHECK(row.value(QStringLiteral("mergedAt")).toInteger() > 0);
    CHECK(row.value(QStringLiteral("undoneAt")).isNull());
    CHECK(row.value(QStringLiteral("fields")).toObject().value(QStringLiteral("tier")).toString() == QStringLiteral("survivor"));
    CHECK(row.value(QStringLiteral("fields")).toObject().value(QStringLiteral("city")).toString() == QStringLiteral("merged"));
    CHECK(hub.get(QStringLiteral("/api/v1/merges?customerId=abc"), centre.supervisor).status == 400);

    const auto undone = centre.command(QStringLiteral("/api/v1/merges/%1/undo").arg(mergeId), centre.supervisor);
    INFO(undone.body.toStdString());
    REQUIRE(undone.status == 200);
    CHECK(withoutVersion(hub.get(survivorPath, centre.agent1).json) == withoutVersion(survivorBefore));
    const QJsonObject restored = hub.get(QStringLiteral("/api/v1/customers/%1").arg(centre.otherCustomerId()), centre.agent1).json;
    CHECK(restored.value(QStringLiteral("city")).toString() == QStringLiteral("Roma"));
    const QJsonObject undoneRow = hub.get(QStringLiteral("/api/v1/merges"), centre.supervisor)
                                      .json.value(QStringLiteral("merges")).toArray().at(0).toObject();
    CHECK(undoneRow.value(QStringLiteral("undoneBy")).toString() == QStringLiteral("supervisor"));
    CHECK(undoneRow.value(QStringLiteral("undoneAt")).toInteger() >= row.value(QStringLiteral("mergedAt")).toInteger());
}
