#include "CommandLine.h"

#include "demo/DemoSize.h"
#include "identity/PhoneNormalizer.h"
#include "sync/HubAddress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace {

CommandLine::Result failure(const QString& message)
{
    CommandLine::Result result;
    result.action = CommandLine::Action::Fail;
    result.text = CommandLine::tr("unisono: %1\nTry 'unisono --help' for more information.").arg(message);
    return result;
}

QString orList(const QStringList& names)
{
    if (names.size() < 2)
        return names.join(QString());
    return CommandLine::tr("%1 or %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

} // namespace

CommandLine::Result CommandLine::parse(const QStringList& arguments)
{
    const Options defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Unisono, the contact-centre agent desktop."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
        tr("The local database file (default: %1).")
            .arg(QDir::toNativeSeparators(
                QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                + QStringLiteral("/unisono.db"))),
        tr("path"));
    const QCommandLineOption demoSize(QStringLiteral("demo-size"),
        tr("How much demo data to write when the database has no customers yet: "
           "%1 (default: %2).")
            .arg(orList(DemoSize::names()), defaults.demoSize),
        tr("size"), defaults.demoSize);
    const QCommandLineOption seed(QStringLiteral("seed"),
        tr("Seed of the demo data; the same seed gives the same data (default: %1).").arg(defaults.seed),
        tr("number"), QString::number(defaults.seed));
    const QCommandLineOption region(QStringLiteral("region"),
        tr("Country whose numbering plan applies to phone numbers written without a "
           "country code, as an ISO 3166 code (default: %1).")
            .arg(defaults.region),
        tr("code"), defaults.region);
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        tr("Save a PNG of the main window once it has loaded, then exit."), tr("file"));
    const QCommandLineOption hub(QStringLiteral("hub"),
        tr("Sync with the backend at this address (http or https) instead of starting a local demo hub."),
        tr("url"));
    const QCommandLineOption user(QStringLiteral("user"),
        tr("Sign in to the backend as this user (default: %1, an agent of the demo hub).").arg(defaults.login),
        tr("login"), defaults.login);
    const QCommandLineOption password(QStringLiteral("password"),
        tr("Password for --user (default: the demo hub's, which is the login, e.g. --user supervisor). Other "
           "users of this computer can read a command line: use it for the demo only."),
        tr("password"), defaults.password);
    const QCommandLineOption offline(QStringLiteral("offline"),
        tr("Start no hub and sync with none: work from the local database only (filled with demo data when it "
           "is new). Screenshots work this way unless --hub is given."));
    const QCommandLineOption language(QStringLiteral("language"),
        tr("Use this language for this run only: en or it (default: the one chosen in Preferences)."),
        tr("code"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        tr("Use these colours for this run only: light, dark or system (default: the ones chosen in "
           "Preferences)."),
        tr("name"));
    parser.addOptions({ db, demoSize, seed, region, screenshot, hub, user, password, offline, language, theme });

    if (!parser.parse(arguments))
        return failure(parser.errorText());

    Result result;
    if (parser.isSet(help)) {
        result.action = Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::ShowVersion;
        result.text = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return failure(tr("unexpected argument '%1'.").arg(parser.positionalArguments().constFirst()));

    Options& options = result.options;
    options.demoSize = parser.value(demoSize).trimmed().toLower();
    if (!DemoSize::byName(options.demoSize)) {
        return failure(
            tr("unknown demo size '%1'; choose %2.").arg(parser.value(demoSize), orList(DemoSize::names())));
    }
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return failure(tr("the seed must be a whole number from 0 up, not '%1'.").arg(parser.value(seed)));
    options.region = parser.value(region).trimmed().toUpper();
    if (!PhoneNormalizer::isValidRegion(options.region)) {
        return failure(
            tr("'%1' is not a phone region libphonenumber knows; pass a two-letter country code such "
               "as IT, GB or US.")
                .arg(parser.value(region)));
    }
    if (parser.isSet(screenshot)) {
        options.screenshotPath = parser.value(screenshot);
        if (options.screenshotPath.isEmpty())
            return failure(tr("--screenshot needs the path of the PNG file to write."));
    }
    if (parser.isSet(language)) {
        options.language = parser.value(language).trimmed().toLower();
        if (options.language != QLatin1String("en") && options.language != QLatin1String("it"))
            return failure(tr("unknown language '%1'; choose en or it.").arg(parser.value(language)));
    }
    if (parser.isSet(theme)) {
        options.theme = parser.value(theme).trimmed().toLower();
        if (options.theme != QLatin1String("light") && options.theme != QLatin1String("dark")
            && options.theme != QLatin1String("system"))
            return failure(tr("unknown colours '%1'; choose light, dark or system.").arg(parser.value(theme)));
    }
    options.offline = parser.isSet(offline);
    if (parser.isSet(hub)) {
        if (options.offline)
            return failure(tr("--hub and --offline exclude each other: choose one."));
        const std::optional<QUrl> address = HubAddress::parse(parser.value(hub));
        if (!address) {
            return failure(tr("--hub needs the backend's address, such as https://hub.example.com:8443, not '%1'.")
                               .arg(parser.value(hub)));
        }
        options.hubUrl = *address;
    }
    options.signInGiven = options.offline || parser.isSet(hub) || parser.isSet(user) || parser.isSet(password);
    options.login = parser.value(user).trimmed();
    if (options.login.isEmpty())
        return failure(tr("--user needs a login."));
    // The demo hub's users have their login as password (agent1, supervisor, admin).
    options.password = parser.isSet(password) || !parser.isSet(user) ? parser.value(password) : options.login;
    if (options.password.isEmpty())
        return failure(tr("--password needs a password."));
    if (parser.isSet(db)) {
        options.databasePath = parser.value(db);
        options.databaseGiven = true;
        if (options.databasePath.isEmpty())
            return failure(tr("--db needs the path of a database file."));
    } else {
        options.databasePath = defaultDatabasePath();
    }
    return result;
}

QString CommandLine::defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    // Failure here surfaces as the store's own "folder does not exist" message, which says what to do.
    QDir().mkpath(folder);
    return folder + QStringLiteral("/unisono.db");
}
