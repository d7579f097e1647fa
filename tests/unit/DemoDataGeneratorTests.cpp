#include "TestSupport.h"
#include "demo/CheckConstraintAudit.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoRandom.h"
#include "demo/DemoSize.h"
#include "demo/DemoTexts.h"
#include "identity/PhoneNormalizer.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <catch2/catch.hpp>
#include <sqlite3.h>

namespace {

// 2025-03-10 09:30 UTC: a Monday morning, so the centre is open "now".
constexpr qint64 kNow = 1'741'599'000;

DemoSize tiny()
{
    return *DemoSize::byName(QStringLiteral("tiny"));
}

void generate(Store& store, quint64 seed, qint64 now = kNow)
{
    DemoDataGenerator generator(store, seed, now);
    generator.generate(tiny());
}

qint64 scalar(Store& store, const char* sql)
{
    return store.db().scalar(sql);
}

// sql with %1 standing for the reference time.
qint64 scalarAt(Store& store, const char* sql, qint64 now = kNow)
{
    return store.db().scalar(QString::fromLatin1(sql).arg(now).toUtf8().constData());
}

// "Cantù" -> "Cantu": how an agent types a name on a keyboard without accents.
QString withoutAccents(const QString& text)
{
    QString result;
    for (const QChar c : text.normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing)
            result.append(c);
    return result;
}

QStringList strings(Store& store, const QString& sql)
{
    Statement st(store.db().handle(), sql.toUtf8().constData());
    QStringList result;
    while (st.step())
        result << st.text(0);
    return result;
}

// Every row of every table the generator fills, in id order, with each
// value's type: two stores with equal dumps hold the same data.
QByteArray canonicalDump(Store& store)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList tables = strings(store,
        QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite%' AND name <> 'schema_migrations' AND name NOT GLOB '*_search_*' "
                       "ORDER BY name"));
    for (const QString& table : tables) {
        hash.addData(table.toUtf8());
        sqlite3_stmt* st = nullptr;
        const QByteArray sql
            = QStringLiteral("SELECT rowid, * FROM \"%1\" ORDER BY rowid").arg(table).toUtf8();
        REQUIRE(sqlite3_prepare_v2(store.db().handle(), sql.constData(), -1, &st, nullptr) == SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const int type = sqlite3_column_type(st, c);
                hash.addData(QByteArray::number(type));
                if (type != SQLITE_NULL) {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
                    hash.addData(QByteArrayView(text, sqlite3_column_bytes(st, c)));
                }
                hash.addData("\x1f");
            }
            hash.addData("\x1e");
        }
        sqlite3_finalize(st);
    }
    return hash.result().toHex();
}

} // namespace

