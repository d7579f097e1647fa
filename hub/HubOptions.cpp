#include "HubOptions.h"

#include "DefaultUsers.h"
#include "demo/DemoSize.h"

#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace {

std::optional<qint64> positive(const QString& text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

} // namespace

QString HubOptions::defaultDbPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/hub.sqlite");
}

std::optional<HubOptions> HubOptions::fromCommandLine(const QStringList& arguments, QString* error)
{
    HubOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Unisono reference backend: HTTP API under /api/v1 (login, customers, queues, agents,\n"
            "change feed, live events over SSE, idempotent commands for interactions, tickets,\n"
            "callbacks and customer records), stored in SQLite; HTTPS with --tls-cert/--tls-key,\n"
            "gzip when the client asks. It routes interactions to the longest-idle ready agent\n"
            "with the queue's skill, dials due callbacks, keeps queue statistics and, with\n"
            "--simulate or --demo, simulates customers and the agents no user signs in as.\n"
            "SIGTERM or SIGINT stops it cleanly (exit code 0).\n\n"
            "On a new database it creates these users (login / password, role); with --demo\n"
            "they sign in as the first demo agents of their role:\n")
        + DefaultUsers::helpText().chopped(1));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("TCP port (default 8080; 0 = any free port, printed at start)."),
        QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption db(QStringLiteral("db"),
        QStringLiteral("SQLite database file (default %1).").arg(defaultDbPath()), QStringLiteral("path"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QStringLiteral("Fill a new, empty database with demo customers and history, and run the "
                       "traffic simulator (as --simulate)."));
    const QCommandLineOption demoSize(QStringLiteral("demo-size"),
        QStringLiteral("Size of the demo data: %1 (default small).")
            .arg(DemoSize::names().join(QStringLiteral(", "))),
        QStringLiteral("size"), QStringLiteral("small"));
    const QCommandLineOption demoSeed(QStringLiteral("demo-seed"),
        QStringLiteral("Seed of the demo data (default 1); the same seed gives the "
                       "same data."),
        QStringLiteral("number"), QStringLiteral("1"));
    const QCommandLineOption demoAgents(QStringLiteral("demo-agents"),
        QStringLiteral("With --demo: this many agents (6 to 20000) instead of the size's own (tiny 14, small 40, "
                       "medium 250, large 700, huge 2000), e.g. a 2,000-agent centre on small customer data."),
        QStringLiteral("count"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("debug, info, warning or error (default info)."), QStringLiteral("level"),
        QStringLiteral("info"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"),
        QStringLiteral("Seconds a login token stays valid (default 28800 = 8 h)."), QStringLiteral("seconds"),
        QStringLiteral("28800"));
    const QCommandLineOption retain(QStringLiteral("retain-changes"),
        QStringLiteral("Newest changes kept in full in the change feed (default "
                       "100000). Older superseded changes and tombstones are pruned; a "
                       "client whose cursor is below a pruned tombstone gets 410 and "
                       "resyncs from since=0."),
        QStringLiteral("count"), QStringLiteral("100000"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"),
        QStringLiteral("Milliseconds between SSE keep-alive comments (default "
                       "15000)."),
        QStringLiteral("ms"), QStringLiteral("15000"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        QStringLiteral("Largest request body in bytes (default 1048576); larger "
                       "ones get 413."),
        QStringLiteral("bytes"), QStringLiteral("1048576"));
    const QCommandLineOption requestTimeout(QStringLiteral("request-timeout-ms"),
        QStringLiteral("Milliseconds a client may take to send a complete request (and a TLS "
                       "handshake) before its connection is closed (default 30000)."),
        QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout-ms"),
        QStringLiteral("Milliseconds a keep-alive connection may wait between requests before it is "
                       "closed (default 60000). Event streams are never closed for idling."),
        QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate (chain) to serve HTTPS with; needs --tls-key. Without both the hub "
                       "speaks plain HTTP (keep it on loopback then)."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
        QStringLiteral("PEM private key (RSA or EC, unencrypted) of --tls-cert."), QStringLiteral("file"));
    const QCommandLineOption offerTimeout(QStringLiteral("offer-timeout-ms"),
        QStringLiteral("Milliseconds an agent has to accept an offer before it goes to the next "
                       "agent (default 20000)."),
        QStringLiteral("ms"), QStringLiteral("20000"));
    const QCommandLineOption statsSince(QStringLiteral("stats-since"),
        QStringLiteral("Start of the statistics window in UTC seconds since the epoch (default: "
                       "the hub's local midnight, i.e. \"today\")."),
        QStringLiteral("seconds"));
    const QCommandLineOption simulate(QStringLiteral("simulate"),
        QStringLiteral("Simulate traffic (implied by --demo): calls, chats, e-mails, SMS, social posts and "
                       "callback requests in Italian and English following a working day, handled by the demo "
                       "agents that no user signs in as. Rates are arrivals per hour at the daily peak."));
    const QCommandLineOption noSimulate(QStringLiteral("no-simulate"),
        QStringLiteral("With --demo: demo data only, no simulated traffic (a quiet hub, e.g. for tests)."));
    const QCommandLineOption simSpeed(QStringLiteral("sim-speed"),
        QStringLiteral("Hub time runs this many times faster than the wall clock (default 1; "
                       "tests use e.g. 300)."),
        QStringLiteral("factor"), QStringLiteral("1"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Seed of the simulator (default 1); the same seed makes the same "
                       "decisions."),
        QStringLiteral("number"), QStringLiteral("1"));
    struct RateOption
    {
        QCommandLineOption option;
        double* value;
    };
    const QList<RateOption> rateOptions {
        { QCommandLineOption(QStringLiteral("rate-calls"),
              QStringLiteral("Simulated calls per hour at peak (default 120)."), QStringLiteral("n")),
            &options.rates.calls },
        { QCommandLineOption(QStringLiteral("rate-chats"),
              QStringLiteral("Simulated chats per hour at peak (default 60)."), QStringLiteral("n")),
            &options.rates.chats },
        { QCommandLineOption(QStringLiteral("rate-emails"),
              QStringLiteral("Simulated e-mails per hour at peak (default 40)."), QStringLiteral("n")),
            &options.rates.emails },
        { QCommandLineOption(QStringLiteral("rate-sms"),
              QStringLiteral("Simulated SMS per hour at peak (default 20)."), QStringLiteral("n")),
            &options.rates.sms },
        { QCommandLineOption(QStringLiteral("rate-social"),
              QStringLiteral("Simulated social messages per hour at peak (default 15)."),
              QStringLiteral("n")),
            &options.rates.social },
        { QCommandLineOption(QStringLiteral("rate-callbacks"),
              QStringLiteral("Simulated callback requests per hour at peak (default 10)."),
              QStringLiteral("n")),
            &options.rates.callbacks },
    };
    parser.addOptions({ listen, port, db, demo, demoSize, demoSeed, demoAgents, logLevel, tokenTtl, retain, heartbeat,
        maxBody, requestTimeout, idleTimeout, tlsCert, tlsKey, offerTimeout, statsSince, simulate, noSimulate, simSpeed, seed });
    for (const RateOption& rate : rateOptions)
        parser.addOption(rate.option);
    parser.process(arguments); // handles --help, --version and unknown options

    auto fail = [error](const QString& message) {
        *error = message;
        return std::nullopt;
    };
    if (!options.listenAddress.setAddress(parser.value(listen)))
        return fail(QStringLiteral("--listen: \"%1\" is not an IP address.").arg(parser.value(listen)));
    const auto portValue = positive(parser.value(port), 0);
    if (!portValue || *portValue > 65535)
        return fail(QStringLiteral("--port: give a number from 0 to 65535."));
    options.port = quint16(*portValue);
    options.dbPath = parser.isSet(db) ? parser.value(db) : QString();
    options.demo = parser.isSet(demo);
    options.demoSize = parser.value(demoSize).toLower();
    if (!DemoSize::byName(options.demoSize))
        return fail(
            QStringLiteral("--demo-size: use one of %1.").arg(DemoSize::names().join(QStringLiteral(", "))));
    bool seedOk = false;
    options.demoSeed = parser.value(demoSeed).toULongLong(&seedOk);
    if (!seedOk)
        return fail(QStringLiteral("--demo-seed: give a whole number."));
    if (parser.isSet(demoAgents)) {
        const auto agents = positive(parser.value(demoAgents), 6);
        if (!agents || *agents > 20000)
            return fail(QStringLiteral("--demo-agents: give a count from 6 to 20000."));
        options.demoAgents = int(*agents);
    }
    options.logLevel = parser.value(logLevel).toLower();
    if (!QStringList { QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
            QStringLiteral("error") }
             .contains(options.logLevel))
        return fail(QStringLiteral("--log-level: use debug, info, warning or error."));
    const auto ttl = positive(parser.value(tokenTtl), 1);
    if (!ttl)
        return fail(QStringLiteral("--token-ttl: give a number of seconds above 0."));
    options.tokenTtlSeconds = *ttl;
    const auto retainValue = positive(parser.value(retain), 1);
    if (!retainValue)
        return fail(QStringLiteral("--retain-changes: give a count above 0."));
    options.retainChanges = *retainValue;
    const auto heartbeatValue = positive(parser.value(heartbeat), 10);
    if (!heartbeatValue || *heartbeatValue > 15000)
        return fail(
            QStringLiteral("--heartbeat-ms: give 10 to 15000 (clients expect a ping at least every 15 s)."));
    options.heartbeatMs = int(*heartbeatValue);
    const auto maxBodyValue = positive(parser.value(maxBody), 1);
    if (!maxBodyValue)
        return fail(QStringLiteral("--max-body: give a number of bytes above 0."));
    options.maxBodyBytes = *maxBodyValue;
    const auto requestTimeoutValue = positive(parser.value(requestTimeout), 10);
    if (!requestTimeoutValue || *requestTimeoutValue > 3600 * 1000)
        return fail(QStringLiteral("--request-timeout-ms: give 10 to 3600000."));
    options.requestTimeoutMs = int(*requestTimeoutValue);
    const auto idleTimeoutValue = positive(parser.value(idleTimeout), 10);
    if (!idleTimeoutValue || *idleTimeoutValue > 24 * 3600 * 1000)
        return fail(QStringLiteral("--idle-timeout-ms: give 10 to 86400000."));
    options.idleTimeoutMs = int(*idleTimeoutValue);
    options.tlsCertPath = parser.value(tlsCert);
    options.tlsKeyPath = parser.value(tlsKey);
    if (options.tlsCertPath.isEmpty() != options.tlsKeyPath.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together: give both for HTTPS, or neither."));

    const auto offerTimeoutValue = positive(parser.value(offerTimeout), 1);
    if (!offerTimeoutValue || *offerTimeoutValue > 3600 * 1000)
        return fail(QStringLiteral("--offer-timeout-ms: give 1 to 3600000."));
    options.offerTimeoutMs = int(*offerTimeoutValue);
    if (parser.isSet(statsSince)) {
        const auto since = positive(parser.value(statsSince), 0);
        if (!since)
            return fail(QStringLiteral("--stats-since: give UTC seconds since the epoch."));
        options.statsSince = *since;
    }
    if (parser.isSet(simulate) && parser.isSet(noSimulate))
        return fail(QStringLiteral("--simulate and --no-simulate contradict each other; give one."));
    options.simulate = (parser.isSet(simulate) || options.demo) && !parser.isSet(noSimulate);
    bool speedOk = false;
    options.simSpeed = parser.value(simSpeed).toDouble(&speedOk);
    if (!speedOk || options.simSpeed < 0.01 || options.simSpeed > 100000)
        return fail(QStringLiteral("--sim-speed: give a factor from 0.01 to 100000."));
    bool simSeedOk = false;
    options.seed = parser.value(seed).toULongLong(&simSeedOk);
    if (!simSeedOk)
        return fail(QStringLiteral("--seed: give a whole number."));
    for (const RateOption& rate : rateOptions) {
        if (!parser.isSet(rate.option))
            continue;
        bool ok = false;
        const double value = parser.value(rate.option).toDouble(&ok);
        if (!ok || value < 0 || value > 1000000)
            return fail(QStringLiteral("--%1: give arrivals per hour from 0 to 1000000.")
                            .arg(rate.option.names().constFirst()));
        *rate.value = value;
    }
    return options;
}

void HubOptions::applyLogLevel() const
{
    QString rules;
    if (logLevel == QLatin1String("debug"))
        rules = QStringLiteral("unisono.hub*.debug=true");
    else if (logLevel == QLatin1String("warning"))
        rules = QStringLiteral("unisono.hub*.debug=false\nunisono.hub*.info=false");
    else if (logLevel == QLatin1String("error"))
        rules
            = QStringLiteral("unisono.hub*.debug=false\nunisono.hub*.info=false\nunisono.hub*.warning=false");
    if (!rules.isEmpty())
        QLoggingCategory::setFilterRules(rules);
}
