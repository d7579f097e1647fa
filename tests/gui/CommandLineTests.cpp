// The real binaries, run as a user or a deployment script would run them.
#include "TestSupport.h"
#include "store/Store.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <catch2/catch.hpp>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(120'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

Run unisono(const QStringList& arguments) { return run(TestSupport::builtBinary(QStringLiteral("unisono")), arguments); }

void writeGarbage(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(16384, '\x5a'));
}

} // namespace

TEST_CASE("unisono refuses a corrupt database, names it, exits non-zero and leaves it untouched", "[cli][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("corrupt.db"));
    writeGarbage(path);
    const QByteArray before = TestSupport::fileSha256(path);

    const Run result = unisono({ QStringLiteral("--db"), path });
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(path));
    CHECK(result.err.contains(QStringLiteral("damaged")));
    CHECK(TestSupport::fileSha256(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("unisono refuses a database from a newer version and says what to do", "[cli][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("future.db"));
    {
        Store store(path);
        store.db().exec("INSERT INTO schema_migrations VALUES (1000, 'future', 0); PRAGMA wal_checkpoint(TRUNCATE);");
    }
    const QByteArray before = TestSupport::fileSha256(path);

    const Run result = unisono({ QStringLiteral("--db"), path });
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(path));
    CHECK(result.err.contains(QStringLiteral("newer Unisono")));
    CHECK(TestSupport::fileSha256(path) == before);
}

TEST_CASE("unisono refuses a read-only database with advice and leaves it untouched", "[cli][bad-input]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("readonly.db"));
    {
        Store store(path);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                          | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    const QByteArray before = TestSupport::fileSha256(path);

    // Root ignores file modes, so as root the binary runs as "nobody" to meet a truly read-only file.
    Run result;
    if (geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        REQUIRE_FALSE(setpriv.isEmpty());
        result = run(setpriv, { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), TestSupport::builtBinary(QStringLiteral("unisono")),
                                QStringLiteral("--db"), path });
    } else {
        result = unisono({ QStringLiteral("--db"), path });
    }
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(path));
    CHECK(result.err.contains(QStringLiteral("read-only")));
    CHECK(TestSupport::fileSha256(path) == before);
}

TEST_CASE("unisono rejects an unknown phone region with a clear message", "[cli][bad-input]")
{
    TestSupport::TempDir dir;
    const Run result = unisono({ QStringLiteral("--db"), dir.file(QStringLiteral("u.db")), QStringLiteral("--region"),
                                 QStringLiteral("XX") });
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains(QStringLiteral("XX")));
    CHECK_FALSE(QFile::exists(dir.file(QStringLiteral("u.db"))));
}

TEST_CASE("A first start that was killed while generating demo data is redone from nothing", "[cli]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("half.db"));
    {
        Store store(path);
        Customer half;
        half.displayName = QStringLiteral("Half Written");
        store.addCustomer(half);
        store.db().exec("INSERT INTO sync_state VALUES ('demo_fill', 'started', 0)");
    }
    const Run result = unisono({ QStringLiteral("--db"), path, QStringLiteral("--demo-size"), QStringLiteral("tiny"),
                                 QStringLiteral("--screenshot"), dir.file(QStringLiteral("shot.png")) });
    REQUIRE(result.exitCode == 0);
    Store store(path);
    CHECK(store.customerCount() > 10);
    CHECK(store.searchCustomers(QStringLiteral("half written"), 0, 5).isEmpty());
    CHECK(store.db().scalar("SELECT count(*) FROM sync_state WHERE key = 'demo_fill' AND value = 'complete'") == 1);
}

TEST_CASE("unisono --help documents the options, even with no display", "[cli]")
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(TestSupport::builtBinary(QStringLiteral("unisono")), { QStringLiteral("--help") });
    REQUIRE(process.waitForFinished(60'000));
    const Run result { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString() };
    CHECK(result.exitCode == 0);
    for (const char* option : { "--db", "--demo-size", "--seed", "--region", "--screenshot", "--hub", "--user", "--password", "--offline" }) {
        INFO(option);
        CHECK(result.out.contains(QLatin1String(option)));
    }
}

TEST_CASE("unisono-hub reports its version", "[cli]")
{
    const Run result = run(TestSupport::builtBinary(QStringLiteral("unisono-hub")), { QStringLiteral("--version") });
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains(QStringLiteral(UNISONO_VERSION)));
}
