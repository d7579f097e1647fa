// The real main window, driven offscreen as an agent would drive it: find
// the children by objectName, type, click, and wait for conditions (never
// for fixed times).
#include "CustomerCard.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "context/CustomerTimelineModel.h"
#include "itemmodels/CustomerListModel.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QStackedWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
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
        leftPane = window.findChild<QStackedWidget*>(QStringLiteral("leftPane"));
        tabs = window.findChild<QTabWidget*>(QStringLiteral("sessionTabs"));
        REQUIRE(searchField);
        REQUIRE(customerList);
        REQUIRE(leftPane);
        REQUIRE(tabs);
    }

    // The card and history of the session in front.
    CustomerCard* card() const
    {
        return tabs->currentWidget() ? tabs->currentWidget()->findChild<CustomerCard*>(QStringLiteral("customerCard"))
                                     : nullptr;
    }
    QListView* history() const
    {
        return tabs->currentWidget() ? tabs->currentWidget()->findChild<QListView*>(QStringLiteral("timelineView"))
                                     : nullptr;
    }
    qint64 shownCustomer() const { return card() ? card()->customerId() : 0; }
    QString cardName() const { return card()->findChild<QLabel*>(QStringLiteral("cardName"))->text(); }
    bool searching() const { return leftPane->currentWidget() == customerList; }
    QStringList listedNames() const
    {
        QStringList names;
        for (int row = 0; row < customerList->model()->rowCount(); ++row)
            names << customerList->model()->index(row, 0).data().toString();
        return names;
    }
    int rowOf(const QString& name) const { return int(listedNames().indexOf(name)); }
    CustomerListModel* customers() const { return qobject_cast<CustomerListModel*>(customerList->model()); }
    QString interactionSubject(int row) const
    {
        return history()->model()->index(row, 0).data().toString();
    }
    void clickRow(int row)
    {
        const QModelIndex index = customerList->model()->index(row, 0);
        QTest::mouseClick(customerList->viewport(), Qt::LeftButton, {}, customerList->visualRect(index).center());
    }
    void search(const QString& text, int expectedRows)
    {
        searchField->clear();
        QTest::keyClicks(searchField, text);
        // Searches run on a worker thread: wait for the answer to the whole
        // text, not to a first keystroke.
        REQUIRE(QTest::qWaitFor([&] { return customers()->shownFilter() == text && !customers()->isSearching(); },
            kWaitMs));
        CHECK(searching());
        REQUIRE(customerList->model()->rowCount() == expectedRows);
    }

    MainWindow window { store };
    QLineEdit* searchField = nullptr;
    QTableView* customerList = nullptr;
    QStackedWidget* leftPane = nullptr;
    QTabWidget* tabs = nullptr;
};

} // namespace

TEST_CASE("the desk opens on My work with no customer session and says how to start one", "[gui]")
{
    WindowFixture f;
    CHECK(f.window.windowTitle() == QStringLiteral("Unisono"));
    CHECK_FALSE(f.searching());
    CHECK(f.tabs->count() == 0);
    const auto* hint = f.window.findChild<QLabel*>(QStringLiteral("noSessionLabel"));
    REQUIRE(hint);
    CHECK(hint->isVisible());
    CHECK(hint->text().contains(QStringLiteral("Ctrl+K")));
    CHECK(f.searchField->hasFocus());
}

TEST_CASE("typing in the search field lists the matching customers, Escape brings My work back", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("ross"), 2);
    QStringList names = f.listedNames();
    names.sort();
    CHECK(names == QStringList { QStringLiteral("Gioacchino Rossini"), QStringLiteral("Mario Rossi") });
    // Searching opens nothing by itself.
    CHECK(f.tabs->count() == 0);

    QTest::keyClick(f.searchField, Qt::Key_Escape);
    REQUIRE(QTest::qWaitFor([&] { return !f.searching(); }, kWaitMs));
    CHECK(f.searchField->text().isEmpty());
}

TEST_CASE("a phone number typed in any format finds its customer and Enter opens their session", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("0039 333 123"), 1);
    CHECK(f.listedNames() == QStringList { QStringLiteral("Mario Rossi") });
    QTest::keyClick(f.searchField, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return f.shownCustomer() == f.mario; }, kWaitMs));
    CHECK(f.cardName() == QStringLiteral("Mario Rossi"));
    CHECK(f.history()->model()->rowCount() == 2);
    // The search did its job: My work is back and the field is empty for the next caller.
    CHECK_FALSE(f.searching());
    CHECK(f.searchField->text().isEmpty());
}

