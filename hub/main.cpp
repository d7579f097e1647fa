// unisono-hub: the reference backend. main() only wires the parts together:
// options, storage, HTTP server; the logic lives in the unisono_hub library.
#include "ContactCentre.h"
#include "HubLogging.h"
#include "HubOptions.h"
#include "HubServer.h"
#include "ShutdownSignals.h"
#include "SqliteHubStorage.h"
#include "TrafficSimulator.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoSize.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>
#include <sys/resource.h>

namespace {

// Every event-stream client holds a socket for as long as its desktop runs,
// so the default soft limit of 1,024 descriptors would cap a hub at about a
// thousand agents. Raising the soft limit to the hard one needs no privilege.
void raiseDescriptorLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char** argv)
{
    raiseDescriptorLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-hub"));
    QCoreApplication::setOrganizationName(QStringLiteral("Unisono"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNISONO_VERSION));
    // First, before anything could start a thread (see ShutdownSignals).
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, &app, [](const QString& name) {
        qCInfo(lcHub).noquote() << "received" << name << "- stopping";
        QCoreApplication::quit();
    });

    QString error;
    const std::optional<HubOptions> options
        = HubOptions::fromCommandLine(QCoreApplication::arguments(), &error);
    if (!options) {
        QTextStream(stderr) << "unisono-hub: " << error << "\nTry unisono-hub --help.\n";
        return 2;
    }
    options->applyLogLevel();

    const QString dbPath = options->dbPath.isEmpty() ? HubOptions::defaultDbPath() : options->dbPath;
    if (options->dbPath.isEmpty())
        QDir().mkpath(QFileInfo(dbPath).absolutePath());
    std::unique_ptr<SqliteHubStorage> storage;
    try {
        storage = std::make_unique<SqliteHubStorage>(dbPath, options->retainChanges);
        if (options->demo && !storage->hasCustomers()) {
            // Before bootstrap(), so the default users link to the demo's agents
            // and the baseline puts every demo row into the change feed.
            DemoSize size = *DemoSize::byName(options->demoSize);
            if (options->demoAgents > 0)
                size.agents = options->demoAgents;
            qCInfo(lcHub).noquote() << "generating" << size.name << "demo data:" << size.description << "-"
                                    << size.agents << "agents";
            DemoDataGenerator(storage->store(), options->demoSeed, QDateTime::currentSecsSinceEpoch())
                .generate(size);
        }
        storage->bootstrap();
    } catch (const StoreError& e) {
        QTextStream(stderr) << "unisono-hub: " << e.message() << "\n";
        return 1;
    }

    HubServer server(*storage, *options);
    ContactCentre centre(*storage, server.events(), *options);
    server.setCentre(&centre);
    QString listenError;
    const quint16 port = server.start(options->listenAddress, options->port, &listenError);
    if (port == 0) {
        QTextStream(stderr) << "unisono-hub: " << listenError << "\n";
        return 1;
    }
    // Exactly one line on stdout: tests and scripts read the port from it.
    const QString host = options->listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(options->listenAddress.toString())
        : options->listenAddress.toString();
    std::fprintf(stdout, "unisono-hub listening on %s://%s:%u\n", server.isTls() ? "https" : "http",
        qPrintable(host), unsigned(port));
    std::fflush(stdout);
    qCInfo(lcHub) << "database" << dbPath << "- change feed at seq" << storage->latestSeq();
    centre.start();
    std::unique_ptr<TrafficSimulator> simulator;
    if (options->simulate) {
        simulator = std::make_unique<TrafficSimulator>(*storage, server.events(), centre, *options);
        simulator->start();
    }
    const int result = QCoreApplication::exec();
    // Between events: the last command has committed. Stop the traffic,
    // end the streams, then the storage closes the database on the way out.
    simulator.reset();
    server.stop();
    QCoreApplication::processEvents(); // lets the closing sockets flush
    qCInfo(lcHub) << "stopped";
    return result;
}
