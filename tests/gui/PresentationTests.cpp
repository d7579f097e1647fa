// How the desk looks and speaks, driven through the real window offscreen:
// Preferences switch the language (applied at the next start) and the
// palette (at once), Help lists every shortcut, and a restart brings back
// the layout and the sessions the agent left.
#include "KeyboardShortcuts.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "PreferencesDialog.h"
#include "SessionTabs.h"
#include "ShortcutsDialog.h"
#include "TestSupport.h"
#include "settings/Settings.h"
#include "store/Store.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <catch2/catch.hpp>
#include <cmath>

namespace {

constexpr int kWaitMs = 5000;

// Every test leaves the process as it found it: English, the platform's colours.
struct PresentationReset
{
    ~PresentationReset()
    {
        Presentation::applyLanguage(QStringLiteral("en"));
        Presentation::applyTheme(QStringLiteral("system"));
    }
};

struct DeskData
{
    DeskData()
    {
        for (const auto& [first, last] : { std::pair { "Anna", "Abate" }, { "Mario", "Rossi" }, { "Giulia", "Bianchi" } }) {
            Customer c;
            c.firstName = QString::fromLatin1(first);
            c.lastName = QString::fromLatin1(last);
            c.city = QStringLiteral("Milano");
            c.country = QStringLiteral("IT");
            ids << store.addCustomer(c);
        }
    }
    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("desk.db")) };
    QString settingsPath = dir.file(QStringLiteral("unisono.ini"));
    QList<qint64> ids;
};

template<typename T>
T* openDialog(MainWindow& window, const char* actionName)
{
    auto* action = window.findChild<QAction*>(QLatin1String(actionName));
    REQUIRE(action);
    action->trigger();
    T* dialog = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (dialog = window.findChild<T*>()) && dialog->isVisible(); }, kWaitMs));
    return dialog;
}

void choose(QDialog* dialog, const char* chooserName, const QString& value)
{
    auto* chooser = dialog->findChild<QComboBox*>(QLatin1String(chooserName));
    REQUIRE(chooser);
    const int index = chooser->findData(value);
    REQUIRE(index >= 0);
    chooser->setCurrentIndex(index);
}

// WCAG's contrast ratio of two colours, 1 to 21.
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("choosing Italian in Preferences starts the next desk in Italian, dates and numbers too", "[gui][presentation]")
{
    PresentationReset reset;
    DeskData data;
    {
        Settings settings(data.settingsPath);
        MainWindow window(data.store);
        window.restoreLayout(settings);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(window.findChild<QAction*>(QStringLiteral("findCustomerAction"))->text() == QStringLiteral("Find Customer"));
        auto* dialog = openDialog<PreferencesDialog>(window, "preferencesAction");
        choose(dialog, "languageChooser", QStringLiteral("it"));
        // The texts are built once: the dialog says when the change shows.
        CHECK(dialog->findChild<QLabel*>(QStringLiteral("restartHint"))->isVisible());
        dialog->accept();
        CHECK(Settings(data.settingsPath).value(Settings::Key::Language).toString() == QStringLiteral("it"));
    }

    // What the launcher does at start, before it builds the window.
    Presentation::apply(Settings(data.settingsPath));
    MainWindow window(data.store);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.findChild<QAction*>(QStringLiteral("findCustomerAction"))->text() == QStringLiteral("Trova cliente"));
    CHECK(window.findChild<QMenu*>(QStringLiteral("helpMenu"))->title() == QStringLiteral("&Aiuto"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchField"));
    REQUIRE(search);
    CHECK(search->placeholderText().startsWith(QStringLiteral("Cerca nome, telefono")));
    auto* hint = window.findChild<QLabel*>(QStringLiteral("noSessionLabel"));
    REQUIRE(hint);
    CHECK(hint->text().startsWith(QStringLiteral("Nessuna sessione cliente aperta.")));
    // Numbers and dates follow Italian conventions everywhere the desk formats them.
    CHECK(QLocale().toString(1234567.5, 'f', 1) == QStringLiteral("1.234.567,5"));
    CHECK(QLocale().toString(QDate(2026, 3, 9), QLocale::LongFormat).contains(QStringLiteral("marzo")));
}

TEST_CASE("the dark palette applies from Preferences at once and both palettes keep text readable", "[gui][presentation]")
{
    PresentationReset reset;
    DeskData data;
    Settings settings(data.settingsPath);
    MainWindow window(data.store);
    window.restoreLayout(settings);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    auto* dialog = openDialog<PreferencesDialog>(window, "preferencesAction");
    choose(dialog, "themeChooser", QStringLiteral("dark"));
    dialog->accept();
    CHECK(settings.value(Settings::Key::Theme).toString() == QStringLiteral("dark"));
    // The open window turns dark without a restart (widgets take the new
    // application palette from a posted event).
    CHECK(QTest::qWaitFor([&] { return window.palette().color(QPalette::Window).lightness() < 80; }, kWaitMs));
    CHECK(window.palette().color(QPalette::WindowText).lightness() > 200);
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchField"));
    CHECK(search->palette().color(QPalette::Base) == Presentation::darkPalette().color(QPalette::Base));

    for (const QPalette& palette : { Presentation::darkPalette(), Presentation::lightPalette() }) {
        CHECK(contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) >= 7.0);
        CHECK(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 7.0);
        CHECK(contrast(palette.color(QPalette::ButtonText), palette.color(QPalette::Button)) >= 7.0);
        CHECK(contrast(palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight)) >= 4.5);
        CHECK(contrast(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base)) >= 4.5);
    }
}

