// The session tabs' page made ahead of time: once a session has opened, the
// next customer's page is built while the desk is idle, and a screen pop only
// fills it. The agent must not be able to tell it from a page made for them.
#include "ContextFixture.h"
#include "CustomerSessionPage.h"
#include "SessionTabs.h"
#include "context/CustomerContextPanel.h"
#include "workspace/AgentActions.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

// What a page shows of its customer, read through the widgets the agent sees.
QStringList shown(SessionPage& page)
{
    const auto text = [&page](const char* name) {
        const QLabel* label = page.findChild<QLabel*>(QString::fromLatin1(name));
        REQUIRE(label);
        return label->text();
    };
    const auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("contextTabs"));
    const auto* timeline = page.findChild<QListView*>(QStringLiteral("timelineView"));
    const auto* side = page.findChild<QStackedWidget*>(QStringLiteral("sessionSide"));
    REQUIRE(tabs);
    REQUIRE(timeline);
    REQUIRE(side);
    QStringList result { page.title(), text("cardName"), text("cardSubtitle"), text("contextSummary"),
        text("timelineFooter"), text("interactionHeading"), side->currentWidget()->objectName(),
        QString::number(timeline->model()->rowCount()) };
    for (int i = 0; i < tabs->count(); ++i)
        result << tabs->tabText(i);
    return result;
}

// The hidden session page waiting for the next customer, if one is.
SessionPage* sparePage()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* page = qobject_cast<SessionPage*>(widget); page && !page->isVisible())
            return page;
    }
    return nullptr;
}

} // namespace

TEST_CASE("a session opened on the page made ahead shows what a page made for its customer shows",
    "[gui][session]")
{
    ContextFixture data;
    AgentActions actions(data.store);
    SessionTabs tabs(data.store, CustomerSessionPage::factory(actions));
    tabs.resize(1500, 1000);
    tabs.show();
    REQUIRE(QTest::qWaitForWindowExposed(&tabs));
    CHECK(sparePage() == nullptr); // nothing is built before a session opens

    tabs.openCustomer(data.bianchi);
    QCoreApplication::processEvents(); // the desk is idle: the next page is made
    SessionPage* spare = sparePage();
    REQUIRE(spare != nullptr);
    CHECK(spare->customerId() == 0);

    SessionPage* rossi = tabs.openCustomer(data.rossi);
    CHECK(rossi == spare);
    CHECK(rossi->objectName() == QStringLiteral("session-%1").arg(data.rossi));
    CHECK(rossi->customerId() == data.rossi);
    CHECK(tabs.count() == 2);
    CHECK(tabs.currentPage() == rossi);
    CHECK(tabs.tabWidget()->tabText(1) == QStringLiteral("Mario Rossi"));

    {
        CustomerSessionPage madeForRossi(data.store, actions, data.rossi);
        madeForRossi.resize(rossi->size());
        const QStringList expected = shown(madeForRossi);
        CHECK(expected.at(0) == QStringLiteral("Mario Rossi"));
        CHECK(expected.at(7).toInt() > 0); // the history is there to compare
        CHECK(shown(*rossi) == expected);
    }

    // Closing and opening again uses the next page made ahead, never the closed one.
    QCoreApplication::processEvents();
    SessionPage* next = sparePage();
    REQUIRE(next != nullptr);
    CHECK(next != rossi);
    tabs.closeSession(1);
    CHECK(tabs.openCustomer(data.marco) == next);
    CHECK(next->title() == QStringLiteral("Marco Rossi"));
}
