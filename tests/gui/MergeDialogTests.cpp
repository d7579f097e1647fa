// Merging a planted duplicate from the customer's context, offscreen on the
// real main window: the Duplicates tab shows the candidate with its score and
// reasons; the merge dialog proposes per field, the agent picks the
// duplicate's address over the proposal, and the merge lands in the store
// (survivor's fields, identities and interactions moved) and in the outbox
// (every field's side named); Undo Merge puts both records back and queues
// the undo.
#include "MainWindow.h"
#include "TestSupport.h"
#include "context/CustomerContextPanel.h"
#include "identity/MergeFieldModel.h"
#include "store/Store.h"

#include <QDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>

namespace {

constexpr int kWaitMs = 5000;

template <typename T> T* child(QObject* parent, const char* name)
{
    REQUIRE(parent);
    T* widget = parent->findChild<T*>(QLatin1String(name));
    INFO("looking for " << name);
    REQUIRE(widget);
    return widget;
}

QJsonObject lastBody(Store& store, const char* command)
{
    Statement& st = store.db().cached("SELECT payload FROM outbox WHERE command = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, command);
    QJsonObject body;
    if (st.step())
        body = QJsonDocument::fromJson(st.text(0).toUtf8()).object().value(QStringLiteral("body")).toObject();
    st.reset();
    return body;
}

// Nicolò Esposito (updated last) on screen; NICOLO Esposito, an older record
// of the same man with a company, an e-mail and an interaction.
struct DeskWithDuplicate
{
    DeskWithDuplicate()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        store.db().exec("INSERT INTO agents(id, login, display_name, state) VALUES (7, 'anna', 'Anna Uno', 'ready')");
        Customer c;
        c.firstName = QStringLiteral("Nicolò");
        c.lastName = QStringLiteral("Esposito");
        c.displayName = QStringLiteral("Nicolò Esposito");
        c.address = QStringLiteral("Via Roma 12");
        c.city = QStringLiteral("Napoli");
        c.tier = QStringLiteral("gold");
        c.createdAt = c.updatedAt = now;
        survivor = store.addCustomer(c);
        store.addIdentity(survivor, IdentityKind::Phone, QStringLiteral("+39 333 111 2223"), QStringLiteral("crm"));
        c.firstName = QStringLiteral("NICOLO");
        c.displayName = QStringLiteral("NICOLO Esposito");
        c.address = QStringLiteral("via roma, 12");
        c.company = QStringLiteral("Esposito S.r.l.");
        c.tier = QStringLiteral("standard");
        c.createdAt = c.updatedAt = now - 86400;
        duplicate = store.addCustomer(c);
        store.addIdentity(
            duplicate, IdentityKind::Email, QStringLiteral("nicolo@example.com"), QStringLiteral("crm"));
        Interaction mail;
        mail.customerId = duplicate;
        mail.channel = Channel::Email;
        mail.offeredAt = now - 86400;
        mail.subject = QStringLiteral("Fattura");
        store.addInteraction(mail);

        window.setAgent(7);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openCustomer(survivor));
        auto* tabs = child<QTabWidget>(&window, "sessionTabs");
        page = tabs->currentWidget();
        panel = child<CustomerContextPanel>(page, "customerContextPanel");
        REQUIRE(panel->customerId() == survivor);
    }

    QString text(qint64 customer, const char* column)
    {
        Statement st(store.db().handle(),
            (QByteArray("SELECT coalesce(") + column + ", '') FROM customers WHERE id = ?").constData());
        st.bind(1, customer);
        return st.step() ? st.text(0) : QStringLiteral("<no customer>");
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("merge.db")) };
    qint64 survivor = 0;
    qint64 duplicate = 0;
    MainWindow window { store };
    QWidget* page = nullptr;
    CustomerContextPanel* panel = nullptr;
};

} // namespace

