#include "TestSupport.h"
#include "store/CustomerSearch.h"
#include "store/CustomerSearchIndex.h"
#include "store/CustomerSearchWorker.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
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
    QList<qint64> find(const char* typed) { return find(QString::fromUtf8(typed)); }
    QList<qint64> find(const QString& typed) { return ids(store.searchCustomers(typed, 0, 20)); }
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

TEST_CASE("A ticket or interaction number finds its customer first", "[search]")
{
    Fixture f;
    f.store.db().exec("INSERT INTO queues(id, name, skill, channel) VALUES (1, 'Billing', 'billing', 'voice')");
    Interaction call;
    call.customerId = f.emily;
    call.offeredAt = 1'700'000'000;
    const qint64 interaction = f.store.addInteraction(call);
    f.store.db()
        .cached("INSERT INTO tickets(id, customer_id, subject, created_at, updated_at) VALUES (4711, ?, 'Refund', 1, 1)")
        .bind(1, f.nicolo)
        .run();

    CHECK(f.find("4711").front() == f.nicolo);
    CHECK(f.find("#4711").front() == f.nicolo);
    CHECK(f.find(QString::number(interaction)).front() == f.emily);
    // A number that is both a ticket's and an interaction's: the ticket's customer first.
    f.store.db()
        .cached("INSERT INTO tickets(id, customer_id, subject, created_at, updated_at) VALUES (?, ?, 'Call back', 1, 1)")
        .bind(1, interaction)
        .bind(2, f.mario)
        .run();
    CHECK(f.find(QString::number(interaction)) == QList<qint64> { f.mario, f.emily });
    // A number that is neither finds nobody by it.
    CHECK(f.find("99999").isEmpty());
}

TEST_CASE("Whole-word name matches come before customers whose name only starts with the word", "[search]")
{
    Fixture f;
    // Older than Mario Rossi, so first in customer order: only the ranking puts Rossi first.
    const qint64 rossetti = addPerson(f.store, "Rosa", "Rossetti");
    const QList<qint64> rossi = f.find("rossi");
    REQUIRE(rossi.size() == 2);
    CHECK(rossi.front() == f.mario);
    CHECK(rossi.back() == f.maria);
    // Among customers who only start with it, a short answer is alphabetical.
    CHECK(f.find("ross") == QList<qint64> { f.maria, f.mario, rossetti });
}

TEST_CASE("Identities are found by how they start, exact ones first", "[search]")
{
    Fixture f;
    CHECK(f.find("mario.rossi@example.it") == QList<qint64> { f.mario });
    CHECK(f.find("MARIO.ROSSI@") == QList<qint64> { f.mario });
    CHECK(f.find("emily_c_uk") == QList<qint64> { f.emily });
    CHECK(f.find("example.it") == QList<qint64> { f.mario }); // the domain of an email
    CHECK(f.find("3") == QList<qint64> { f.mario });
    CHECK(f.find("0") == QList<qint64> { f.emily }); // 07911 123456 dialled inside the UK
    // The middle of an identity is not its start.
    CHECK(f.find("1234567").isEmpty());
}

TEST_CASE("A search matching more than a thousand customers counts to the cap and says so", "[search]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("many.db")));
    {
        Transaction transaction(store.db());
        for (int n = 0; n < CustomerSearch::kMaxMatches + 5; ++n) {
            Customer c;
            c.firstName = QStringLiteral("Carla");
            c.lastName = QStringLiteral("Neri%1").arg(n);
            store.addCustomer(c);
        }
        transaction.commit();
    }
    // A page is counted as far as it needs: "200+"...
    const CustomerMatches page = store.findCustomers(QStringLiteral("carla"), 0, 200);
    CHECK(page.total == 200);
    CHECK(page.capped);
    CHECK(page.customers.size() == 200);
    // ...and counting goes on to the cap, not to the end: "1,000+".
    const CustomerMatches many = store.findCustomers(QStringLiteral("carla"), 0, 200, Store::Counting::CountMatches);
    CHECK(many.total == CustomerSearch::kMaxMatches);
    CHECK(many.capped);
    CHECK(ids(many.customers) == ids(page.customers));
    // Past the cap there are no pages: the agent types more instead.
    CHECK(store.findCustomers(QStringLiteral("carla"), CustomerSearch::kMaxMatches, 200).customers.isEmpty());
    CHECK(store.findCustomers(QStringLiteral("carla"), 800, 200).customers.size() == 200);

    const CustomerMatches few = store.findCustomers(QStringLiteral("carla neri10"), 0, 200, Store::Counting::CountMatches);
    CHECK(few.total == 16); // neri10, neri100 ... neri109, neri1000 ... neri1004
    CHECK_FALSE(few.capped);
    CHECK(few.customers.front().lastName == QStringLiteral("Neri10"));
}

TEST_CASE("Removing a customer's identities removes the keys they were found by", "[search]")
{
    Fixture f;
    REQUIRE(f.find("mario.rossi@example") == QList<qint64> { f.mario });
    f.store.db().cached("DELETE FROM identities WHERE customer_id = ?").bind(1, f.mario).run();
    f.store.reindexCustomer(f.mario);
    CHECK(f.find("mario.rossi@example").isEmpty());
    CHECK(f.find("333 123").isEmpty());
    CHECK(f.find("mario rossi") == QList<qint64> { f.mario });
}

TEST_CASE("The search worker answers from its own thread, numbering its requests", "[search]")
{
    Fixture f;
    CustomerSearchWorker worker(f.store.path());
    QThread* answeredOn = nullptr;
    QObject::connect(&worker, &CustomerSearchWorker::found, &worker,
        [&answeredOn] { answeredOn = QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy found(&worker, &CustomerSearchWorker::found);

    const quint64 first = worker.search(QStringLiteral("zzz"), 0, 10);
    const quint64 second = worker.search(QStringLiteral("ross"), 0, 10);
    CHECK(second > first);
    // The first is answered only if it was done before the second was asked.
    REQUIRE(QTest::qWaitFor([&] {
        return !found.isEmpty() && found.constLast().at(0).value<quint64>() == second;
    }, 5000));
    CHECK(found.constLast().at(1).value<CustomerMatches>().customers.size() == 2);
    CHECK(answeredOn != nullptr);
    CHECK(answeredOn != QThread::currentThread());
}

TEST_CASE("The search worker says why when the store cannot be opened", "[search][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("no/such/folder/store.db"));
    CustomerSearchWorker worker(path);
    QSignalSpy failed(&worker, &CustomerSearchWorker::failed);
    const quint64 request = worker.search(QStringLiteral("rossi"), 0, 10);
    REQUIRE(failed.wait(5000));
    CHECK(failed.at(0).at(0).value<quint64>() == request);
    CHECK(failed.at(0).at(1).toString().contains(path));
}
