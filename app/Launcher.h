#pragma once

#include "CommandLine.h"
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
// two demo data sets with the same ids must never mix.
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

private:
    static std::unique_ptr<Store> openStore(const CommandLine::Options& options, bool interactive, bool fillLocally);
    static void waitForFirstSync(Workstation& workstation);
    static void fillWithDemoData(const CommandLine::Options& options, bool interactive);
    static void describeCore();
    static int saveScreenshot(MainWindow& window, const QString& path);
    static void reportError(const QString& message, bool interactive);
};