TEST_CASE("Demo sizes are chosen by name", "[demo]")
{
    CHECK(DemoSize::names() == QStringList { "tiny", "small", "medium", "large", "huge" });
    REQUIRE(DemoSize::byName(QStringLiteral(" Small ")).has_value());
    CHECK(DemoSize::byName(QStringLiteral("small"))->customers == 2'000);
    CHECK(DemoSize::byName(QStringLiteral("small"))->interactions == 40'000);
    CHECK(DemoSize::byName(QStringLiteral("huge"))->customers == 1'000'000);
    CHECK(DemoSize::byName(QStringLiteral("huge"))->interactions == 10'000'000);
    CHECK_FALSE(DemoSize::byName(QStringLiteral("enormous")).has_value());
    CHECK(DemoSize::defaultSize().name == QStringLiteral("small"));
    qint64 previous = 0;
    for (const QString& name : DemoSize::names()) {
        const DemoSize size = *DemoSize::byName(name);
        CHECK(size.interactions > previous);
        CHECK(size.agents > 0);
        previous = size.interactions;
    }
}

TEST_CASE("Demo randomness is the standard Mersenne Twister, drawn the same way everywhere", "[demo]")
{
    // The standard fixes mt19937_64's 10000th value for the default seed.
    DemoRandom standard(5489);
    for (int i = 0; i < 9999; ++i)
        standard.next();
    CHECK(standard.next() == 9981545732273789042ULL);

    DemoRandom random(42);
    for (int i = 0; i < 1000; ++i) {
        const qint64 value = random.range(-3, 3);
        CHECK((value >= -3 && value <= 3));
        const double unit = random.unit();
        CHECK((unit >= 0.0 && unit < 1.0));
        const double money = random.real(9.99, 249.99);
        CHECK(money == double(qRound(money * 100)) / 100);
    }
    const int weights[] { 0, 5, 0 };
    CHECK(random.weighted(weights) == 1);
    CHECK(DemoRandom::mix(1) != DemoRandom::mix(2));
}

TEST_CASE("The same seed generates identical stores", "[demo]")
{
    TestSupport::TempDir dir;
    Store first(dir.file(QStringLiteral("first.db")));
    Store second(dir.file(QStringLiteral("second.db")));
    Store other(dir.file(QStringLiteral("other.db")));
    generate(first, 7);
    generate(second, 7);
    generate(other, 8);

    const QByteArray dump = canonicalDump(first);
    CHECK(dump == canonicalDump(second));
    CHECK(dump != canonicalDump(other));
    // Same counts either way: the size decides them, the seed the contents.
    CHECK(scalar(first, "SELECT count(*) FROM interactions")
        == scalar(other, "SELECT count(*) FROM interactions"));
}

TEST_CASE("Demo data row counts follow the size", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    DemoDataGenerator generator(store, 1, kNow);
    qint64 lastDone = -1, lastTotal = 0;
    bool monotonic = true;
    generator.generate(tiny(), [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= lastDone;
        lastDone = done;
        lastTotal = total;
    });
    CHECK(monotonic);
    CHECK(lastDone == lastTotal);

    const DemoSize size = tiny();
    CHECK(store.customerCount() == size.customers);
    CHECK(scalar(store, "SELECT count(*) FROM interactions") == size.interactions);
    CHECK(scalar(store, "SELECT count(*) FROM agents") == size.agents);
    CHECK(scalar(store, "SELECT count(*) FROM sites") == 3);
    CHECK(scalar(store, "SELECT count(*) FROM knowledge_articles") == 40);
    CHECK(scalar(store, "SELECT count(*) FROM knowledge_articles WHERE language = 'it'") == 20);
    CHECK(scalar(store, "SELECT count(*) FROM social_activity") >= size.socialActivities);
    CHECK(scalar(store, "SELECT count(*) FROM identities") >= 2 * size.customers);
    CHECK(scalar(store, "SELECT count(*) FROM messages") > size.interactions / 4);
    CHECK(scalar(store, "SELECT count(*) FROM tickets") > 0);
    CHECK(scalar(store, "SELECT count(*) FROM callbacks") > 0);
    CHECK(scalar(store, "SELECT count(*) FROM customer_search") == size.customers);

    const DemoDataGenerator::Summary& summary = generator.summary();
    CHECK(summary.customers == size.customers);
    CHECK(summary.interactions == size.interactions);
    CHECK(summary.messages == scalar(store, "SELECT count(*) FROM messages"));
    CHECK(summary.identities == scalar(store, "SELECT count(*) FROM identities"));
    CHECK(summary.socialActivities == scalar(store, "SELECT count(*) FROM social_activity"));
    CHECK(summary.tickets == scalar(store, "SELECT count(*) FROM tickets"));
    CHECK(summary.callbacks == scalar(store, "SELECT count(*) FROM callbacks"));
}

TEST_CASE("Demo data covers every channel, both languages and three sites", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 3);

    QStringList channels = strings(store, QStringLiteral("SELECT DISTINCT channel FROM interactions"));
    channels.sort();
    CHECK(channels
        == QStringList { "callback", "chat", "email", "forum", "self_service", "sms", "social", "voice" });
    CHECK(strings(store, QStringLiteral("SELECT DISTINCT direction FROM interactions ORDER BY 1"))
        == QStringList { "inbound", "outbound" });
    CHECK(strings(store, QStringLiteral("SELECT DISTINCT language FROM customers ORDER BY 1"))
        == QStringList { "en", "it" });
    CHECK(strings(store, QStringLiteral("SELECT DISTINCT language FROM interactions ORDER BY 1"))
        == QStringList { "en", "it" });
    CHECK(strings(store, QStringLiteral("SELECT DISTINCT language FROM queues ORDER BY 1"))
        == QStringList { "en", "it" });
    // Every site has agents who actually handled contacts.
    CHECK(scalar(store, "SELECT count(DISTINCT site_id) FROM agents") == 3);
    CHECK(scalar(store,
              "SELECT count(DISTINCT a.site_id) FROM interactions i JOIN agents a ON a.id = i.agent_id")
        == 3);
    CHECK(scalar(store, "SELECT count(*) FROM agents WHERE role = 'admin'") == 1);
    CHECK(scalar(store, "SELECT count(*) FROM agents WHERE role = 'supervisor'") >= 3);
    CHECK(scalar(store, "SELECT count(DISTINCT state) FROM agents") >= 2);
    // Service levels as set per channel.
    CHECK(scalar(store,
              "SELECT count(*) FROM queues WHERE channel = 'voice' AND (service_level_pct, "
              "service_level_seconds) <> (80, 20)")
        == 0);
    CHECK(
        scalar(store, "SELECT count(*) FROM queues WHERE channel = 'email' AND service_level_seconds = 86400")
        > 0);
    CHECK(scalar(store, "SELECT count(DISTINCT contact_reason) FROM interactions") >= 8);
    CHECK(scalar(store, "SELECT count(*) FROM interactions WHERE csat IS NOT NULL") > 0);
    CHECK(scalar(store, "SELECT count(*) FROM interactions WHERE revenue IS NOT NULL") > 0);
    CHECK(scalar(store, "SELECT count(*) FROM interactions WHERE status = 'abandoned'") > 0);
    // Social activity from known customers and from strangers.
    CHECK(scalar(store, "SELECT count(*) FROM social_activity WHERE customer_id IS NULL") > 0);
    CHECK(scalar(store,
              "SELECT count(*) FROM social_activity s JOIN identities i ON i.customer_id = s.customer_id"
              " AND i.kind = 'social' AND i.network = s.network AND i.value = s.author_handle")
        > 0);
    CHECK(scalar(store, "SELECT count(DISTINCT network) FROM social_activity") == 3);
    // Every identity kind, each with the system it came from.
    CHECK(scalar(store, "SELECT count(DISTINCT kind) FROM identities") == 5);
    CHECK(scalar(store, "SELECT count(DISTINCT source) FROM identities") == 5);
}

TEST_CASE("Every generated phone number is valid E.164 (+39/+44)", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 11);

    const PhoneNormalizer phones;
    static const QRegularExpression e164(QStringLiteral("^\\+(39|44)\\d{6,11}$"));
    Statement st(store.db().handle(), "SELECT value, raw_value FROM identities WHERE kind = 'phone'");
    QSet<QString> countries;
    QSet<QString> rawShapes;
    int count = 0;
    while (st.step()) {
        const QString value = st.text(0);
        const QString raw = st.text(1);
        INFO(raw.toStdString() << " -> " << value.toStdString());
        CHECK(e164.match(value).hasMatch());
        CHECK(phones.toE164(value) == value);
        CHECK(phones.toE164(raw) == value);
        countries << value.left(3);
        rawShapes << (raw.startsWith(QLatin1String("+")) ? QStringLiteral("+") : raw.left(2));
        ++count;
    }
    CHECK(count >= tiny().customers);
    CHECK(countries == QSet<QString> { QStringLiteral("+39"), QStringLiteral("+44") });
    CHECK(rawShapes.size() >= 3); // "+39 …", "0039 …", "333 …", "02 …"
    // Callbacks dial one of the customer's own numbers.
    CHECK(scalar(store,
              "SELECT count(*) FROM callbacks c WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE"
              " i.customer_id = c.customer_id AND i.kind = 'phone' AND i.value = c.phone)")
        == 0);
}