TEST_CASE("Enter typed before the search has answered opens the best match once it does", "[gui]")
{
    WindowFixture f;
    // Searches run on a worker: a fast agent types and presses Enter at once.
    QTest::keyClicks(f.searchField, QStringLiteral("Giulia Bianchi"));
    QTest::keyClick(f.searchField, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return f.shownCustomer() == f.giulia; }, kWaitMs));
    CHECK(f.tabs->count() == 1);
    CHECK(f.searchField->text().isEmpty());
}

TEST_CASE("a search nobody matches says so", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("nobody-by-this-name"), 0);
    CHECK(f.tabs->count() == 0);
    CHECK(f.window.statusBar()
              ->findChild<QLabel*>(QStringLiteral("customerCount"))
              ->text()
              .contains(QStringLiteral("No customer")));
}

TEST_CASE("each customer picked from the search gets a session tab, picking one again brings it to the front", "[gui]")
{
    WindowFixture f;
    f.search(QStringLiteral("giulia"), 1);
    f.clickRow(0);
    REQUIRE(QTest::qWaitFor([&] { return f.shownCustomer() == f.giulia; }, kWaitMs));
    CHECK(f.cardName() == QStringLiteral("Giulia Bianchi"));
    REQUIRE(f.history()->model()->rowCount() == 3);
    CHECK(f.interactionSubject(0) == QStringLiteral("Cancel contract"));
    CHECK(f.interactionSubject(2) == QStringLiteral("Roaming"));

    f.search(QStringLiteral("mario"), 1);
    // The keyboard works as well as the mouse: down into the results, Enter opens.
    QTest::keyClick(f.searchField, Qt::Key_Down);
    QTest::keyClick(f.customerList, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return f.shownCustomer() == f.mario; }, kWaitMs));
    CHECK(f.tabs->count() == 2);
    CHECK(f.tabs->tabText(1) == QStringLiteral("Mario Rossi"));

    f.search(QStringLiteral("giulia"), 1);
    f.clickRow(0);
    REQUIRE(QTest::qWaitFor([&] { return f.shownCustomer() == f.giulia; }, kWaitMs));
    CHECK(f.tabs->count() == 2);
    CHECK(f.tabs->currentIndex() == 0);

    // Ctrl+W closes the session in front; the other stays.
    QTest::keyClick(&f.window, Qt::Key_W, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return f.tabs->count() == 1; }, kWaitMs));
    CHECK(f.shownCustomer() == f.mario);
}

TEST_CASE("the card shows identities, CRM fields and the lifetime value", "[gui]")
{
    WindowFixture f;
    REQUIRE(f.window.openCustomer(f.mario));
    QStringList texts;
    for (const QLabel* label : f.card()->findChildren<QLabel*>())
        texts << label->text();
    CHECK(texts.contains(QStringLiteral("+39 333 123 4567")));
    CHECK(texts.contains(QStringLiteral("mario.rossi@example.com")));
    CHECK(texts.contains(QStringLiteral("Account manager")));
    CHECK(texts.contains(QStringLiteral("Paola")));
    const QString value = f.card()->findChild<QLabel*>(QStringLiteral("lifetimeValue"))->text();
    CHECK(value.contains(QStringLiteral("1")));
    CHECK(value.contains(QStringLiteral("€")));
}

TEST_CASE("customer-written text on the card and the tab is shown as plain text, never markup", "[gui]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("markup.db")));
    Customer c = makeCustomer(QStringLiteral("<b>Eve</b>"), QStringLiteral("<img src=x> & Co"));
    c.crmFields = QStringLiteral(R"({"<i>note</i>": "<a href='http://evil'>click</a>"})");
    const qint64 eve = store.addCustomer(c);
    MainWindow window(store);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openCustomer(eve));

    auto* card = window.findChild<CustomerCard*>(QStringLiteral("customerCard"));
    REQUIRE(card);
    const QLabel* name = card->findChild<QLabel*>(QStringLiteral("cardName"));
    CHECK(name->text() == QStringLiteral("<b>Eve</b> <img src=x> & Co"));
    int dataLabels = 0;
    for (const QLabel* label : card->findChildren<QLabel*>()) {
        if (label->text().contains(QLatin1Char('<'))) {
            ++dataLabels;
            INFO(label->text().toStdString());
            CHECK(label->textFormat() == Qt::PlainText);
        }
    }
    CHECK(dataLabels >= 3);
    // The ampersand is shown, not taken for a keyboard mnemonic.
    const auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("sessionTabs"));
    CHECK(tabs->tabBar()->tabText(0).contains(QStringLiteral("&&")));
}

