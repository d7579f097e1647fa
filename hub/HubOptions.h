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
    int demoAgents = 0; // 0 = as many as --demo-size has
    QString logLevel = QStringLiteral("info");
    qint64 tokenTtlSeconds = 8 * 3600;
    qint64 retainChanges = 100000; // newest changes kept in full in the feed
    int heartbeatMs = 15000; // SSE keep-alive comment interval
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutMs = 30000; // a connection with an incomplete request is closed after this
    int idleTimeoutMs = 60000; // a keep-alive connection with no request is closed after this
    QString tlsCertPath; // PEM; both set = HTTPS only
    QString tlsKeyPath;

    // Routing and statistics.
    int offerTimeoutMs = 20000; // an unanswered offer goes to the next agent
    qint64 statsSince = 0; // start of the statistics window (UTC s); 0 = the hub's local midnight

    // Traffic simulator (--simulate, implied by --demo).
    bool simulate = false;
    double simSpeed = 1.0; // hub time runs this many times faster than the wall clock
    quint64 seed = 1;
    struct Rates
    {
        // Arrivals per hour at the busiest time of day.
        double calls = 120;
        double chats = 60;
        double emails = 40;
        double sms = 20;
        double social = 15;
        double callbacks = 10;
    } rates;

    // Parses argv. Prints --help/--version itself and exits like any Qt tool;
    // returns nullopt with *error set when a value is wrong.
    static std::optional<HubOptions> fromCommandLine(const QStringList& arguments, QString* error);
    static QString defaultDbPath();
    // Applies --log-level to the unisono.hub.* categories.
    void applyLogLevel() const;
};
