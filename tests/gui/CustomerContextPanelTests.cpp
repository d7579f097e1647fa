// The customer context panel, built for real and driven offscreen as an agent
// drives it: a screen pop fills every section, the channel filter and the
// search narrow the timeline, scrolling reads pages and at the edge asks for
// older history, the knowledge suggestions follow the conversation and an
// opened article goes into the reply.
#include "ContextFixture.h"
#include "context/ContextListView.h"
#include "context/ContextRoles.h"
#include "context/CustomerContextPanel.h"
#include "context/CustomerTimelineModel.h"
#include "context/KnowledgeSuggestionModel.h"
#include "context/SentimentSparkline.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

namespace {

constexpr int kWaitMs = 5000;

template <typename T>
T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

QString label(QWidget& parent, const char* name) { return child<QLabel>(parent, name)->text(); }

struct ShownPanel
{
    explicit ShownPanel(int interactions = 120)
        : data(interactions)
        , panel(data.store)
    {
        panel.resize(560, 900);
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
    }

    QListView* timeline() { return child<QListView>(panel, "timelineView"); }
    QTabWidget* tabs() { return child<QTabWidget>(panel, "contextTabs"); }
    // Scrolls the timeline to its end, as the agent's wheel would.
    void scrollToEnd()
    {
        QListView* view = timeline();
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QCoreApplication::processEvents();
    }

    ContextFixture data;
    CustomerContextPanel panel;
};

} // namespace

TEST_CASE("a screen pop fills every section of the panel at once", "[gui][context]")
{
    ShownPanel shown;
    CustomerContextPanel& panel = shown.panel;
    CHECK(child<QWidget>(panel, "contextPlaceholder")->isVisible());

    panel.setCustomer(shown.data.rossi);
    CHECK(panel.customerId() == shown.data.rossi);
    CHECK(label(panel, "cardName") == QStringLiteral("Mario Rossi"));
    CHECK(child<QLabel>(panel, "vipBadge")->isVisible());
    CHECK(label(panel, "tierBadge") == QStringLiteral("Gold"));
    CHECK(label(panel, "consents").contains(QStringLiteral("✓ Call recording")));
    QStringList identities;
    for (QLabel* value : panel.findChildren<QLabel*>(QStringLiteral("identityValue")))
        identities << value->text();
    CHECK(identities.contains(QStringLiteral("+39 333 123 4567")));
    CHECK(identities.contains(QStringLiteral("mario.rossi@example.com")));
    CHECK(identities.contains(QStringLiteral("mario_rossi")));

    // Only the first page is read: a long history is never loaded ahead of the scroll.
    CHECK(shown.timeline()->model()->rowCount() == CustomerTimelineModel::kPageSize);
    CHECK(shown.timeline()->model()->index(0, 0).data().toString() == QStringLiteral("Spia rossa sul modem"));
    CHECK(shown.tabs()->tabText(0) == QStringLiteral("History (120)"));
    CHECK(shown.tabs()->tabText(1) == QStringLiteral("Tickets (2)"));
    CHECK(shown.tabs()->tabText(2) == QStringLiteral("Social (16)"));
    CHECK(shown.tabs()->tabText(3).startsWith(QStringLiteral("Knowledge (")));
    CHECK(child<QListView>(panel, "ticketsView")->model()->rowCount() == 2);
    CHECK(label(panel, "socialSummary") == QStringLiteral("@Mario_Rossi on Instagram · 12,400 followers · influence high"));
    CHECK(label(panel, "socialCounts") == QStringLiteral("Posts 12 · Mentions 1 · Likes 1 · Follows 1"));
    CHECK(child<SentimentSparkline>(panel, "sentimentTrend")->values().size() == 12);
    CHECK(label(panel, "sentimentTrendLabel").startsWith(QStringLiteral("worsening")));
    // No conversation yet: articles for what the customer came about last time.
    QListView* knowledge = child<QListView>(panel, "knowledgeView");
    REQUIRE(knowledge->model()->rowCount() > 0);
    CHECK(knowledge->model()->index(0, 0).data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong()
        == shown.data.modemArticle);
    CHECK(label(panel, "knowledgeBasis").contains(QStringLiteral("Spia rossa sul modem")));
    const QString summary = label(panel, "contextSummary");
    CHECK(summary.startsWith(QStringLiteral("Last contact Today")));
    CHECK(summary.contains(QStringLiteral("Open tickets: 2, 1 urgent or overdue")));
    CHECK(summary.contains(QStringLiteral("12,400 followers on Instagram")));
    CHECK(summary.contains(QStringLiteral("mood worsening")));

    // A customer with nothing on record gets words, not empty boxes.
    panel.setCustomer(shown.data.marco);
    CHECK(label(panel, "cardName") == QStringLiteral("Marco Rossi"));
    CHECK(child<ContextListView>(panel, "timelineView")->showsPlaceholder());
    CHECK(child<ContextListView>(panel, "timelineView")->placeholderText() == QStringLiteral("No interactions on record yet."));
    CHECK(child<ContextListView>(panel, "ticketsView")->showsPlaceholder());
    CHECK(child<ContextListView>(panel, "ticketsView")->placeholderText() == QStringLiteral("No open tickets."));
    CHECK(label(panel, "socialSummary") == QStringLiteral("No social activity on record"));
    CHECK(label(panel, "contextSummary") == QStringLiteral("First contact"));

    panel.setCustomer(999'999);
    CHECK(panel.customerId() == 0);
    CHECK(child<QWidget>(panel, "contextPlaceholder")->isVisible());
}

TEST_CASE("the channel filter narrows the timeline and a new customer clears it", "[gui][context]")
{
    ShownPanel shown;
    shown.panel.setCustomer(shown.data.rossi);
    QComboBox* filter = child<QComboBox>(shown.panel, "timelineChannelFilter");
    QAbstractItemModel* model = shown.timeline()->model();

    filter->setFocus();
    // Keyboard only: the agent types the channel's first letters into the box.
    QTest::keyClicks(filter, QStringLiteral("Email"));
    REQUIRE(filter->currentData().toString() == QStringLiteral("email"));
    REQUIRE(model->rowCount() == 15);
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(model->index(row, 0).data(CustomerTimelineModel::ChannelKeyRole).toString() == QStringLiteral("email"));
    CHECK(label(shown.panel, "timelineFooter").startsWith(QStringLiteral("15 shown")));

    shown.panel.setCustomer(shown.data.rossi);
    CHECK(filter->currentIndex() == 0);
    CHECK(model->rowCount() == CustomerTimelineModel::kPageSize);
}

TEST_CASE("typing in the timeline search finds the interaction by its messages", "[gui][context]")
{
    ShownPanel shown;
    shown.panel.setCustomer(shown.data.rossi);
    QLineEdit* search = child<QLineEdit>(shown.panel, "timelineSearch");
    QAbstractItemModel* model = shown.timeline()->model();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    QTest::keyClicks(search, QStringLiteral("rimborso"));
    // The search waits for a pause in typing: one query, not one per key.
    REQUIRE(reset.wait(kWaitMs));
    CHECK(reset.count() == 1);
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, 0).data(ContextRoles::ExcerptRole).toString().contains(QStringLiteral("rimborso")));

    QTest::keyClicks(search, QStringLiteral(" modem"));
    QTest::keyClick(search, Qt::Key_Return); // Enter searches at once
    CHECK(model->rowCount() == 0);
    CHECK(child<ContextListView>(shown.panel, "timelineView")->showsPlaceholder());
    CHECK(child<ContextListView>(shown.panel, "timelineView")->placeholderText() == QStringLiteral("No interaction matches."));
}

