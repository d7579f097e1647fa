// The change feed's wire format, and its pruned floor against the real hub:
// a scan from since=0 pages below the floor while the floor holds, an old
// cursor or a scan under a risen floor gets 410.
#include "ChangePageWriter.h"
#include "ChangeRecord.h"
#include "HubProcess.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>
#include <catch2/catch.hpp>
#include <optional>

namespace {

ChangeView view(const ChangeRecord& change, const QByteArray& entity, const QByteArray& op)
{
    return ChangeView { change.seq, entity, change.entityId, op, change.payload, change.changedAt };
}

// A tiny demo hub that keeps only the 30 newest changes outside the latest
// state of each entity, so an erasure's tombstones are soon pruned.
class PrunedHub
{
public:
    PrunedHub()
        : m_hub(m_dir.file(QStringLiteral("hub.sqlite")),
            { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("tiny"),
                QStringLiteral("--retain-changes"), QStringLiteral("30") })
        , m_db(m_dir.file(QStringLiteral("hub.sqlite")), Database::Mode::ReadWrite)
        , m_token(m_hub.login(QStringLiteral("supervisor"), QStringLiteral("supervisor")))
    {
    }

    HubProcess& hub() { return m_hub; }
    Database& db() { return m_db; }

    // A customer with history and nothing in progress, other than those given.
    qint64 erasableCustomer(const QList<qint64>& taken)
    {
        QStringList notIn { QStringLiteral("0") };
        for (qint64 id : taken)
            notIn << QString::number(id);
        const QByteArray sql = "SELECT c.id FROM customers c WHERE c.id NOT IN (" + notIn.join(',').toUtf8()
            + ") AND EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id) AND NOT EXISTS ("
              "SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.status IN "
              "('queued','offered','active','held','wrap_up')) ORDER BY c.id LIMIT 1";
        const qint64 id = m_db.scalar(sql.constData());
        REQUIRE(id > 0);
        return id;
    }

