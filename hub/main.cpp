// unisono-hub: the reference backend. main() only wires the parts together:
// options, storage, HTTP server; the logic lives in the unisono_hub library.
#include "ContactCentre.h"
#include "HubLogging.h"
#include "HubOptions.h"
#include "HubServer.h"
#include "SqliteHubStorage.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoSize.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-hub"));
    QCoreApplication::setOrganizationName(QStringLiteral("Unisono"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNISONO_VERSION));

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
            const DemoSize size = *DemoSize::byName(options->demoSize);
            qCInfo(lcHub).noquote() << "generating" << size.name << "demo data:" << size.description;
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
    const quint16 port = server.listen(options->listenAddress, options->port);
    if (port == 0) {
        QTextStream(stderr) << "unisono-hub: cannot listen on " << options->listenAddress.toString() << ":"
                            << options->port << " (in use, or not an address of this machine).\n";
        return 1;
    }
    // Exactly one line on stdout: tests and scripts read the port from it.
    const QString host = options->listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(options->listenAddress.toString())
        : options->listenAddress.toString();
    std::fprintf(stdout, "unisono-hub listening on http://%s:%u\n", qPrintable(host), unsigned(port));
    std::fflush(stdout);
    qCInfo(lcHub) << "database" << dbPath << "- change feed at seq" << storage->latestSeq();
    centre.start();
    if (options->simulate)
        qCInfo(lcHubSim) << "the traffic simulator is not part of this build yet; --simulate is ignored";
    return QCoreApplication::exec();
}
