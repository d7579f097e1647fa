#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <memory>
#include <optional>

class MainWindow;
class Store;

// Everything between main() and the event loop: reads the command line,
// opens the store (or explains why it cannot), fills a new store with demo
// data, and shows the main window or saves a screenshot of it. It lives in
// the app library so main.cpp stays a few lines.
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

private:
    static std::unique_ptr<Store> openStore(const CommandLine::Options& options, bool interactive);
    static void fillWithDemoData(const CommandLine::Options& options, bool interactive);
    static void describeCore();
    static int saveScreenshot(MainWindow& window, const QString& path);
    static void reportError(const QString& message, bool interactive);
};
