// The unknown caller's card: it shows the identity, offers the closest
// existing customers and asks for the link in one action.
#include "ContextFixture.h"
#include "context/ContextListView.h"
#include "context/CustomerMatchModel.h"
#include "context/NewCustomerCard.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

template <typename T>
T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

} // namespace

TEST_CASE("an unknown caller is offered the customer whose number ends the same and linked in one click",
    "[gui][context][matches]")
{
    ContextFixture data(1);
    NewCustomerCard card(data.store);
    card.resize(420, 500);
    card.show();
    REQUIRE(QTest::qWaitForWindowExposed(&card));
    QSignalSpy link(&card, &NewCustomerCard::linkIdentityRequested);

    card.setUnknownIdentity(IdentityKind::Phone, QStringLiteral("06 1234 5678"));
    CHECK(child<QLabel>(card, "newCustomerHeading")->text() == QStringLiteral("Unknown caller"));
    CHECK(child<QLabel>(card, "unknownIdentity")->text() == QStringLiteral("+39 06 1234 5678"));
    QListView* matches = child<QListView>(card, "customerMatches");
    REQUIRE(matches->model()->rowCount() == 1);
    CHECK(matches->model()->index(0, 0).data().toString() == QStringLiteral("Giulia Bianchi"));
    QPushButton* button = child<QPushButton>(card, "linkIdentity");
    // Nothing is picked for the agent, not even when the list takes the
    // focus and makes its first row current: a hasty Enter must not link a stranger.
    CHECK_FALSE(button->isEnabled());
    // What a list does when it takes the keyboard focus: current, not selected.
    matches->setFocus();
    matches->selectionModel()->setCurrentIndex(matches->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    QSignalSpy activated(matches, &QListView::activated);
    QTest::keyClick(matches, Qt::Key_Return);
    REQUIRE(activated.count() == 1);
    CHECK(link.isEmpty());
    CHECK_FALSE(button->isEnabled());

    matches->setCurrentIndex(matches->model()->index(0, 0));
    REQUIRE(button->isEnabled());
    CHECK(button->text() == QStringLiteral("&Link to Giulia Bianchi"));
    QTest::mouseClick(button, Qt::LeftButton);
    REQUIRE(link.count() == 1);
    CHECK(link.at(0).at(0).toLongLong() == data.bianchi);
    CHECK(link.at(0).at(1).toString() == QStringLiteral("phone"));
    CHECK(link.at(0).at(2).toString() == QStringLiteral("06 1234 5678"));
    CHECK(link.at(0).at(3).toString().isEmpty());
}

TEST_CASE("an unknown handle links with Enter on the candidate and says which network", "[gui][context][matches]")
{
    ContextFixture data(1);
    NewCustomerCard card(data.store);
    card.show();
    REQUIRE(QTest::qWaitForWindowExposed(&card));
    QSignalSpy link(&card, &NewCustomerCard::linkIdentityRequested);

    card.setUnknownIdentity(IdentityKind::Social, QStringLiteral("@Giulia_B"), QStringLiteral("instagram"),
        QStringLiteral("Giulia B."));
    CHECK(child<QLabel>(card, "unknownIdentity")->text() == QStringLiteral("@giulia_b on Instagram"));
    CHECK(child<QLabel>(card, "unknownNameHint")->text().startsWith(QStringLiteral("Introduced as: Giulia B.")));
    QListView* matches = child<QListView>(card, "customerMatches");
    REQUIRE(matches->model()->rowCount() == 1);
    matches->setFocus();
    matches->setCurrentIndex(matches->model()->index(0, 0));
    QTest::keyClick(matches, Qt::Key_Return);
    REQUIRE(link.count() == 1);
    CHECK(link.at(0).at(0).toLongLong() == data.bianchi);
    CHECK(link.at(0).at(1).toString() == QStringLiteral("social"));
    CHECK(link.at(0).at(2).toString() == QStringLiteral("@Giulia_B"));
    CHECK(link.at(0).at(3).toString() == QStringLiteral("instagram"));
}

TEST_CASE("an identity like no customer's says so, and an invalid one cannot be linked", "[gui][context][matches]")
{
    ContextFixture data(1);
    NewCustomerCard card(data.store);
    card.show();
    REQUIRE(QTest::qWaitForWindowExposed(&card));

    card.setUnknownIdentity(IdentityKind::Email, QStringLiteral("nessuno@example.org"));
    CHECK(child<QLabel>(card, "newCustomerHeading")->text() == QStringLiteral("New email sender"));
    CHECK(child<ContextListView>(card, "customerMatches")->showsPlaceholder());
    CHECK(child<ContextListView>(card, "customerMatches")->placeholderText()
        == QStringLiteral("No existing customer looks like this one."));

    card.setUnknownIdentity(IdentityKind::Phone, QStringLiteral("12"), QString(), QStringLiteral("Mario Rossi"));
    CHECK(child<QLabel>(card, "unknownNameHint")->text().contains(QStringLiteral("not a valid phone")));
    QListView* matches = child<QListView>(card, "customerMatches");
    REQUIRE(matches->model()->rowCount() == 1); // the namesake is still worth seeing
    matches->setCurrentIndex(matches->model()->index(0, 0));
    CHECK_FALSE(child<QPushButton>(card, "linkIdentity")->isEnabled());
}
