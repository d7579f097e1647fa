#include "CommandLine.h"

#include "demo/DemoSize.h"
#include "identity/PhoneNormalizer.h"

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
    parser.addOptions({ db, demoSize, seed, region, screenshot });

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
    if (parser.isSet(db)) {
        options.databasePath = parser.value(db);
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
