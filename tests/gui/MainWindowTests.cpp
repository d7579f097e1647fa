// The real main window, driven offscreen as an agent would drive it: find
// the children by objectName, type, click, and wait for conditions (never
// for fixed times).
#include "CustomerCard.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "itemmodels/CustomerListModel.h"
#include "itemmodels/InteractionListModel.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

constexpr int kWaitMs = 5000;

Customer makeCustomer(const QString& first, const QString& last, const QString& company = QString())
{
    Customer c;
    c.firstName = first;
    c.lastName = last;
    c.company = company;
    c.city = QStringLiteral("Milano");
    c.country = QStringLiteral("IT");
    c.lifetimeValue = 1234.5;
    c.crmFields = QStringLiteral(R"({"segment": "retail", "account_manager": "Paola"})");
    return c;
}

void addHistory(Store& store, qint64 customerId, const QStringList& subjects)
{
    qint64 when = 1'700'000'000;
    for (const QString& subject : subjects) {
        Interaction i;
        i.customerId = customerId;
        i.channel = Channel::Email;
        i.offeredAt = when;
        i.subject = subject;
        store.addInteraction(i);
        when -= 86400; // older each time: the list shows them in the order given here
    }
}

// The data exists before the window is built, as when an agent starts Unisono.
struct CustomerData
{
    CustomerData()
    {
        anna = store.addCustomer(makeCustomer(QStringLiteral("Anna"), QStringLiteral("Abate")));
        addHistory(store, anna, { QStringLiteral("Welcome pack") });
        mario = store.addCustomer(
            makeCustomer(QStringLiteral("Mario"), QStringLiteral("Rossi"), QStringLiteral("Acme")));
        store.addIdentity(
            mario, IdentityKind::Phone, QStringLiteral("+39 333 123 4567"), QStringLiteral("pbx"));
        store.addIdentity(
            mario, IdentityKind::Email, QStringLiteral("mario.rossi@example.com"), QStringLiteral("crm"));
        addHistory(store, mario, { QStringLiteral("Broken router"), QStringLiteral("Invoice question") });
        rossini = store.addCustomer(makeCustomer(QStringLiteral("Gioacchino"), QStringLiteral("Rossini")));
        giulia = store.addCustomer(makeCustomer(QStringLiteral("Giulia"), QStringLiteral("Bianchi")));
        addHistory(store, giulia,
            { QStringLiteral("Cancel contract"), QStringLiteral("Price increase"),
                QStringLiteral("Roaming") });
        store.addCustomer(makeCustomer(QStringLiteral("Paolo"), QStringLiteral("Neri")));
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("window.db")) };
    qint64 anna = 0;
    qint64 mario = 0;
    qint64 rossini = 0;
    qint64 giulia = 0;
};

struct WindowFixture : CustomerData
{
    WindowFixture()
    {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        searchField = window.findChild<QLineEdit*>(QStringLiteral("searchField"));
        customerList = window.findChild<QTableView*>(QStringLiteral("customerList"));
        card = window.findChild<CustomerCard*>(QStringLiteral("customerCard"));
        interactionList = window.findChild<QTableView*>(QStringLiteral("interactionList"));
        REQUIRE(searchField);
        REQUIRE(customerList);
        REQUIRE(card);
        REQUIRE(interactionList);
    }

    QString cardName() const { return card->findChild<QLabel*>(QStringLiteral("cardName"))->text(); }
    QStringList listedNames() const
    {
        QStringList names;
        for (int row = 0; row < customerList->model()->rowCount(); ++row)
            names << customerList->model()->index(row, 0).data().toString();
        return names;
    }
    int rowOf(const QString& name) const { return int(listedNames().indexOf(name)); }
    CustomerListModel* customers() const { return qobject_cast<CustomerListModel*>(customerList->model()); }
    // Types into the search field as an agent does and waits for the list
    // to show the answer (searches run on a worker thread).
    void search(const QString& typed)
    {
        QSignalSpy applied(customers(), &CustomerListModel::filterApplied);
        QTest::keyClicks(searchField, typed);
        REQUIRE(applied.wait(kWaitMs));
        // The answer waited for is the one to the whole text, not to a first keystroke.
        REQUIRE(customers()->filter() == typed);
        REQUIRE(QTest::qWaitFor([this] { return !customers()->isSearching(); }, kWaitMs));
    }
    QString interactionSubject(int row) const
    {
        return interactionList->model()->index(row, InteractionListModel::Subject).data().toString();
    }
    void clickRow(int row)
    {
        const QModelIndex index = customerList->model()->index(row, 0);
        QTest::mouseClick(
            customerList->viewport(), Qt::LeftButton, {}, customerList->visualRect(index).center());
    }

    MainWindow window { store };
    QLineEdit* searchField = nullptr;
    QTableView* customerList = nullptr;
    CustomerCard* card = nullptr;
    QTableView* interactionList = nullptr;
};

} // namespace

