// The change feed's wire format and its pruned floor against the real hub.
#include "ChangePageWriter.h"
#include "ChangeRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace {

ChangeView view(const ChangeRecord& change, const QByteArray& entity, const QByteArray& op)
{
    return ChangeView { change.seq, entity, change.entityId, op, change.payload, change.changedAt };
}

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
