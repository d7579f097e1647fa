// The Qt item models the views read: checked by QAbstractItemModelTester for
// every change, by QSignalSpy for the signals views rely on, and against a
// real store for filtering, paging and order.
#include "CheckedModel.h"
#include "TestSupport.h"
#include "itemmodels/CustomerListModel.h"
#include "store/CustomerSearch.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QFont>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using TestSupport::CheckedModel;

namespace {

Customer makeCustomer(const QString& first, const QString& last, const QString& company = QString(),
    const QString& city = QString(), bool vip = false)
{
    Customer c;
    c.firstName = first;
    c.lastName = last;
    c.company = company;
    c.city = city;
    c.vip = vip;
    return c;
}

Interaction makeInteraction(qint64 customerId, qint64 offeredAt, Channel channel, const QString& subject)
{
    Interaction i;
    i.customerId = customerId;
    i.channel = channel;
    i.offeredAt = offeredAt;
    i.subject = subject;
    i.queueId = 1;
    i.agentId = 1;
    i.disposition = QStringLiteral("resolved");
    return i;
}

// A handful of customers with identities and history, written straight
// through the store's API.
struct SmallStore
{
    SmallStore()
    {
        store.db().exec(
            "INSERT INTO queues(id, name, skill, channel) VALUES (1, 'Billing', 'billing', 'voice');"
            "INSERT INTO agents(id, login, display_name) VALUES (1, 'lverdi', 'Laura Verdi');");
        rossi = store.addCustomer(makeCustomer(QStringLiteral("Mario"), QStringLiteral("Rossi"),
            QStringLiteral("Acme S.p.A."), QStringLiteral("Milano"), true));
        store.addIdentity(
            rossi, IdentityKind::Phone, QStringLiteral("+39 333 123 4567"), QStringLiteral("pbx"));
        store.addIdentity(
            rossi, IdentityKind::Email, QStringLiteral("mario.rossi@example.com"), QStringLiteral("crm"));
        rossini = store.addCustomer(makeCustomer(
            QStringLiteral("Gioacchino"), QStringLiteral("Rossini"), QString(), QStringLiteral("Pesaro")));
        store.addIdentity(rossini, IdentityKind::Phone, QStringLiteral("0721 123456"), QStringLiteral("crm"));
        bianchi = store.addCustomer(makeCustomer(QStringLiteral("Giulia"), QStringLiteral("Bianchi"),
            QStringLiteral("Bianchi Srl"), QStringLiteral("Torino")));
        store.addIdentity(bianchi, IdentityKind::Social, QStringLiteral("@giuliab"), QStringLiteral("social"),
            QStringLiteral("instagram"));
        store.addCustomer(makeCustomer(QStringLiteral("Anna"), QStringLiteral("Verdi")));

        store.addInteraction(
            makeInteraction(rossi, 1'700'000'000, Channel::Voice, QStringLiteral("Invoice")));
        store.addInteraction(makeInteraction(rossi, 1'700'500'000, Channel::Email, QStringLiteral("Refund")));
        store.addInteraction(
            makeInteraction(rossi, 1'699'000'000, Channel::Chat, QStringLiteral("Delivery")));
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("items.db")) };
    qint64 rossi = 0;
    qint64 rossini = 0;
    qint64 bianchi = 0;
};

QStringList names(const CustomerListModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, CustomerListModel::Name).data().toString();
    return result;
}

// Searches run on the model's worker thread: ask, then wait for the answer.
void applyFilter(CustomerListModel& model, const QString& typed)
{
    QSignalSpy applied(&model, &CustomerListModel::filterApplied);
    model.setFilter(typed);
    REQUIRE(applied.wait(5000));
}

// Asks for one more page and waits until it has been read (it may add no rows).
void fetchPage(CustomerListModel& model)
{
    model.fetchMore(QModelIndex());
    REQUIRE(model.isSearching());
    REQUIRE(QTest::qWaitFor([&model] { return !model.isSearching(); }, 5000));
}

void addCustomers(Store& store, int count)
{
    Transaction transaction(store.db());
    for (int n = 0; n < count; ++n)
        store.addCustomer(
            makeCustomer(QStringLiteral("Customer"), QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0'))));
    transaction.commit();
}

} // namespace

TEST_CASE("customer list shows every customer by name with their details", "[itemmodels]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);

    REQUIRE(model.columnCount() == CustomerListModel::ColumnCount);
    CHECK(names(model)
        == QStringList { QStringLiteral("Anna Verdi"), QStringLiteral("Gioacchino Rossini"),
            QStringLiteral("Giulia Bianchi"), QStringLiteral("Mario Rossi") });
    const int mario = model.rowOfCustomer(data.rossi);
    REQUIRE(mario == 3);
    CHECK(model.index(mario, CustomerListModel::Company).data().toString() == QStringLiteral("Acme S.p.A."));
    CHECK(model.index(mario, CustomerListModel::City).data().toString() == QStringLiteral("Milano"));
    CHECK(model.index(mario, CustomerListModel::Tier).data().toString() == QStringLiteral("Standard"));
    CHECK(model.index(mario, CustomerListModel::Language).data().toString() == QStringLiteral("Italian"));
    CHECK(model.index(mario, CustomerListModel::Tier).data(CustomerListModel::CustomerIdRole).toLongLong()
        == data.rossi);
    CHECK(
        model.headerData(CustomerListModel::Company, Qt::Horizontal).toString() == QStringLiteral("Company"));
}

TEST_CASE("customer list marks VIPs in bold with a marker icon", "[itemmodels]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);

    const QModelIndex vip = model.index(model.rowOfCustomer(data.rossi), CustomerListModel::Name);
    const QModelIndex regular = model.index(model.rowOfCustomer(data.bianchi), CustomerListModel::Name);
    CHECK(vip.data(CustomerListModel::VipRole).toBool());
    CHECK(vip.data(Qt::FontRole).value<QFont>().bold());
    CHECK(vip.data(CustomerListModel::IconNameRole).toString() == QStringLiteral("vip"));
    CHECK_FALSE(regular.data(CustomerListModel::VipRole).toBool());
    CHECK_FALSE(regular.data(Qt::FontRole).isValid());
    CHECK(regular.data(CustomerListModel::IconNameRole).toString().isEmpty());
}

TEST_CASE("customer list filters by what the agent types and resets views", "[itemmodels]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    SECTION("part of a surname finds every customer it starts")
    {
        applyFilter(model, QStringLiteral("ross"));
        CHECK(resets.count() == 1);
        CHECK(model.matchCount() == 2);
        CHECK_FALSE(model.matchesCapped());
        QStringList found = names(model);
        found.sort();
        CHECK(found == QStringList { QStringLiteral("Gioacchino Rossini"), QStringLiteral("Mario Rossi") });
    }
    SECTION("a phone number typed with an international prefix and spaces finds its owner")
    {
        applyFilter(model, QStringLiteral("0039 333 123"));
        CHECK(names(model) == QStringList { QStringLiteral("Mario Rossi") });
    }
    SECTION("a social handle finds its owner")
    {
        applyFilter(model, QStringLiteral("giuliab"));
        CHECK(names(model) == QStringList { QStringLiteral("Giulia Bianchi") });
    }
    SECTION("nothing matching leaves an empty list")
    {
        applyFilter(model, QStringLiteral("zzzz"));
        CHECK(model.rowCount() == 0);
        CHECK_FALSE(model.canFetchMore(QModelIndex()));
    }
    SECTION("clearing the filter shows everyone again")
    {
        applyFilter(model, QStringLiteral("ross"));
        applyFilter(model, QString());
        CHECK(resets.count() == 2);
        CHECK(model.rowCount() == 4);
    }
}

TEST_CASE("customer list fetches a page at a time as the view scrolls", "[itemmodels]")
{
    constexpr int page = CustomerListModel::kPageSize;
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("many.db")));
    addCustomers(store, 450);
    CustomerListModel model(store);
    CheckedModel checked(&model);
    applyFilter(model, QString());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    CHECK(model.rowCount() == page);
    REQUIRE(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    // One page at a time: nothing more is promised while it is being read.
    CHECK_FALSE(model.canFetchMore(QModelIndex()));
    REQUIRE(inserted.wait(5000));
    CHECK(model.rowCount() == 2 * page);
    REQUIRE(inserted.count() == 1);
    CHECK(inserted.at(0).at(1).toInt() == page);
    CHECK(inserted.at(0).at(2).toInt() == 2 * page - 1);
    while (model.canFetchMore(QModelIndex()))
        fetchPage(model);
    CHECK(model.rowCount() == 450);
    CHECK(model.index(449, CustomerListModel::Name).data().toString() == QStringLiteral("Customer 0449"));

    // A new filter starts again from its first page, its matches counted as
    // far as the search had to read (the page, or the alphabetical limit)...
    QSignalSpy counted(&model, &CustomerListModel::matchCountChanged);
    applyFilter(model, QStringLiteral("customer"));
    CHECK(model.rowCount() == page);
    CHECK(model.canFetchMore(QModelIndex()));
    if (counted.isEmpty()) {
        CHECK(model.matchCount() == CustomerSearch::kAlphabeticalUpTo);
        CHECK(model.matchesCapped());
        // ...then to the end, off the GUI thread.
        REQUIRE(counted.wait(5000));
    }
    CHECK(model.matchCount() == 450);
    CHECK_FALSE(model.matchesCapped());
}

TEST_CASE("customer list with exactly one page inserts no empty rows when asked for more", "[itemmodels]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("page.db")));
    addCustomers(store, CustomerListModel::kPageSize);
    CustomerListModel model(store);
    CheckedModel checked(&model);
    applyFilter(model, QString());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // A full page cannot tell whether more follow, so it offers to fetch...
    REQUIRE(model.canFetchMore(QModelIndex()));
    fetchPage(model);
    // ...and finding nothing says so without a bogus insert.
    CHECK(inserted.isEmpty());
    CHECK(model.rowCount() == CustomerListModel::kPageSize);
    CHECK_FALSE(model.canFetchMore(QModelIndex()));
}

namespace {

// What a model told its views while a sync notification was applied.
struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel* model)
        : resets(model, &QAbstractItemModel::modelReset)
        , changed(model, &QAbstractItemModel::dataChanged)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , layouts(model, &QAbstractItemModel::layoutChanged)
    { }

    // Rows covered by the dataChanged signals, in order.
    QList<int> changedRows() const
    {
        QList<int> rows;
        for (const QList<QVariant>& signal : changed) {
            const auto topLeft = signal.at(0).value<QModelIndex>();
            const auto bottomRight = signal.at(1).value<QModelIndex>();
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                rows << row;
        }
        return rows;
    }

    QSignalSpy resets;
    QSignalSpy changed;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy layouts;
};

void renameCustomer(Store& store, qint64 id, const QString& name)
{
    store.db()
        .cached("UPDATE customers SET display_name = ?, last_name = ?, first_name = '' WHERE id = ?")
        .bind(1, name)
        .bind(2, name)
        .bind(3, id)
        .run();
    store.reindexCustomer(id);
}

} // namespace

TEST_CASE("customer list repaints only the rows of the customers a sync changed", "[itemmodels][sync]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    const int bianchiRow = model.rowOfCustomer(data.bianchi);
    data.store.db()
        .cached("UPDATE customers SET company = 'Bianchi & Figli', city = 'Asti' WHERE id = ?")
        .bind(1, data.bianchi)
        .run();
    ModelSignals signals_(&model);

    model.refreshCustomers({ data.bianchi });
    CHECK(signals_.resets.isEmpty());
    CHECK(signals_.inserted.isEmpty());
    CHECK(signals_.removed.isEmpty());
    CHECK(signals_.layouts.isEmpty());
    CHECK(signals_.changedRows() == QList<int> { bianchiRow });
    CHECK(model.index(bianchiRow, CustomerListModel::Company).data().toString() == QStringLiteral("Bianchi & Figli"));
    CHECK(model.index(bianchiRow, CustomerListModel::City).data().toString() == QStringLiteral("Asti"));
    // The whole row: every column a view shows may have changed.
    const auto range = signals_.changed.at(0);
    CHECK(range.at(0).value<QModelIndex>().column() == 0);
    CHECK(range.at(1).value<QModelIndex>().column() == CustomerListModel::ColumnCount - 1);
}

TEST_CASE("customer list inserts a synced new customer in its place, without a reset", "[itemmodels][sync]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    // Selected rows are persistent indexes: they must follow their customer.
    const QPersistentModelIndex rossi(model.index(model.rowOfCustomer(data.rossi), CustomerListModel::Name));
    const qint64 beppe = data.store.addCustomer(makeCustomer(QStringLiteral("Beppe"), QStringLiteral("Bruno")));
    ModelSignals signals_(&model);

    model.refreshCustomers({ beppe });
    CHECK(signals_.resets.isEmpty());
    REQUIRE(signals_.inserted.count() == 1);
    CHECK(signals_.inserted.at(0).at(1).toInt() == 1);
    CHECK(signals_.inserted.at(0).at(2).toInt() == 1);
    CHECK(signals_.removed.isEmpty());
    CHECK(names(model)
        == QStringList { QStringLiteral("Anna Verdi"), QStringLiteral("Beppe Bruno"), QStringLiteral("Gioacchino Rossini"),
            QStringLiteral("Giulia Bianchi"), QStringLiteral("Mario Rossi") });
    CHECK(rossi.isValid());
    CHECK(rossi.data(CustomerListModel::CustomerIdRole).toLongLong() == data.rossi);
}

TEST_CASE("customer list removes an erased customer's row and moves a renamed one", "[itemmodels][sync]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    const QPersistentModelIndex bianchi(model.index(model.rowOfCustomer(data.bianchi), CustomerListModel::Name));

    SECTION("erased")
    {
        data.store.db().cached("DELETE FROM customers WHERE id = ?").bind(1, data.rossini).run();
        ModelSignals signals_(&model);
        model.refreshCustomers({ data.rossini });
        CHECK(signals_.resets.isEmpty());
        REQUIRE(signals_.removed.count() == 1);
        CHECK(signals_.removed.at(0).at(1).toInt() == 1);
        CHECK(signals_.inserted.isEmpty());
        CHECK(signals_.changed.isEmpty());
        CHECK(model.rowOfCustomer(data.rossini) == -1);
        CHECK(model.rowCount() == 3);
    }
    SECTION("renamed: the row moves, the others stay where they are")
    {
        renameCustomer(data.store, data.rossini, QStringLiteral("Zeno Zanetti"));
        ModelSignals signals_(&model);
        model.refreshCustomers({ data.rossini });
        CHECK(signals_.resets.isEmpty());
        CHECK(signals_.removed.count() == 1);
        CHECK(signals_.inserted.count() == 1);
        CHECK(names(model)
            == QStringList { QStringLiteral("Anna Verdi"), QStringLiteral("Giulia Bianchi"), QStringLiteral("Mario Rossi"),
                QStringLiteral("Zeno Zanetti") });
    }
    CHECK(bianchi.isValid());
    CHECK(bianchi.data(CustomerListModel::CustomerIdRole).toLongLong() == data.bianchi);
}

TEST_CASE("a filtered customer list ignores synced customers that do not match", "[itemmodels][sync]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    applyFilter(model, QStringLiteral("ross"));
    const qint64 other = data.store.addCustomer(makeCustomer(QStringLiteral("Carla"), QStringLiteral("Neri")));
    ModelSignals signals_(&model);

    model.refreshCustomers({ other });
    CHECK(signals_.resets.isEmpty());
    CHECK(signals_.inserted.isEmpty());
    CHECK(signals_.removed.isEmpty());
    CHECK(signals_.changed.isEmpty());

    const qint64 match = data.store.addCustomer(makeCustomer(QStringLiteral("Rosa"), QStringLiteral("Rossetti")));

    model.refreshCustomers({ match });
    CHECK(signals_.resets.isEmpty());
    CHECK(signals_.inserted.count() == 1);
    CHECK(model.rowOfCustomer(match) >= 0);
    CHECK(model.rowCount() == 3);
}

TEST_CASE("rows reconcile through any reordering with the fewest moves", "[itemmodels][sync]")
{
    // Many customers, many renamed at once: the tester checks every signal.
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("shuffle.db")));
    addCustomers(store, 300);
    CustomerListModel model(store);
    CheckedModel checked(&model);
    // The tester asked for the second page on construction; the rest is read here.
    REQUIRE(QTest::qWaitFor([&model] { return !model.isSearching(); }, 5000));
    while (model.canFetchMore(QModelIndex()))
        fetchPage(model);
    REQUIRE(model.rowCount() == 300);
    QList<qint64> renamed;
    {
        Transaction transaction(store.db());
        for (int row = 0; row < 200; row += 7) {
            const qint64 id = model.customerIdAt(row);
            renameCustomer(store, id, QStringLiteral("Customer %1").arg((row * 37) % 300, 4, 10, QLatin1Char('0')) + QStringLiteral("b"));
            renamed << id;
        }
        store.db().exec("DELETE FROM customers WHERE id IN (SELECT id FROM customers ORDER BY id DESC LIMIT 5)");
        transaction.commit();
    }
    ModelSignals signals_(&model);
    model.refreshCustomers(renamed);
    CHECK(signals_.resets.isEmpty());
    const QList<Customer> expected = store.searchCustomers(QString(), 0, model.rowCount());
    REQUIRE(model.rowCount() == 295);
    for (int row = 0; row < model.rowCount(); ++row) {
        INFO("row " << row);
        REQUIRE(model.customerIdAt(row) == expected.at(row).id);
    }
}

TEST_CASE("customer list typed into fast shows only the answer to the last keystroke", "[itemmodels]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    QSignalSpy applied(&model, &CustomerListModel::filterApplied);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // Each keystroke asks before any answer is back, as when an agent types.
    for (const char* typed : { "g", "gi", "gio", "gioa" })
        model.setFilter(QString::fromUtf8(typed));
    CHECK(model.isSearching());
    CHECK(model.rowCount() == 4); // the rows stay until the answer is there
    REQUIRE(applied.wait(5000));
    // Answers to older keystrokes are dropped, however fast they came back.
    REQUIRE(QTest::qWaitFor([&model] { return !model.isSearching(); }, 5000));
    QCoreApplication::processEvents();
    CHECK(applied.count() == 1);
    CHECK(resets.count() == 1);
    CHECK(names(model) == QStringList { QStringLiteral("Gioacchino Rossini") });
    CHECK(model.filter() == QStringLiteral("gioa"));
}

TEST_CASE("customer list counts the customers off the GUI thread and again after a sync", "[itemmodels][sync]")
{
    SmallStore data;
    CustomerListModel model(data.store);
    CheckedModel checked(&model);
    QSignalSpy counted(&model, &CustomerListModel::customerTotalChanged);
    if (model.customerTotal() < 0)
        REQUIRE(counted.wait(5000));
    CHECK(model.customerTotal() == 4);

    const qint64 added = data.store.addCustomer(makeCustomer(QStringLiteral("Carla"), QStringLiteral("Neri")));
    model.refreshCustomers({ added });
    REQUIRE(counted.wait(5000));
    CHECK(model.customerTotal() == 5);
}
