#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <optional>

// Everything the hub is told on its command line, typed and checked once, so
// the rest of the hub never looks at strings from argv.
struct HubOptions
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080; // 0 = any free port (tests)
    QString dbPath; // empty = default in AppLocalDataLocation
    bool demo = false;
    QString demoSize = QStringLiteral("small");
    quint64 demoSeed = 1;
    QString logLevel = QStringLiteral("info");
    qint64 tokenTtlSeconds = 8 * 3600;
    qint64 retainChanges = 100000; // newest changes kept in full in the feed
    int heartbeatMs = 15000; // SSE keep-alive comment interval
    qint64 maxBodyBytes = 1024 * 1024;

    // Parses argv. Prints --help/--version itself and exits like any Qt tool;
    // returns nullopt with *error set when a value is wrong.
    static std::optional<HubOptions> fromCommandLine(const QStringList& arguments, QString* error);
    static QString defaultDbPath();
    // Applies --log-level to the unisono.hub.* categories.
    void applyLogLevel() const;
};