TEST_CASE("main window lists the customers and opens on the first one", "[gui]")
{
    WindowFixture f;
    CHECK(f.window.windowTitle() == QStringLiteral("Unisono"));
    CHECK(f.listedNames()
        == QStringList { QStringLiteral("Anna Abate"), QStringLiteral("Gioacchino Rossini"),
            QStringLiteral("Giulia Bianchi"), QStringLiteral("Mario Rossi"), QStringLiteral("Paolo Neri") });
    CHECK(f.customerList->currentIndex().row() == 0);
    CHECK(f.card->customerId() == f.anna);
    CHECK(f.cardName() == QStringLiteral("Anna Abate"));
    REQUIRE(f.interactionList->model()->rowCount() == 1);
    CHECK(f.interactionSubject(0) == QStringLiteral("Welcome pack"));
}

TEST_CASE("typing in the search field filters the customer list", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("ross"));
    REQUIRE(f.customerList->model()->rowCount() == 2);
    QStringList names = f.listedNames();
    names.sort();
    CHECK(names == QStringList { QStringLiteral("Gioacchino Rossini"), QStringLiteral("Mario Rossi") });
    // The best match takes over the card, so a unique hit needs no extra click.
    CHECK((f.card->customerId() == f.mario || f.card->customerId() == f.rossini));

    // Escape clears the search and brings everyone back.
    QSignalSpy applied(f.customers(), &CustomerListModel::filterApplied);
    QTest::keyClick(f.searchField, Qt::Key_Escape);
    REQUIRE(applied.wait(kWaitMs));
    CHECK(f.customerList->model()->rowCount() == 5);
}

TEST_CASE("a phone number typed in any format finds its customer and shows them", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("0039 333 123"));
    REQUIRE(f.customerList->model()->rowCount() == 1);
    CHECK(f.listedNames() == QStringList { QStringLiteral("Mario Rossi") });
    CHECK(f.cardName() == QStringLiteral("Mario Rossi"));
    CHECK(f.interactionList->model()->rowCount() == 2);
}

TEST_CASE("a search nobody matches empties the card and history and says so", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("nobody-by-this-name"));
    REQUIRE(f.customerList->model()->rowCount() == 0);
    CHECK(f.card->customerId() == 0);
    CHECK(f.interactionList->model()->rowCount() == 0);
    CHECK(f.window.statusBar()
              ->findChild<QLabel*>(QStringLiteral("customerCount"))
              ->text()
              .contains(QStringLiteral("No customer")));
}

TEST_CASE("clicking a customer shows their profile and their history newest first", "[gui]")
{
    WindowFixture f;
    const int row = f.rowOf(QStringLiteral("Giulia Bianchi"));
    REQUIRE(row >= 0);
    f.clickRow(row);
    REQUIRE(QTest::qWaitFor([&] { return f.card->customerId() == f.giulia; }, kWaitMs));
    CHECK(f.cardName() == QStringLiteral("Giulia Bianchi"));
    REQUIRE(f.interactionList->model()->rowCount() == 3);
    CHECK(f.interactionSubject(0) == QStringLiteral("Cancel contract"));
    CHECK(f.interactionSubject(2) == QStringLiteral("Roaming"));

    // And the keyboard moves through the list just as well.
    f.customerList->setFocus();
    QTest::keyClick(f.customerList, Qt::Key_Down);
    REQUIRE(QTest::qWaitFor([&] { return f.card->customerId() == f.mario; }, kWaitMs));
    CHECK(f.interactionList->model()->rowCount() == 2);
}

TEST_CASE("the card shows identities, CRM fields and the lifetime value", "[gui]")
{
    WindowFixture f;
    REQUIRE(f.window.selectCustomer(f.mario));
    QStringList texts;
    for (const QLabel* label : f.card->findChildren<QLabel*>())
        texts << label->text();
    CHECK(texts.contains(QStringLiteral("+39 333 123 4567")));
    CHECK(texts.contains(QStringLiteral("mario.rossi@example.com")));
    CHECK(texts.contains(QStringLiteral("Account manager")));
    CHECK(texts.contains(QStringLiteral("Paola")));
    const QString value = f.card->findChild<QLabel*>(QStringLiteral("lifetimeValue"))->text();
    CHECK(value.contains(QStringLiteral("1")));
    CHECK(value.contains(QStringLiteral("€")));
}

