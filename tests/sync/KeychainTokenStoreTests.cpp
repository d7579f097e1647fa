// KeychainTokenStore where there is no keychain (the test machines have no
// Secret Service on D-Bus): every call reports a clear error, nothing
// crashes, nothing hangs, and the token is not quietly kept anywhere else.
#include "TestSupport.h"
#include "sync/KeychainTokenStore.h"
#include "sync/SessionTokenStore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <catch2/catch.hpp>

namespace {

// Files under the places QSettings and Unisono write to that contain `needle`.
QStringList filesContaining(const QByteArray& needle)
{
    QStringList found;
    for (const auto location : { QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
             QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation }) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
    }
    return found;
}

} // namespace

TEST_CASE("KeychainTokenStore: without a keychain the error is reported, never a plain-text token", "[keychain]")
{
    // Make sure no session bus is reachable, whatever the machine has: the
    // point is the "no keychain" path.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/unisono-test-bus");
    const QString account = QStringLiteral("agent1@hub.example");
    const QByteArray secret = "unisono-test-token-6f1e0c9a";
    KeychainTokenStore store(QStringLiteral("UnisonoTest"), 5000);

    QElapsedTimer timer;
    timer.start();
    store.setToken(account, secret);
    INFO(store.lastError().toStdString());
    CHECK_FALSE(store.lastError().isEmpty());
    CHECK(store.lastError().contains(account));
    CHECK(store.lastError().contains(QStringLiteral("keychain"), Qt::CaseInsensitive));

    // Nothing was kept: not in the keychain, not on disk.
    CHECK(store.token(account).isEmpty());
    CHECK_FALSE(store.lastError().isEmpty());
    CHECK(filesContaining(secret).isEmpty());

    store.removeToken(account);
    CHECK_FALSE(store.lastError().isEmpty());
    // A missing bus is an immediate error, not a wait for the timeout.
    CHECK(timer.elapsed() < 5000);
}

TEST_CASE("SessionTokenStore: without a keychain the token is kept in memory only, and it says so", "[keychain]")
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/unisono-test-bus");
    const QString account = QStringLiteral("agent1@hub.example");
    const QByteArray secret = "unisono-session-token-3b7d21f0";
    SessionTokenStore store(QStringLiteral("UnisonoTest"), 5000);
    CHECK(store.token(account).isEmpty());
    store.setToken(account, secret);
    // The session goes on for this run...
    CHECK(store.inMemoryOnly());
    CHECK(store.lastError().contains(QStringLiteral("keychain"), Qt::CaseInsensitive));
    CHECK(store.token(account) == secret);
    // ...and nothing of it reaches a file.
    CHECK(filesContaining(secret).isEmpty());
    store.removeToken(account);
    CHECK(store.token(account).isEmpty());
}
