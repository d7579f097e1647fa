// WalCheckpointer against a real store: the writer stops checkpointing in
// its commits, the thread does it, the WAL stays bounded.
#include "TestSupport.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "store/WalCheckpointer.h"

#include <QFileInfo>
#include <QTest>
#include <catch2/catch.hpp>

namespace {

// One transaction of customers with long addresses: a few dozen WAL pages.
void writeCustomers(Store& store, int first)
{
    Transaction tx(store.db());
    Statement& st = store.db().cached(
        "INSERT INTO customers(id, display_name, address, created_at, updated_at) VALUES (?, 'Giulia Bianchi', ?, 1, 1)");
    for (int id = first; id < first + 20; ++id)
        st.bind(1, id).bind(2, QString(2000, QLatin1Char('a' + id % 26))).run();
    tx.commit();
}

} // namespace

TEST_CASE("WalCheckpointer: commits leave the checkpoint to its thread, and the WAL stays bounded", "[store]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("local.db"));
    Store store(path);
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const qint64 before = QFileInfo(path).size();
    const qint64 pageSize = store.db().scalar("PRAGMA page_size");
    constexpr int threshold = 50;
    {
        WalCheckpointer checkpointer(store.db(), threshold);
        // SQLite reports 0 once its automatic checkpoint is replaced.
        CHECK(store.db().scalar("PRAGMA wal_autocheckpoint") == 0);
        // Fewer pages than the writer's own fallback (8 × threshold) needs:
        // whatever reaches the database file, the thread copied.
        for (int i = 0; i < 6; ++i)
            writeCustomers(store, 1 + 20 * i);
        CHECK(QTest::qWaitFor([&] { return QFileInfo(path).size() > before; }, 10000));
        // A writer that never pauses still keeps the WAL bounded.
        for (int i = 6; i < 100; ++i) {
            writeCustomers(store, 1 + 20 * i);
            CHECK(QFileInfo(path + QStringLiteral("-wal")).size() < (8 * threshold + 100) * (pageSize + 24) + 32);
        }
    }
    CHECK(store.db().scalar("PRAGMA wal_autocheckpoint") == 1000);
    CHECK(store.db().scalar("SELECT count(*) FROM customers") == 2000);
}