TEST_CASE("a duplicate merged from the context keeps the chosen fields, and undoing it restores both records",
    "[gui][merge]")
{
    DeskWithDuplicate desk;
    auto* contextTabs = child<QTabWidget>(desk.panel, "contextTabs");
    auto* duplicatesView = child<QTreeView>(desk.panel, "duplicatesView");
    // Looked for only once the tab is shown.
    CHECK(duplicatesView->model()->rowCount() == 0);
    contextTabs->setCurrentWidget(duplicatesView->parentWidget());
    REQUIRE(duplicatesView->model()->rowCount() == 1);
    CHECK(contextTabs->tabText(contextTabs->currentIndex()) == QStringLiteral("Duplicates (1)"));
    const QAbstractItemModel* candidates = duplicatesView->model();
    CHECK(candidates->index(0, 0).data().toString().startsWith(QStringLiteral("NICOLO Esposito")));
    CHECK(candidates->index(0, 1).data().toString().contains(QLatin1Char('%')));
    CHECK(candidates->index(0, 2).data().toString().contains(QStringLiteral("accents and capitals ignored")));

    auto* mergeButton = child<QPushButton>(desk.panel, "mergeDuplicate");
    CHECK_FALSE(mergeButton->isEnabled());
    duplicatesView->setCurrentIndex(candidates->index(0, 0));
    REQUIRE(mergeButton->isEnabled());
    QTest::mouseClick(mergeButton, Qt::LeftButton);
    QDialog* dialog = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] { return (dialog = desk.page->findChild<QDialog*>(QStringLiteral("mergeDialog"))); }, kWaitMs));
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    CHECK(child<QLabel>(dialog, "mergeMoves")->text().contains(QStringLiteral("1 interaction")));

    // The record on screen is newer: its values are proposed, except the
    // company it lacks. The agent keeps the duplicate's address instead.
    auto* fieldsView = child<QTableView>(dialog, "mergeFields");
    auto* fields = qobject_cast<MergeFieldModel*>(fieldsView->model());
    REQUIRE(fields);
    const int address = fields->rowOf(QStringLiteral("address"));
    const int company = fields->rowOf(QStringLiteral("company"));
    CHECK(fields->index(address, 0).data(MergeFieldModel::SideRole).toString() == QStringLiteral("survivor"));
    CHECK(fields->index(company, 0).data(MergeFieldModel::SideRole).toString() == QStringLiteral("merged"));
    fieldsView->setFocus();
    fieldsView->setCurrentIndex(fields->index(address, MergeFieldModel::MergedColumn));
    QTest::keyClick(fieldsView, Qt::Key_Space);
    CHECK(fields->index(address, MergeFieldModel::MergedColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(fields->index(address, MergeFieldModel::SurvivorColumn).data(Qt::CheckStateRole).toInt() == Qt::Unchecked);

    QTest::mouseClick(child<QPushButton>(dialog, "confirmMerge"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !desk.page->findChild<QDialog*>(QStringLiteral("mergeDialog")); }, kWaitMs));

    // The store: one customer with the values chosen and everything of the duplicate's.
    CHECK(desk.text(desk.duplicate, "id") == QStringLiteral("<no customer>"));
    CHECK(desk.text(desk.survivor, "first_name") == QStringLiteral("Nicolò"));
    CHECK(desk.text(desk.survivor, "address") == QStringLiteral("via roma, 12"));
    CHECK(desk.text(desk.survivor, "company") == QStringLiteral("Esposito S.r.l."));
    CHECK(desk.text(desk.survivor, "tier") == QStringLiteral("gold"));
    CHECK(desk.store.identities(desk.survivor).size() == 2);
    CHECK(desk.store.interactionCount(desk.survivor) == 1);
    // The command: both ids and every field's side.
    const QJsonObject merge = lastBody(desk.store, "customer.merge");
    CHECK(merge.value(QStringLiteral("survivorId")).toInteger() == desk.survivor);
    CHECK(merge.value(QStringLiteral("mergedId")).toInteger() == desk.duplicate);
    const QJsonObject sides = merge.value(QStringLiteral("fields")).toObject();
    CHECK(sides.value(QStringLiteral("address")).toString() == QStringLiteral("merged"));
    CHECK(sides.value(QStringLiteral("company")).toString() == QStringLiteral("merged"));
    CHECK(sides.value(QStringLiteral("firstName")).toString() == QStringLiteral("survivor"));
    CHECK(sides.value(QStringLiteral("tier")).toString() == QStringLiteral("survivor"));

    // The context: the duplicate is gone from the list, the merge can be undone.
    CHECK(duplicatesView->model()->rowCount() == 0);
    auto* status = child<QLabel>(desk.panel, "mergeStatus");
    CHECK(status->text().contains(QStringLiteral("NICOLO Esposito")));
    CHECK(status->text().contains(QStringLiteral("by you at")));
    auto* undo = child<QPushButton>(desk.panel, "undoMerge");
    REQUIRE(undo->isVisible());
    QTest::mouseClick(undo, Qt::LeftButton);

    // Both records as they were, and the undo on its way.
    CHECK(desk.text(desk.survivor, "address") == QStringLiteral("Via Roma 12"));
    CHECK(desk.text(desk.survivor, "company") == QString());
    CHECK(desk.text(desk.duplicate, "first_name") == QStringLiteral("NICOLO"));
    CHECK(desk.text(desk.duplicate, "address") == QStringLiteral("via roma, 12"));
    CHECK(desk.store.identities(desk.survivor).size() == 1);
    CHECK(desk.store.identities(desk.duplicate).size() == 1);
    CHECK(desk.store.interactionCount(desk.duplicate) == 1);
    Statement& unmerge = desk.store.db().cached("SELECT count(*) FROM outbox WHERE command = 'customer.unmerge'");
    CHECK((unmerge.step() && unmerge.int64(0) == 1));
    unmerge.reset();
    CHECK_FALSE(undo->isVisible());
    CHECK(duplicatesView->model()->rowCount() == 1);
}
