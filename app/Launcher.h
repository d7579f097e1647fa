#pragma once

#include "CommandLine.h"
#include "DeskSession.h"
#include "WorkstationOptions.h"

#include <QCoreApplication>
#include <memory>
#include <optional>

class MainWindow;
class Store;
class Workstation;

// Everything between main() and the event loop: reads the command line,
// opens the store (or explains why it cannot), fills a new store with demo
// data when it works offline, builds the Workstation (window, sync, local
// hub) and shows it or saves a screenshot of it. It lives in the app library
// so main.cpp stays a few lines.
//
// Where the demo data comes from: with a hub (the local one Unisono starts,
// or --hub), the hub owns the data and the local store is filled by sync, so
// ids and versions are the hub's and every later change applies cleanly.
// Only offline (--offline, a screenshot without --hub, or no unisono-hub
// next to unisono) does the local generator fill a new store, as before. A
// store that holds nothing but offline demo data (never synced, nothing
// waiting in its outbox) is started afresh the first time a hub is used:
// two demo data sets with the same ids must never mix. For the same reason
// each backend and user has a store of their own (unless --db names one):
// unisono.db for the local demo hub's agent1 and for offline work,
// unisono-<user>@<host>-<port>.db otherwise.
//
// Who signs in where (DeskSession): the command line when it says
// (--hub, --user, --password, --offline), else the session remembered from
// the last sign-in (resumed with the token in the OS keychain), else the
// embedded demo default — agent1 on the local hub — with no dialog, so a
// new install and scripts/start.sh open straight onto demo data. After a
// sign-out, or when a resumed session needs the password again, the sign-in
// dialog asks. Screenshots never ask: offline, or --hub.
class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)

public:
    // Answers --help, --version and usage errors, which must work on a
    // machine with no display (deployment scripts, CI); nullopt when the
    // window is wanted. Needs only a QCoreApplication.
    static std::optional<int> answerWithoutWindow(const QStringList& arguments);
    // Names, version and icon of the application; call right after creating the QApplication.
    static void describeApplication();
    // Runs Unisono and returns the process exit code: 0 fine, 1 the store
    // could not be opened or filled, 2 a usage error.
    static int run(const QStringList& arguments);
    // Which backend the command line asks for, and how to reach it.
    static WorkstationOptions workstationOptions(const CommandLine::Options& options);
    // The store of a backend and user when --db does not name one.
    static QString storePathFor(const DeskSession::SignIn& signIn);

private:
    static int runScreenshot(const CommandLine::Options& options);
    static std::unique_ptr<Store> openStore(const CommandLine::Options& options, bool interactive, bool fillLocally);
    static void waitForFirstSync(Workstation& workstation);
    static void fillWithDemoData(const CommandLine::Options& options, bool interactive);
    static void describeCore();
    static int saveScreenshot(MainWindow& window, const QString& path);
    static void reportError(const QString& message, bool interactive);
};
