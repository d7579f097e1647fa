#include "TestSupport.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QFile>
#include <catch2/catch.hpp>

namespace {

Customer sampleCustomer()
{
    Customer c;
    c.firstName = QStringLiteral("Nicolò");
    c.lastName = QStringLiteral("D'Angelo");
    c.company = QStringLiteral("Ferramenta D'Angelo S.r.l.");
    c.language = QStringLiteral("it");
    c.tier = QStringLiteral("gold");
    c.vip = true;
    c.lifetimeValue = 12345.5;
    c.city = QStringLiteral("Napoli");
    c.consentMarketing = true;
    c.crmFields = QStringLiteral(R"({"contract":"C-0042","plan":"Fibra 1G"})");
    c.createdAt = 1'700'000'000;
    c.updatedAt = 1'700'000'100;
    return c;
}

} // namespace

TEST_CASE("A customer written to the store reads back field for field", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());

    const std::optional<Customer> read = store.customer(id);
    REQUIRE(read.has_value());
    CHECK(read->displayName == QStringLiteral("Nicolò D'Angelo"));
    CHECK(read->company == QStringLiteral("Ferramenta D'Angelo S.r.l."));
    CHECK(read->tier == QStringLiteral("gold"));
    CHECK(read->vip);
    CHECK(read->lifetimeValue == Approx(12345.5));
    CHECK(read->consentMarketing);
    CHECK_FALSE(read->consentRecording);
    CHECK(read->crmFields == QStringLiteral(R"({"contract":"C-0042","plan":"Fibra 1G"})"));
    CHECK(read->createdAt == 1'700'000'000);
    CHECK_FALSE(store.customer(id + 1).has_value());
}

TEST_CASE("A customer with only a display name can be stored", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    Customer company;
    company.displayName = QStringLiteral("Trattoria Sole");
    const qint64 id = store.addCustomer(company);
    CHECK(store.customer(id)->displayName == QStringLiteral("Trattoria Sole"));
    CHECK(store.customer(id)->firstName.isEmpty());
}

TEST_CASE("Identities are stored normalised with their source system", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());
    store.addIdentity(id, IdentityKind::Phone, QStringLiteral("0039 333 123 4567"), QStringLiteral("pbx"));
    store.addIdentity(id, IdentityKind::Email, QStringLiteral("Nicolo.DAngelo@Example.it"), QStringLiteral("crm"));
    store.addIdentity(id, IdentityKind::Social, QStringLiteral("@NicoDA"), QStringLiteral("social-listening"),
                      QStringLiteral("Instagram"));

    const QList<Identity> identities = store.identities(id);
    REQUIRE(identities.size() == 3);
    CHECK(identities[0].kind == IdentityKind::Email);
    CHECK(identities[0].value == QStringLiteral("nicolo.dangelo@example.it"));
    CHECK(identities[0].source == QStringLiteral("crm"));
    CHECK(identities[1].kind == IdentityKind::Phone);
    CHECK(identities[1].value == QStringLiteral("+393331234567"));
    CHECK(identities[1].rawValue == QStringLiteral("0039 333 123 4567"));
    CHECK(identities[2].network == QStringLiteral("instagram"));
    CHECK(identities[2].value == QStringLiteral("nicoda"));

    CHECK(store.customerByIdentity(IdentityKind::Phone, QStringLiteral("+39 333-123-4567")) == id);
    CHECK(store.customerByIdentity(IdentityKind::Social, QStringLiteral("nicoda"), QStringLiteral("instagram")) == id);
    CHECK_FALSE(store.customerByIdentity(IdentityKind::Social, QStringLiteral("nicoda"), QStringLiteral("facebook")));
}

TEST_CASE("An invalid or already-owned identity is refused with a clear error and nothing written", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 first = store.addCustomer(sampleCustomer());
    const qint64 second = store.addCustomer(sampleCustomer());
    store.addIdentity(first, IdentityKind::Phone, QStringLiteral("333 1234567"), QStringLiteral("pbx"));

    CHECK_THROWS_WITH(store.addIdentity(second, IdentityKind::Phone, QStringLiteral("12ab"), QStringLiteral("pbx")),
                      Catch::Contains("not a valid phone"));
    CHECK_THROWS_WITH(store.addIdentity(second, IdentityKind::Phone, QStringLiteral("+39 333 1234567"),
                                        QStringLiteral("pbx")),
                      Catch::Contains("already belongs to customer"));
    CHECK(store.identities(second).isEmpty());
}

