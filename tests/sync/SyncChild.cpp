// sync-child: syncs a store from a hub and exits when caught up, printing
// the cursor after every page. The SIGKILL test runs it, kills it mid-batch
// and checks the store it leaves behind.
#include "store/Store.h"
#include "sync/MemoryTokenStore.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: sync-child BASE_URL STORE_PATH PAGE_SIZE\n";
        return 2;
    }
    SyncEngineOptions options;
    options.baseUrl = QUrl(args.at(1));
    options.storePath = args.at(2);
    options.pageSize = args.at(3).toInt();
    options.login = QStringLiteral("agent1");
    options.password = QStringLiteral("agent1");
    options.live = false;
    MemoryTokenStore tokens;
    SyncEngine engine(options, tokens);
    QObject::connect(&engine, &SyncEngine::changesApplied, [&engine] {
        std::printf("cursor %lld\n", static_cast<long long>(engine.cursor()));
        std::fflush(stdout);
    });
    QObject::connect(&engine, &SyncEngine::caughtUp, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&engine, &SyncEngine::statusChanged, &app, [](const SyncStatusSnapshot& status) {
        if (status.state == SyncStatusSnapshot::State::Offline && !status.lastError.isEmpty()) {
            QTextStream(stderr) << "sync-child: " << status.lastError << "\n";
            QCoreApplication::exit(1);
        }
    });
    engine.start();
    return QCoreApplication::exec();
}