TEST_CASE("Generated texts include Italian and English complaints, questions and praise", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 5);

    const auto messagesMatching = [&store](const char* language, std::initializer_list<const char*> markers) {
        QStringList conditions;
        for (const char* marker : markers)
            conditions << QStringLiteral("lower(m.body) LIKE '%%1%'").arg(QLatin1String(marker));
        return store.db().scalar(
            QStringLiteral("SELECT count(*) FROM messages m JOIN interactions i ON i.id = "
                           "m.interaction_id WHERE i.language = '%1' AND (%2)")
                .arg(QLatin1String(language), conditions.join(QLatin1String(" OR ")))
                .toUtf8()
                .constData());
    };
    CHECK(messagesMatching("it", { "inaccettabile", "reclamo" }) > 0);
    CHECK(messagesMatching("it", { "vorrei sapere", "come posso" }) > 0);
    CHECK(messagesMatching("it", { "complimenti", "grazie mille" }) > 0);
    CHECK(messagesMatching("en", { "unacceptable", "complaint" }) > 0);
    CHECK(messagesMatching("en", { "how do i", "could you" }) > 0);
    CHECK(messagesMatching("en", { "thank you so much", "brilliant" }) > 0);
    // Customer and agent turns, and accents kept as written.
    CHECK(strings(store,
              QStringLiteral("SELECT DISTINCT author FROM messages WHERE author IN ('customer', 'agent')"
                             " ORDER BY 1"))
        == QStringList { "agent", "customer" });
    CHECK(scalar(store, "SELECT count(*) FROM messages WHERE body LIKE '%è%' OR body LIKE '%à%'") > 0);
    // Every {slot} of every template was filled.
    for (const char* sql : { "SELECT count(*) FROM messages WHERE body LIKE '%{%' OR body LIKE '%}%'",
             "SELECT count(*) FROM interactions WHERE subject LIKE '%{%'",
             "SELECT count(*) FROM tickets WHERE description LIKE '%{%' OR subject LIKE '%{%'",
             "SELECT count(*) FROM social_activity WHERE body LIKE '%{%'",
             "SELECT count(*) FROM callbacks WHERE note LIKE '%{%'" }) {
        INFO(sql);
        CHECK(scalar(store, sql) == 0);
    }
    CHECK(scalar(store, "SELECT count(*) FROM knowledge_articles WHERE title = 'Come leggere la bolletta'")
        == 1);
    CHECK(scalar(store, "SELECT count(*) FROM knowledge_articles WHERE title = 'How to reset your router'")
        == 1);
}