TEST_CASE("Adding an identity the customer already has returns the existing row", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());
    const Identity first = store.addIdentity(id, IdentityKind::Email, QStringLiteral("a@b.it"), QStringLiteral("crm"));
    store.addIdentity(id, IdentityKind::Phone, QStringLiteral("333 1234567"), QStringLiteral("pbx"));
    const Identity again = store.addIdentity(id, IdentityKind::Email, QStringLiteral("A@B.it"), QStringLiteral("crm"));
    CHECK(again.id == first.id);
    CHECK(store.identities(id).size() == 2);
}

TEST_CASE("Interactions come back newest first with queue and agent names", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());
    store.db().exec("INSERT INTO sites(id, code, name) VALUES (1, 'MI', 'Milano');"
                    "INSERT INTO queues(id, name, skill, channel) VALUES (7, 'Billing IT', 'billing', 'voice');"
                    "INSERT INTO agents(id, login, display_name, site_id) VALUES (3, 'sara', 'Sara Conti', 1);");
    Interaction older;
    older.customerId = id;
    older.channel = Channel::Email;
    older.offeredAt = 1000;
    older.subject = QStringLiteral("Bolletta di marzo");
    Interaction newer;
    newer.customerId = id;
    newer.channel = Channel::Voice;
    newer.offeredAt = 2000;
    newer.queueId = 7;
    newer.agentId = 3;
    newer.siteId = 1;
    newer.sentiment = -0.6;
    newer.csat = 2;
    newer.disposition = QStringLiteral("resolved");
    const qint64 olderId = store.addInteraction(older);
    const qint64 newerId = store.addInteraction(newer);
    const qint64 messageId = store.addMessage(olderId, 1001, QStringLiteral("customer"), QString(),
                                              QStringLiteral("La bolletta è sbagliata"));
    CHECK(messageId > 0);

    const QList<Interaction> list = store.interactions(id, 0, 10);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == newerId);
    CHECK(list[0].queueName == QStringLiteral("Billing IT"));
    CHECK(list[0].agentName == QStringLiteral("Sara Conti"));
    CHECK(list[0].sentiment == Approx(-0.6));
    CHECK(list[0].csat == 2);
    CHECK(list[1].id == olderId);
    CHECK(list[1].channel == Channel::Email);
    CHECK_FALSE(list[1].csat.has_value());
    CHECK(store.interactionCount(id) == 2);
    CHECK(store.interactions(id, 1, 10).size() == 1);
}

TEST_CASE("The schema rejects values outside the domain", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());
    Interaction bad;
    bad.customerId = id;
    bad.offeredAt = 1;
    bad.csat = 9;
    CHECK_THROWS_AS(store.addInteraction(bad), StoreError);
    bad.csat = 5;
    bad.sentiment = 1.5;
    CHECK_THROWS_AS(store.addInteraction(bad), StoreError);
    CHECK(store.interactionCount(id) == 0);
}

TEST_CASE("Deleting a customer removes their identities and interactions", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    const qint64 id = store.addCustomer(sampleCustomer());
    store.addIdentity(id, IdentityKind::Email, QStringLiteral("a@b.it"), QStringLiteral("crm"));
    Interaction i;
    i.customerId = id;
    i.offeredAt = 5;
    store.addInteraction(i);
    store.db().cached("DELETE FROM customers WHERE id = ?").bind(1, id).run();
    CHECK(store.db().scalar("SELECT count(*) FROM identities") == 0);
    CHECK(store.db().scalar("SELECT count(*) FROM interactions") == 0);
}

TEST_CASE("A failed transaction leaves nothing half-written", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    try {
        Transaction tx(store.db());
        store.addCustomer(sampleCustomer());
        Interaction bad;
        bad.customerId = 999'999; // no such customer: foreign key fails
        bad.offeredAt = 1;
        store.addInteraction(bad);
        tx.commit();
        FAIL("the foreign key should have been enforced");
    } catch (const StoreError&) {
    }
    CHECK(store.customerCount() == 0);
}

TEST_CASE("The store runs in WAL mode with foreign keys on", "[store]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("unisono.db")));
    Statement& mode = store.db().cached("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == QStringLiteral("wal"));
    mode.reset();
    CHECK(store.db().scalar("PRAGMA foreign_keys") == 1);
}

TEST_CASE("Data survives closing and reopening the store", "[store]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("unisono.db"));
    qint64 id = 0;
    {
        Store store(path);
        id = store.addCustomer(sampleCustomer());
    }
    Store reopened(path);
    CHECK(reopened.customer(id)->lastName == QStringLiteral("D'Angelo"));
}