TEST_CASE("a restart restores the window, the splitter and the open session tabs", "[gui][presentation]")
{
    DeskData data;
    QList<int> sizesLeft;
    {
        Settings settings(data.settingsPath);
        MainWindow window(data.store);
        window.restoreLayout(settings);
        window.resize(1100, 700);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openCustomer(data.ids.at(2)));
        REQUIRE(window.openCustomer(data.ids.at(0)));
        REQUIRE(window.openCustomer(data.ids.at(1)));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("sessionTabs"));
        tabs->setCurrentIndex(1);
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        splitter->setSizes({ 430, splitter->width() - 430 - splitter->handleWidth() });
        sizesLeft = splitter->sizes();
        REQUIRE(sizesLeft.at(0) == 430);
        window.close();
    }

    Settings settings(data.settingsPath);
    MainWindow window(data.store);
    window.restoreLayout(settings);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.size() == QSize(1100, 700));
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
    CHECK(splitter->sizes() == sizesLeft);
    auto* sessions = window.findChild<SessionTabs*>(QStringLiteral("sessions"));
    REQUIRE(sessions);
    REQUIRE(sessions->count() == 3);
    CHECK(sessions->page(0)->customerId() == data.ids.at(2));
    CHECK(sessions->page(1)->customerId() == data.ids.at(0));
    CHECK(sessions->page(2)->customerId() == data.ids.at(1));
    CHECK(sessions->currentPage()->customerId() == data.ids.at(0));
}

TEST_CASE("Help > Keyboard shortcuts lists every shortcut of the desk", "[gui][presentation]")
{
    DeskData data;
    MainWindow window(data.store);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* dialog = openDialog<ShortcutsDialog>(window, "shortcutsAction");
    auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("shortcutList"));
    REQUIRE(tree);
    QStringList listed;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            listed << tree->topLevelItem(g)->child(i)->text(1);
    }
    // Every action of the window that has keys is in the list, with them.
    int actions = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut().isEmpty())
            continue;
        ++actions;
        INFO(action->objectName().toStdString());
        CHECK(listed.contains(action->shortcut().toString(QKeySequence::NativeText)));
    }
    CHECK(actions >= 10);
    CHECK(listed.contains(QStringLiteral("Ctrl+K")));
    // The session's keys, which only a session tab acts on.
    for (const KeyboardShortcuts::Shortcut& shortcut : KeyboardShortcuts::all()) {
        INFO(shortcut.text.toStdString());
        CHECK(listed.contains(shortcut.keys.toString(QKeySequence::NativeText)));
    }
    // And the keys that work inside one control.
    CHECK(listed.contains(QStringLiteral("Return")));
    CHECK(listed.contains(QStringLiteral("Esc")));
}
