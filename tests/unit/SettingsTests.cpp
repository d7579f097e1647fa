// The typed settings: every key has its default, values survive a reopen,
// and the file never holds a secret.
#include "TestSupport.h"
#include "settings/Settings.h"

#include <QFile>
#include <catch2/catch.hpp>

TEST_CASE("Settings answer each key's default until set, and keep what was set", "[settings]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("unisono.ini"));
    {
        Settings settings(path);
        CHECK(settings.value(Settings::Key::LastHubAddress).toString().isEmpty());
        CHECK(settings.value(Settings::Key::LastUser).toString() == QStringLiteral("agent1"));
        CHECK_FALSE(settings.value(Settings::Key::SignedIn).toBool());
        settings.setValue(Settings::Key::LastHubAddress, QStringLiteral("https://hub.example.com:8443"));
        settings.setValue(Settings::Key::LastUser, QStringLiteral("anna"));
        settings.setValue(Settings::Key::SignedIn, true);
    }
    Settings reopened(path);
    CHECK(reopened.value(Settings::Key::LastHubAddress).toString()
        == QStringLiteral("https://hub.example.com:8443"));
    CHECK(reopened.value(Settings::Key::LastUser).toString() == QStringLiteral("anna"));
    CHECK(reopened.value(Settings::Key::SignedIn).toBool());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CHECK(text.contains("lastUser=anna"));
    CHECK_FALSE(text.toLower().contains("token"));
    CHECK_FALSE(text.toLower().contains("password"));
}

TEST_CASE("Presentation and layout settings default to the system's language and colours and no sessions",
    "[settings]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("unisono.ini"));
    {
        Settings settings(path);
        CHECK(settings.value(Settings::Key::Language).toString().isEmpty());
        CHECK(settings.value(Settings::Key::Theme).toString() == QStringLiteral("system"));
        CHECK(settings.value(Settings::Key::WindowGeometry).toByteArray().isEmpty());
        CHECK(settings.value(Settings::Key::OpenSessions).toList().isEmpty());
        settings.setValue(Settings::Key::Language, QStringLiteral("it"));
        settings.setValue(Settings::Key::OpenSessions, QVariantList { qint64(12), qint64(7) });
    }
    Settings reopened(path);
    CHECK(reopened.value(Settings::Key::Language).toString() == QStringLiteral("it"));
    const QVariantList sessions = reopened.value(Settings::Key::OpenSessions).toList();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions.at(0).toLongLong() == 12);
    CHECK(sessions.at(1).toLongLong() == 7);
}