TEST_CASE("scrolling the timeline reads the next page only when the end comes into view", "[gui][context]")
{
    ShownPanel shown;
    shown.panel.setCustomer(shown.data.rossi);
    QAbstractItemModel* model = shown.timeline()->model();
    QCoreApplication::processEvents();
    CHECK(model->rowCount() == CustomerTimelineModel::kPageSize);
    CHECK(label(shown.panel, "timelineFooter") == QStringLiteral("50 of 120 shown · scroll for more"));

    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    shown.timeline()->verticalScrollBar()->setValue(shown.timeline()->verticalScrollBar()->maximum() / 2);
    QCoreApplication::processEvents();
    CHECK(inserted.isEmpty());
    shown.scrollToEnd();
    CHECK(inserted.count() == 1);
    CHECK(model->rowCount() == 2 * CustomerTimelineModel::kPageSize);
    shown.scrollToEnd();
    CHECK(model->rowCount() == 120);
    // Nobody to ask for older history (working offline): the footer says so.
    CHECK(label(shown.panel, "timelineFooter") == QStringLiteral("120 of 120 shown · the start of the history on this desk"));
    CHECK_FALSE(child<QToolButton>(shown.panel, "retryOlderHistory")->isVisible());
}

TEST_CASE("at the edge of the local history the panel asks for older history and shows what arrives",
    "[gui][context][history]")
{
    ShownPanel shown(60);
    QSignalSpy wanted(&shown.panel, &CustomerContextPanel::olderHistoryWanted);
    shown.panel.setCustomer(shown.data.rossi);
    QCoreApplication::processEvents();

    for (int scroll = 0; scroll < 4 && wanted.isEmpty(); ++scroll)
        shown.scrollToEnd();
    REQUIRE(wanted.count() == 1);
    CHECK(wanted.at(0).at(0).toLongLong() == shown.data.rossi);
    CHECK(label(shown.panel, "timelineFooter").endsWith(QStringLiteral("fetching older history from the server…")));
    shown.scrollToEnd();
    CHECK(wanted.count() == 1);

    SECTION("the sync stored older interactions")
    {
        const qint64 old = shown.data.addInteraction(
            shown.data.rossi, shown.data.now - 500 * 86'400, "voice", QStringLiteral("Chiamata di due anni fa"));
        shown.panel.olderHistoryFetched(shown.data.rossi, 1, 61);
        QAbstractItemModel* model = shown.timeline()->model();
        REQUIRE(model->rowCount() == 61);
        CHECK(model->index(60, 0).data(CustomerTimelineModel::InteractionIdRole).toLongLong() == old);
        CHECK(label(shown.panel, "timelineFooter") == QStringLiteral("61 of 61 shown · the whole history"));
        CHECK(shown.tabs()->tabText(0) == QStringLiteral("History (61)"));
    }
    SECTION("the server could not be reached: the reason and a retry")
    {
        shown.panel.olderHistoryFailed(shown.data.rossi, QStringLiteral("connection refused"));
        CHECK(label(shown.panel, "timelineFooter").endsWith(QStringLiteral("could not fetch older history: connection refused")));
        QToolButton* retry = child<QToolButton>(shown.panel, "retryOlderHistory");
        REQUIRE(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        CHECK(wanted.count() == 2);
    }
}

TEST_CASE("knowledge suggestions follow the conversation and an article goes into the reply", "[gui][context]")
{
    ShownPanel shown;
    CustomerContextPanel& panel = shown.panel;
    panel.setCustomer(shown.data.rossi);
    QListView* knowledge = child<QListView>(panel, "knowledgeView");
    QSignalSpy inserted(&panel, &CustomerContextPanel::insertIntoReply);

    panel.setConversationText(QStringLiteral("Customer: I want a refund, there is a credit note on my account"));
    REQUIRE(knowledge->model()->rowCount() > 0);
    CHECK(knowledge->model()->index(0, 0).data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong()
        == shown.data.refundArticle);
    CHECK(label(panel, "knowledgeBasis") == QStringLiteral("Suggested for this conversation"));
    panel.setConversationText(QStringLiteral("Cliente: la spia del modem è rossa, il router non va"));
    CHECK(knowledge->model()->index(0, 0).data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong()
        == shown.data.modemArticle);

    // Open the best match with the keyboard: it appears beside the panel.
    shown.tabs()->setCurrentIndex(3);
    knowledge->setFocus();
    knowledge->setCurrentIndex(knowledge->model()->index(0, 0));
    QTest::keyClick(knowledge, Qt::Key_Return);
    QWidget* article = child<QWidget>(panel, "knowledgeArticle");
    REQUIRE(article->isVisible());
    CHECK(label(panel, "articleTitle") == QStringLiteral("Spia rossa sul modem: cosa fare"));

    QPushButton* insert = child<QPushButton>(panel, "insertIntoReply");
    QTest::mouseClick(insert, Qt::LeftButton);
    REQUIRE(inserted.count() == 1);
    CHECK(inserted.at(0).at(0).toString().startsWith(QStringLiteral("Se la spia del modem è rossa")));
    CHECK(inserted.at(0).at(0).toString().contains(QStringLiteral("\n2. Riavvia il modem.")));

    // A selected passage goes in alone.
    QPlainTextEdit* body = child<QPlainTextEdit>(panel, "articleBody");
    QTextCursor cursor = body->document()->find(QStringLiteral("Riavvia il modem."));
    REQUIRE_FALSE(cursor.isNull());
    body->setTextCursor(cursor);
    QTest::mouseClick(insert, Qt::LeftButton);
    REQUIRE(inserted.count() == 2);
    CHECK(inserted.at(1).at(0).toString() == QStringLiteral("Riavvia il modem."));

    QTest::keyClick(body, Qt::Key_Escape);
    CHECK_FALSE(article->isVisible());
}

TEST_CASE("a sync change to the customer on screen updates the panel in place", "[gui][context]")
{
    ShownPanel shown;
    shown.panel.setCustomer(shown.data.rossi);
    QAbstractItemModel* model = shown.timeline()->model();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    const qint64 fresh = shown.data.addInteraction(shown.data.rossi, shown.data.now - 30, "sms", QStringLiteral("Nuovo SMS"));
    shown.data.addTicket(shown.data.rossi, QStringLiteral("Nuovo ticket"), "new", "normal");
    shown.panel.refresh({ shown.data.rossi }, { fresh });
    CHECK(reset.isEmpty());
    CHECK(model->index(0, 0).data().toString() == QStringLiteral("Nuovo SMS"));
    CHECK(shown.tabs()->tabText(0) == QStringLiteral("History (121)"));
    CHECK(shown.tabs()->tabText(1) == QStringLiteral("Tickets (3)"));
    CHECK(label(shown.panel, "contextSummary").startsWith(QStringLiteral("Last contact Today")));
    CHECK(label(shown.panel, "contextSummary").contains(QStringLiteral("(SMS)")));

    // Erased on the backend: the panel stops showing them.
    shown.data.store.db().cached("DELETE FROM customers WHERE id = ?").bind(1, shown.data.rossi).run();
    shown.panel.refresh({ shown.data.rossi }, {});
    CHECK(shown.panel.customerId() == 0);
    CHECK(child<QWidget>(shown.panel, "contextPlaceholder")->isVisible());
}