TEST_CASE("customer-written text on the card is shown as plain text, never markup", "[gui]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("markup.db")));
    Customer c = makeCustomer(QStringLiteral("<b>Eve</b>"), QStringLiteral("<img src=x>"));
    c.crmFields = QStringLiteral(R"({"<i>note</i>": "<a href='http://evil'>click</a>"})");
    store.addCustomer(c);
    MainWindow window(store);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    auto* card = window.findChild<CustomerCard*>(QStringLiteral("customerCard"));
    REQUIRE(card);
    const QLabel* name = card->findChild<QLabel*>(QStringLiteral("cardName"));
    CHECK(name->text() == QStringLiteral("<b>Eve</b> <img src=x>"));
    int dataLabels = 0;
    for (const QLabel* label : card->findChildren<QLabel*>()) {
        if (label->text().contains(QLatin1Char('<'))) {
            ++dataLabels;
            INFO(label->text().toStdString());
            CHECK(label->textFormat() == Qt::PlainText);
        }
    }
    CHECK(dataLabels >= 3);
}

TEST_CASE("Ctrl+K puts the cursor in the search field from anywhere in the window", "[gui]")
{
    WindowFixture f;
    f.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&f.window));
    f.interactionList->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return f.interactionList->hasFocus(); }, kWaitMs));
    QTest::keyClick(f.interactionList, Qt::Key_K, Qt::ControlModifier);
    CHECK(QTest::qWaitFor([&] { return f.searchField->hasFocus(); }, kWaitMs));
}

TEST_CASE("the status bar shows how many customers there are and which database is open", "[gui]")
{
    WindowFixture f;
    const QLabel* count = f.window.statusBar()->findChild<QLabel*>(QStringLiteral("customerCount"));
    const QLabel* path = f.window.statusBar()->findChild<QLabel*>(QStringLiteral("databasePath"));
    REQUIRE(count);
    REQUIRE(path);
    // Counted off the GUI thread: a million customers take tens of milliseconds.
    QSignalSpy counted(f.customers(), &CustomerListModel::customerTotalChanged);
    if (f.customers()->customerTotal() < 0)
        REQUIRE(counted.wait(kWaitMs));
    CHECK(count->text() == QStringLiteral("5 customers"));
    CHECK(path->text().contains(QStringLiteral("window.db")));
}

TEST_CASE(
    "unisono --screenshot fills a new database with demo data and saves a PNG of the window", "[gui][cli]")
{
    TestSupport::TempDir dir;
    const QString png = dir.file(QStringLiteral("window.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(TestSupport::builtBinary(QStringLiteral("unisono")),
        { QStringLiteral("--db"), dir.file(QStringLiteral("demo.db")), QStringLiteral("--demo-size"),
            QStringLiteral("tiny"), QStringLiteral("--screenshot"), png });
    REQUIRE(process.waitForFinished(120'000));
    INFO(process.readAllStandardError().toStdString());
    CHECK(process.exitStatus() == QProcess::NormalExit);
    CHECK(process.exitCode() == 0);

    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() >= 800);
    CHECK(image.height() >= 500);
    Store store(dir.file(QStringLiteral("demo.db")));
    CHECK(store.customerCount() > 0);
}

TEST_CASE("scrolling a long history loads only the pages scrolled through", "[gui][paging]")
{
    CustomerData data;
    const qint64 busy = data.store.addCustomer(makeCustomer(QStringLiteral("Zoe"), QStringLiteral("Zanetti")));
    {
        Transaction transaction(data.store.db());
        for (int n = 0; n < 5000; ++n) {
            Interaction i;
            i.customerId = busy;
            i.channel = Channel::Chat;
            i.offeredAt = 1'700'000'000 - qint64(n) * 600;
            i.subject = QStringLiteral("Chat %1").arg(n);
            data.store.addInteraction(i);
        }
        transaction.commit();
    }
    MainWindow window(data.store);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.selectCustomer(busy));
    auto* list = window.findChild<QTableView*>(QStringLiteral("interactionList"));
    REQUIRE(list);
    auto* history = qobject_cast<InteractionListModel*>(list->model());
    REQUIRE(history);
    QCoreApplication::processEvents();
    CHECK(history->totalCount() == 5000);
    // One page fills the view; nothing more is read until the agent scrolls.
    CHECK(history->rowCount() == InteractionListModel::kPageSize);

    // Within the rows loaded, scrolling reads nothing.
    list->scrollTo(history->index(InteractionListModel::kPageSize / 2, 0));
    QCoreApplication::processEvents();
    CHECK(history->rowCount() == InteractionListModel::kPageSize);

    // Each time the view reaches the end of what is loaded, one more page.
    QSignalSpy inserted(history, &QAbstractItemModel::rowsInserted);
    for (int page = 2; page <= 4; ++page) {
        list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
        REQUIRE(QTest::qWaitFor([&] { return history->rowCount() >= page * InteractionListModel::kPageSize; }, kWaitMs));
        QCoreApplication::processEvents();
        CHECK(history->rowCount() == page * InteractionListModel::kPageSize);
    }
    CHECK(inserted.count() == 3);
    // Still newest first across the pages: keyed paging neither skips nor repeats a row.
    CHECK(history->index(399, InteractionListModel::Subject).data().toString() == QStringLiteral("Chat 399"));
}
