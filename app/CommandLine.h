#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

// What the unisono command line asks for. Parsing never prints or exits, so
// the launcher decides where text goes and tests can check every outcome.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    struct Options
    {
        QString databasePath;
        // Only used when the database has no customers yet: the first start
        // fills it with demo data so a new install shows something real.
        QString demoSize = QStringLiteral("small");
        quint64 seed = 1;
        // Numbers written without a country code are read in this region.
        QString region = QStringLiteral("IT");
        // When set, render the main window into this PNG and exit.
        QString screenshotPath;
        // This run's language ("en", "it") and palette ("light", "dark",
        // "system"); empty: as the settings say. Never written to the settings.
        QString language;
        QString theme;
        // The backend to sync with; empty = the local hub Unisono starts itself.
        QUrl hubUrl;
        // Who signs in to the backend; the defaults are the demo hub's first agent.
        QString login = QStringLiteral("agent1");
        QString password = QStringLiteral("agent1");
        // No backend at all: the desk works from its local store only.
        bool offline = false;
        // --db was given: that file whoever signs in (else one file per backend and user).
        bool databaseGiven = false;
        // --hub, --user, --password or --offline was given: they say who signs in
        // where, and no remembered session or sign-in dialog takes over.
        bool signInGiven = false;
    };

    enum class Action { Run, ShowHelp, ShowVersion, Fail };

    struct Result
    {
        Action action = Action::Run;
        Options options;
        // Help or version text for stdout, or the error for stderr.
        QString text;
        // 0 to run or after help/version, 2 for a usage error (the convention of command-line tools).
        int exitCode() const { return action == Action::Fail ? 2 : 0; }
    };

    // arguments includes the program name first, as QCoreApplication::arguments() does.
    static Result parse(const QStringList& arguments);
    // <AppLocalDataLocation>/unisono.db; creates the folder so the store can create the file.
    static QString defaultDatabasePath();
};
