// Customer-written text is shown as the characters they typed: markup in a
// name, a subject, a message, a post or a ticket is neither rendered, nor
// loaded, nor linked; card numbers and IBANs in it are masked. The hostile
// text goes into the store the way the sync would put it there, and the
// checks look at what the real widgets show and paint.
#include "ContextFixture.h"
#include "context/ContextRoles.h"
#include "context/CustomerContextPanel.h"
#include "context/NewCustomerCard.h"
#include "store/Statement.h"

#include <QImage>
#include <QLabel>
#include <QListView>
#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

// Pixels of the image the markup points at. Nothing else on screen is this red.
int redPixels(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qRed(line[x]) > 240 && qGreen(line[x]) < 16 && qBlue(line[x]) < 16)
                ++count;
    }
    return count;
}

QStringList allTexts(const QAbstractItemModel& model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        for (const int role : { int(Qt::DisplayRole), int(ContextRoles::DetailRole), int(ContextRoles::ExcerptRole),
                 int(Qt::ToolTipRole) })
            texts << model.index(row, 0).data(role).toString();
    return texts;
}

struct HostileText
{
    HostileText()
    {
        QImage red(48, 48, QImage::Format_RGB32);
        red.fill(Qt::red);
        REQUIRE(red.save(redPath));
        markup = QStringLiteral("<b>Eve</b> <img src=\"%1\" width=\"48\" height=\"48\"> "
                                "<a href=\"https://evil.example/x\">click me</a>")
                     .arg(redPath);

        Customer eve;
        eve.displayName = markup;
        eve.company = QStringLiteral("<i>Evil</i> & Co");
        eve.crmFields = QStringLiteral(R"({"note":"<img src='%1' width='48' height='48'>"})").arg(redPath);
        customer = data.store.addCustomer(eve);
        data.store.addIdentity(customer, IdentityKind::Email, QStringLiteral("eve@example.com"),
            QStringLiteral("<a href='https://evil.example'>crm</a>"));
        const qint64 interaction = data.addInteraction(customer, data.now - 60, "email",
            QStringLiteral("%1 card 4111 1111 1111 1111").arg(markup), -0.8);
        data.addMessage(interaction, data.now - 50, "customer",
            QStringLiteral("%1 IBAN IT60 X054 2811 1010 0000 0123 456").arg(markup));
        data.addSocial(customer, "post", QStringLiteral("eve"), markup + QStringLiteral(" 5555 5555 5555 4444"),
            data.now - 3600, -0.5);
        data.addTicket(customer, markup, "open", "urgent");
    }

    ContextFixture data { 1 };
    QString redPath = data.dir.file(QStringLiteral("red.png"));
    QString markup;
    qint64 customer = 0;
};

} // namespace

TEST_CASE("the red-pixel check sees an image that rich text loads", "[gui][safety]")
{
    // The control: were any widget below to interpret the markup, this is what it would paint.
    HostileText hostile;
    QLabel rich;
    rich.setTextFormat(Qt::RichText);
    rich.setText(hostile.markup);
    rich.resize(400, 80);
    CHECK(redPixels(rich.grab().toImage()) > 0);
}

TEST_CASE("markup customers write is shown as text in every section of the context panel, never rendered",
    "[gui][safety]")
{
    HostileText hostile;
    CustomerContextPanel panel(hostile.data.store);
    panel.resize(640, 900);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    panel.setCustomer(hostile.customer);

    auto* name = panel.findChild<QLabel*>(QStringLiteral("cardName"));
    REQUIRE(name);
    CHECK(name->text() == hostile.markup);
    // Every label showing anything that looks like markup shows it as plain text, links nothing.
    int hostileLabels = 0;
    for (QLabel* label : panel.findChildren<QLabel*>()) {
        if (!label->text().contains(QLatin1Char('<')))
            continue;
        ++hostileLabels;
        INFO(label->objectName().toStdString() << ": " << label->text().toStdString());
        CHECK(label->textFormat() == Qt::PlainText);
        CHECK_FALSE(label->openExternalLinks());
    }
    CHECK(hostileLabels >= 3); // name, company line, CRM note
    CHECK(panel.findChildren<QLabel*>(QStringLiteral("identityValue")).size() == 1);

    // Nothing is loaded or painted from the markup, on any tab.
    auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("contextTabs"));
    REQUIRE(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        INFO("tab " << tabs->tabText(tab).toStdString());
        CHECK(redPixels(panel.grab().toImage()) == 0);
    }

    // The lists show the characters, with card numbers and IBANs masked; tooltips escape them.
    for (const char* list : { "timelineView", "socialView", "ticketsView" }) {
        auto* view = panel.findChild<QListView*>(QString::fromLatin1(list));
        REQUIRE(view);
        INFO(list);
        REQUIRE(view->model()->rowCount() >= 1);
        const QModelIndex first = view->model()->index(0, 0);
        CHECK(first.data().toString().contains(QStringLiteral("<b>Eve</b>")));
        const QString tooltip = first.data(Qt::ToolTipRole).toString();
        CHECK(tooltip.contains(QStringLiteral("&lt;img")));
        CHECK_FALSE(tooltip.contains(QStringLiteral("<img")));
        for (const QString& text : allTexts(*view->model())) {
            CHECK_FALSE(text.contains(QStringLiteral("4111 1111 1111 1111")));
            CHECK_FALSE(text.contains(QStringLiteral("5555 5555 5555 4444")));
            CHECK_FALSE(text.contains(QStringLiteral("X054 2811")));
        }
    }
    auto* timeline = panel.findChild<QListView*>(QStringLiteral("timelineView"));
    CHECK(timeline->model()->index(0, 0).data().toString().endsWith(QStringLiteral("card •••• •••• •••• 1111")));
    CHECK(timeline->model()->index(0, 0).data(ContextRoles::ExcerptRole).toString().endsWith(
        QStringLiteral("IBAN IT60 •••• •••• •••• •••• •••3 456")));
}

TEST_CASE("markup in an unknown contact's name and in candidates' names is shown as text", "[gui][safety]")
{
    HostileText hostile;
    NewCustomerCard card(hostile.data.store);
    card.resize(420, 480);
    card.show();
    REQUIRE(QTest::qWaitForWindowExposed(&card));
    card.setUnknownIdentity(IdentityKind::Email, QStringLiteral("eve@other.example"), QString(), hostile.markup);

    auto* hint = card.findChild<QLabel*>(QStringLiteral("unknownNameHint"));
    REQUIRE(hint);
    CHECK(hint->textFormat() == Qt::PlainText);
    CHECK(hint->text().contains(hostile.markup));
    auto* matches = card.findChild<QListView*>(QStringLiteral("customerMatches"));
    REQUIRE(matches);
    REQUIRE(matches->model()->rowCount() >= 1);
    CHECK(matches->model()->index(0, 0).data().toString() == hostile.markup);
    CHECK(redPixels(card.grab().toImage()) == 0);
}