TEST_CASE("Demo timestamps all derive from the reference time", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 9);
    const qint64 history = qint64(tiny().historyDays) * 86400;

    CHECK(scalar(store, "SELECT max(offered_at) FROM interactions") < kNow);
    CHECK(scalar(store, "SELECT min(offered_at) FROM interactions") >= kNow - history);
    CHECK(scalar(store, "SELECT max(offered_at) FROM interactions") > kNow - 30 * 86400);
    CHECK(scalar(store,
              "SELECT count(*) FROM interactions WHERE answered_at < offered_at OR ended_at < offered_at")
        == 0);
    CHECK(scalarAt(store, "SELECT count(*) FROM interactions WHERE ended_at > %1 OR answered_at > %1") == 0);
    CHECK(scalar(store, "SELECT max(sent_at) FROM messages") <= kNow);
    CHECK(scalar(store, "SELECT max(created_at) FROM customers") < kNow);
    CHECK(scalar(store, "SELECT max(created_at) FROM identities") < kNow);
    CHECK(scalar(store, "SELECT max(posted_at) FROM social_activity") <= kNow);
    // Each customer's contacts come after they became a customer.
    CHECK(scalar(store,
              "SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id"
              " WHERE i.offered_at < c.created_at")
        == 0);
    // Today's agenda: callbacks due after "now", and some already made.
    CHECK(scalarAt(store, "SELECT count(*) FROM callbacks WHERE status = 'scheduled' AND due_at > %1") > 0);
    CHECK(scalarAt(store, "SELECT count(*) FROM callbacks WHERE status = 'completed' AND due_at < %1") > 0);
    CHECK(scalarAt(store, "SELECT count(*) FROM callbacks WHERE status = 'scheduled' AND due_at < %1") == 0);

    // Another reference time shifts everything with it.
    Store later(dir.file(QStringLiteral("later.db")));
    generate(later, 9, kNow + 86400);
    CHECK(scalar(later, "SELECT max(offered_at) FROM interactions") > scalar(store,
              "SELECT max(offered_at) FROM "
              "interactions"));
}