TEST_CASE("Ctrl+K puts the cursor in the search field from anywhere in the window", "[gui]")
{
    WindowFixture f;
    REQUIRE(f.window.openCustomer(f.anna));
    f.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&f.window));
    f.history()->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return f.history()->hasFocus(); }, kWaitMs));
    QTest::keyClick(f.history(), Qt::Key_K, Qt::ControlModifier);
    CHECK(QTest::qWaitFor([&] { return f.searchField->hasFocus(); }, kWaitMs));
}

TEST_CASE("no shortcut of the desk uses Ctrl+Alt, which is AltGr on Italian and other European layouts", "[gui]")
{
    WindowFixture f;
    int shortcuts = 0;
    for (const QAction* action : f.window.findChildren<QAction*>()) {
        for (const QKeySequence& keys : action->shortcuts()) {
            ++shortcuts;
            INFO(action->objectName().toStdString() << " " << keys.toString().toStdString());
            const Qt::KeyboardModifiers modifiers = keys[0].keyboardModifiers();
            CHECK_FALSE(((modifiers & Qt::ControlModifier) && (modifiers & Qt::AltModifier)));
        }
    }
    CHECK(shortcuts >= 8);
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
    WindowFixture f;
    const qint64 busy = f.store.addCustomer(makeCustomer(QStringLiteral("Zoe"), QStringLiteral("Zanetti")));
    {
        Transaction transaction(f.store.db());
        for (int n = 0; n < 5000; ++n) {
            Interaction i;
            i.customerId = busy;
            i.channel = Channel::Chat;
            i.offeredAt = 1'700'000'000 - qint64(n) * 600;
            i.subject = QStringLiteral("Chat %1").arg(n);
            f.store.addInteraction(i);
        }
        transaction.commit();
    }
    REQUIRE(f.window.openCustomer(busy));
    QListView* list = f.history();
    REQUIRE(list);
    auto* timeline = qobject_cast<CustomerTimelineModel*>(list->model());
    REQUIRE(timeline);
    // The view asks for more on a zero timer once laid out: let it, so a
    // page it should not have read would show up here.
    QCoreApplication::processEvents();
    REQUIRE(list->isVisible());
    CHECK(timeline->storedCount() == 5000);
    // One page fills the view; nothing more is read until the agent scrolls.
    CHECK(timeline->rowCount() == CustomerTimelineModel::kPageSize);
    REQUIRE(list->verticalScrollBar()->maximum() > 0);

    // Within the rows loaded, scrolling reads nothing.
    QSignalSpy inserted(timeline, &QAbstractItemModel::rowsInserted);
    list->scrollTo(timeline->index(CustomerTimelineModel::kPageSize / 2, 0));
    QCoreApplication::processEvents();
    CHECK(inserted.isEmpty());
    CHECK(timeline->rowCount() == CustomerTimelineModel::kPageSize);

    // Each time the view reaches the end of what is loaded, one more page.
    for (int page = 2; page <= 4; ++page) {
        list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
        REQUIRE(QTest::qWaitFor(
            [&] { return timeline->rowCount() >= page * CustomerTimelineModel::kPageSize; }, kWaitMs));
        QCoreApplication::processEvents();
        CHECK(timeline->rowCount() == page * CustomerTimelineModel::kPageSize);
    }
    CHECK(inserted.count() == 3);
    // Still newest first across the pages: keyed paging neither skips nor repeats a row.
    for (int row = 0; row < timeline->rowCount(); ++row) {
        INFO("row " << row);
        REQUIRE(f.interactionSubject(row) == QStringLiteral("Chat %1").arg(row));
    }
}