    // Erases the customer, then writes enough notes (on another customer's
    // interaction) to push the tombstones out of the window: the floor rises.
    void eraseAndPrune(qint64 customerId, qint64 noteInteractionId)
    {
        const auto erased = m_hub.send("DELETE", QStringLiteral("/api/v1/customers/%1").arg(customerId), {}, m_token,
            { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
        INFO(erased.body.toStdString());
        REQUIRE(erased.status == 200);
        for (int i = 0; i < 35; ++i) {
            REQUIRE(m_hub.command(QStringLiteral("/api/v1/interactions/%1/notes").arg(noteInteractionId),
                             QJsonObject { { QStringLiteral("text"), QStringLiteral("Follow-up %1").arg(i) } }, m_token)
                        .status
                == 201);
        }
    }

    HubProcess::Response page(qint64 since, std::optional<qint64> scanFloor = std::nullopt, int limit = 100)
    {
        QString path = QStringLiteral("/api/v1/changes?since=%1&limit=%2").arg(since).arg(limit);
        if (scanFloor)
            path += QStringLiteral("&scanFloor=%1").arg(*scanFloor);
        return m_hub.get(path, m_token);
    }

    // A whole scan from since=0, passing back the first page's floor; the
    // customer ids it delivers (upserts; no tombstone is expected).
    QSet<qint64> scan()
    {
        QSet<qint64> customers;
        qint64 since = 0;
        std::optional<qint64> scanFloor;
        for (int pages = 0;; ++pages) {
            REQUIRE(pages < 100);
            const auto answer = page(since, scanFloor);
            INFO(answer.body.left(300).toStdString());
            REQUIRE(answer.status == 200);
            const qint64 floor = answer.json.value(QStringLiteral("floor")).toInteger();
            if (!scanFloor)
                scanFloor = floor;
            CHECK(floor == *scanFloor);
            for (const QJsonValue& value : answer.json.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject change = value.toObject();
                CHECK(change.value(QStringLiteral("op")).toString() == QStringLiteral("upsert"));
                if (change.value(QStringLiteral("entity")).toString() == QStringLiteral("customer"))
                    customers.insert(change.value(QStringLiteral("id")).toInteger());
            }
            if (!answer.json.value(QStringLiteral("more")).toBool())
                return customers;
            since = answer.json.value(QStringLiteral("next")).toInteger();
        }
    }

    QSet<qint64> storedCustomers()
    {
        QSet<qint64> ids;
        Statement& st = m_db.cached("SELECT id FROM customers");
        while (st.step())
            ids.insert(st.int64(0));
        st.reset();
        return ids;
    }

    // An interaction to write notes on, of a customer no test erases.
    qint64 noteInteraction() { return m_db.scalar("SELECT max(id) FROM interactions"); }
    qint64 noteCustomer()
    {
        const QByteArray sql = "SELECT customer_id FROM interactions WHERE id = " + QByteArray::number(noteInteraction());
        return m_db.scalar(sql.constData());
    }

private:
    TestSupport::TempDir m_dir;
    HubProcess m_hub;
    Database m_db;
    QString m_token;
};

} // namespace

TEST_CASE("A feed page written from the stored JSON is the JSON ChangeRecord::toJson gives", "[hub][feed]")
{
    // What SQLite's json_object stores: column order, escapes, non-ASCII, nested JSON, reals.
    const QList<ChangeRecord> records {
        { 7, QStringLiteral("customer"), 42, QStringLiteral("upsert"),
            QByteArrayLiteral(R"({"id":42,"displayName":"Niccolò \"Nico\" D'Amato\n","vip":true,)"
                              R"("crmFields":{"tier":"gold","since":2019},"sentiment":-0.35,"note":null})"),
            1700000000 },
        { 9, QStringLiteral("identity"), 5, QStringLiteral("delete"), QByteArray(), 1700000100 },
        { 12, QStringLiteral("message"), 900719925474099, QStringLiteral("upsert"),
            QByteArrayLiteral(R"({"id":900719925474099,"body":"tab\there \u00e8 \ud83d\ude00"})"), 1700000200 },
    };
    ChangePageWriter writer;
    for (const ChangeRecord& record : records)
        writer.add(view(record, record.entity.toUtf8(), record.op.toUtf8()));
    const QByteArray page = writer.finish(ChangePageEnd { 12, true }, 3);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(page, &error);
    INFO(page.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject object = document.object();
    CHECK(object.value(QStringLiteral("next")).toInteger() == 12);
    CHECK(object.value(QStringLiteral("more")).toBool());
    CHECK(object.value(QStringLiteral("floor")).toInteger() == 3);
    const QJsonArray changes = object.value(QStringLiteral("changes")).toArray();
    REQUIRE(changes.size() == records.size());
    for (qsizetype i = 0; i < records.size(); ++i)
        CHECK(changes.at(i).toObject() == records.at(i).toJson());
    CHECK(changes.at(1).toObject().value(QStringLiteral("data")).isNull());

    // The envelope comes byte for byte as QJsonDocument writes it.
    ChangePageWriter tombstone;
    tombstone.add(view(records.at(1), "identity", "delete"));
    CHECK(tombstone.finish(ChangePageEnd { 9, false }, 0)
        == QByteArrayLiteral(
            R"({"changes":[{"changedAt":1700000100,"data":null,"entity":"identity","id":5,"op":"delete","seq":9}],)"
            R"("floor":0,"more":false,"next":9})"));

    // An empty page, and names that would need escaping, stay valid JSON.
    CHECK(ChangePageWriter().finish(ChangePageEnd { 30, false }, 0)
        == QByteArrayLiteral(R"({"changes":[],"floor":0,"more":false,"next":30})"));
    ChangePageWriter odd;
    odd.add(ChangeView { 1, "a\"b\\c\n", 1, "upsert", "{}", 0 });
    const QJsonObject oddChange
        = QJsonDocument::fromJson(odd.finish(ChangePageEnd { 1, false }, 0)).object().value(QStringLiteral("changes"))
              .toArray().at(0).toObject();
    CHECK(oddChange.value(QStringLiteral("entity")).toString() == QStringLiteral("a\"b\\c\n"));
}

TEST_CASE("A scan from since=0 pages past a pruned erasure to the head, an old cursor gets 410", "[hub][feed]")
{
    PrunedHub pruned;
    const qint64 erased = pruned.erasableCustomer({ pruned.noteCustomer() });
    pruned.eraseAndPrune(erased, pruned.noteInteraction());

    const auto first = pruned.page(0);
    REQUIRE(first.status == 200);
    const qint64 floor = first.json.value(QStringLiteral("floor")).toInteger();
    const qint64 next = first.json.value(QStringLiteral("next")).toInteger();
    // The erasure's tombstones were pruned far above the first page.
    REQUIRE(next < floor);

    // A cursor below the floor that does not come from this scan has expired.
    const auto old = pruned.page(next);
    CHECK(old.status == 410);
    CHECK(old.errorCode() == QStringLiteral("cursor_expired"));
    CHECK(old.errorField() == QStringLiteral("since"));
    // So has a scan that began under another floor.
    const auto otherFloor = pruned.page(next, floor - 1);
    CHECK(otherFloor.status == 410);
    CHECK(otherFloor.errorField() == QStringLiteral("scanFloor"));
    const auto badFloor = pruned.hub().get(QStringLiteral("/api/v1/changes?since=%1&scanFloor=low").arg(next),
        pruned.hub().login(QStringLiteral("agent1"), QStringLiteral("agent1")));
    CHECK(badFloor.status == 400);
    CHECK(badFloor.errorField() == QStringLiteral("scanFloor"));

    // With the floor of its first page the scan goes on to the head and
    // delivers exactly the customers the hub has.
    const QSet<qint64> scanned = pruned.scan();
    CHECK_FALSE(scanned.contains(erased));
    CHECK(scanned == pruned.storedCustomers());
}

TEST_CASE("A scan from since=0 gets 410 when the floor rises under it, and a new scan completes", "[hub][feed]")
{
    PrunedHub pruned;
    const qint64 first = pruned.erasableCustomer({ pruned.noteCustomer() });
    pruned.eraseAndPrune(first, pruned.noteInteraction());

    const auto start = pruned.page(0);
    REQUIRE(start.status == 200);
    const qint64 floor = start.json.value(QStringLiteral("floor")).toInteger();
    const qint64 next = start.json.value(QStringLiteral("next")).toInteger();
    REQUIRE(pruned.page(next, floor).status == 200);

    // Another erasure is pruned while the scan is under way: a customer the
    // scan may already hold lost its tombstone, so the scan must start over.
    const qint64 second = pruned.erasableCustomer({ pruned.noteCustomer(), first });
    pruned.eraseAndPrune(second, pruned.noteInteraction());
    const auto risen = pruned.page(next, floor);
    CHECK(risen.status == 410);
    CHECK(risen.errorCode() == QStringLiteral("cursor_expired"));
    CHECK(risen.errorField() == QStringLiteral("scanFloor"));
    CHECK(pruned.page(0).json.value(QStringLiteral("floor")).toInteger() > floor);

    const QSet<qint64> scanned = pruned.scan();
    CHECK_FALSE(scanned.contains(first));
    CHECK_FALSE(scanned.contains(second));
    CHECK(scanned == pruned.storedCustomers());
}