TEST_CASE("Generated customers are found by name, phone and e-mail", "[demo]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 13);

    const qint64 id
        = scalar(store, "SELECT customer_id FROM identities WHERE kind = 'email' ORDER BY id LIMIT 1");
    const std::optional<Customer> customer = store.customer(id);
    REQUIRE(customer.has_value());
    const auto found = [&store, id](const QString& typed) {
        for (const Customer& c : store.searchCustomers(typed, 0, 50))
            if (c.id == id)
                return true;
        return false;
    };
    CHECK(found(customer->firstName + QLatin1Char(' ') + customer->lastName));
    CHECK(found(withoutAccents(customer->lastName)));
    for (const Identity& identity : store.identities(id)) {
        INFO(identity.rawValue.toStdString());
        if (identity.kind == IdentityKind::Phone) {
            // Not "+44 (0)7911 123456": the search index does not drop the
            // bracketed trunk zero (reported), so that form finds nothing yet.
            if (!identity.rawValue.contains(QLatin1String("(0)")))
                CHECK(found(identity.rawValue));
            CHECK(found(identity.value));
        } else if (identity.kind == IdentityKind::Email) {
            CHECK(found(identity.value));
        }
        CHECK(store.customerByIdentity(identity.kind, identity.rawValue, identity.network) == id);
    }
    // The busiest customer has a long history to page through.
    CHECK(scalar(store, "SELECT max(n) FROM (SELECT count(*) AS n FROM interactions GROUP BY customer_id)")
        >= 10);
}

TEST_CASE("The CHECK audit reports a row the schema forbids", "[demo]")
{
    const QStringList expressions = CheckConstraintAudit::checkExpressions(QStringLiteral(
        "CREATE TABLE t(a TEXT CHECK(a IN ('x','y)')), b INTEGER CHECK (b BETWEEN 1 AND 5), c TEXT NOT NULL "
        "DEFAULT '{}' CHECK(json_valid(c)), checked INTEGER)"));
    CHECK(expressions == QStringList { "a IN ('x','y)')", "b BETWEEN 1 AND 5", "json_valid(c)" });

    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("demo.db")));
    generate(store, 17);
    // The generator loads without enforcement but leaves it on, as it found it.
    CHECK_THROWS_AS(store.db().exec("UPDATE interactions SET channel = 'fax' WHERE id = 6"), StoreError);
    CHECK_NOTHROW(CheckConstraintAudit::verify(store.db(), { QStringLiteral("interactions") }));

    store.db().exec("PRAGMA ignore_check_constraints = ON");
    store.db().exec("UPDATE interactions SET channel = 'fax' WHERE id = 5");
    store.db().exec("PRAGMA ignore_check_constraints = OFF");
    CHECK_THROWS_AS(CheckConstraintAudit::verify(store.db(), { QStringLiteral("interactions") }), StoreError);
}
