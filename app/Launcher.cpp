#include "Launcher.h"

#include "IconNameDelegate.h"
#include "LocalHub.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "Workstation.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoSize.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "settings/Settings.h"
#include "sync/ChangeApplier.h"
#include "sync/SyncStatus.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPixmap>
#include <QStandardPaths>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <memory>

namespace {

Q_LOGGING_CATEGORY(lcLauncher, "unisono.launcher", QtInfoMsg)

// A screenshot with --hub shows the window synced; a backend that does not
// answer in this time is shown as it is (offline, with its error).
constexpr int kScreenshotSyncTimeoutMs = 60'000;

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

void Launcher::describeCore()
{
    QCoreApplication::setApplicationName(QStringLiteral("unisono"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNISONO_VERSION));
}

std::optional<int> Launcher::answerWithoutWindow(const QStringList& arguments)
{
    describeCore();
    const CommandLine::Result parsed = CommandLine::parse(arguments);
    switch (parsed.action) {
    case CommandLine::Action::ShowHelp:
    case CommandLine::Action::ShowVersion:
        print(stdout, parsed.text);
        return parsed.exitCode();
    case CommandLine::Action::Fail:
        print(stderr, parsed.text + QLatin1Char('\n'));
        return parsed.exitCode();
    case CommandLine::Action::Run:
        break;
    }
    return std::nullopt;
}

void Launcher::describeApplication()
{
    describeCore();
    QGuiApplication::setApplicationDisplayName(tr("Unisono"));
    QGuiApplication::setDesktopFileName(QStringLiteral("unisono"));
    QApplication::setWindowIcon(IconNameDelegate::icon(QStringLiteral("unisono")));
}

int Launcher::run(const QStringList& arguments)
{
    if (const std::optional<int> answered = answerWithoutWindow(arguments))
        return *answered;
    const CommandLine::Result parsed = CommandLine::parse(arguments);
    const CommandLine::Options& options = parsed.options;
    if (!options.screenshotPath.isEmpty())
        return runScreenshot(options);
    // Dialogs only for a person at a screen: never for scripts or tests.
    const bool interactive = QGuiApplication::platformName() != QLatin1String("offscreen");
    WorkstationOptions base = workstationOptions(options);
    base.tokens = SyncController::TokenKeeping::KeychainOrMemory;
    if (base.localHub.program.isEmpty())
        base.localHub.program = LocalHub::programNextToApplication();

    DeskSession::SignIn first;
    first.backend = base.backend;
    first.address = base.sync.baseUrl;
    first.login = base.sync.login;
    first.password = base.sync.password;
    Settings settings;
    // Before any window: every widget reads its texts when it is made.
    Presentation::applyLanguage(
        options.language.isEmpty() ? settings.value(Settings::Key::Language).toString() : options.language);
    Presentation::applyTheme(
        options.theme.isEmpty() ? settings.value(Settings::Key::Theme).toString() : options.theme);
    if (!options.signInGiven) {
        if (const std::optional<DeskSession::SignIn> resumed = DeskSession::remembered(settings)) {
            if (resumed->backend == WorkstationOptions::Backend::RemoteHub || !base.localHub.program.isEmpty()) {
                first = *resumed;
                qCInfo(lcLauncher).noquote() << "resuming the session of" << first.login << "on"
                                             << (first.address.isEmpty() ? QStringLiteral("the local demo hub")
                                                                         : first.address.toDisplayString());
            }
        }
    }
    const DeskSession::StoreOpener opener = [options, interactive](const DeskSession::SignIn& signIn) {
        CommandLine::Options storeOptions = options;
        if (!options.databaseGiven)
            storeOptions.databasePath = storePathFor(signIn);
        return openStore(storeOptions, interactive, signIn.backend == WorkstationOptions::Backend::Offline);
    };
    // Windows come and go between sessions (the sign-in dialog, the desk):
    // the run ends when the session says so, not when one window closes.
    QApplication::setQuitOnLastWindowClosed(false);
    DeskSession session(base, settings, opener, interactive);
    int exitCode = 0;
    QObject::connect(&session, &DeskSession::finished, qApp, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    try {
        session.start(first);
    } catch (const StoreError& error) {
        reportError(error.message(), interactive);
        return 1;
    }
    QApplication::exec();
    return exitCode;
}

int Launcher::runScreenshot(const CommandLine::Options& options)
{
    // The same picture whoever takes it: English and light unless asked,
    // whatever this user chose in Preferences.
    Presentation::applyLanguage(options.language.isEmpty() ? QStringLiteral("en") : options.language);
    Presentation::applyTheme(options.theme.isEmpty() ? QStringLiteral("light") : options.theme);
    try {
        const WorkstationOptions setup = workstationOptions(options);
        const std::unique_ptr<Store> store
            = openStore(options, false, setup.backend == WorkstationOptions::Backend::Offline);
        Workstation workstation(*store, setup);
        if (setup.backend != WorkstationOptions::Backend::Offline) {
            workstation.start();
            waitForFirstSync(workstation);
        }
        // A desk at work: the session of the agent's first piece of work.
        workstation.window().openFirstWork();
        return saveScreenshot(workstation.window(), options.screenshotPath);
    } catch (const StoreError& error) {
        reportError(error.message(), false);
        return 1;
    }
}

QString Launcher::storePathFor(const DeskSession::SignIn& signIn)
{
    const QString folder = QFileInfo(CommandLine::defaultDatabasePath()).absolutePath();
    // agent1 on the local demo hub (the default) and offline work keep the
    // store Unisono always used.
    if (signIn.backend == WorkstationOptions::Backend::Offline
        || (signIn.backend == WorkstationOptions::Backend::LocalHub && signIn.login == QLatin1String("agent1")))
        return CommandLine::defaultDatabasePath();
    QString name = signIn.login + QLatin1Char('@');
    if (signIn.backend == WorkstationOptions::Backend::LocalHub)
        name += QStringLiteral("local");
    else
        name += signIn.address.host() + QLatin1Char('-') + QString::number(signIn.address.port(
            signIn.address.scheme() == QLatin1String("https") ? 443 : 80));
    // A file name on every system: letters, digits and a few marks.
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-') && c != QLatin1Char('@'))
            c = QLatin1Char('_');
    }
    return folder + QStringLiteral("/unisono-") + name + QStringLiteral(".db");
}

WorkstationOptions Launcher::workstationOptions(const CommandLine::Options& options)
{
    WorkstationOptions setup;
    setup.sync.login = options.login;
    setup.sync.password = options.password;
    if (!options.hubUrl.isEmpty()) {
        setup.backend = WorkstationOptions::Backend::RemoteHub;
        setup.sync.baseUrl = options.hubUrl;
        return setup;
    }
    // A screenshot must not wait for a hub to generate its data.
    if (options.offline || !options.screenshotPath.isEmpty())
        return setup;
    setup.localHub.program = LocalHub::programNextToApplication();
    if (setup.localHub.program.isEmpty()) {
        qCWarning(lcLauncher) << "There is no unisono-hub next to" << QCoreApplication::applicationFilePath()
                              << "- working offline on local demo data";
        return setup;
    }
    setup.backend = WorkstationOptions::Backend::LocalHub;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(folder);
    setup.localHub.databasePath = folder + QStringLiteral("/hub.sqlite");
    setup.localHub.demoSize = options.demoSize;
    setup.localHub.seed = options.seed;
    return setup;
}

void Launcher::waitForFirstSync(Workstation& workstation)
{
    QEventLoop loop;
    QObject::connect(&workstation, &Workstation::caughtUp, &loop, &QEventLoop::quit);
    // An offline status with an error means the backend refused or is not
    // there: the screenshot shows that rather than waiting out the timeout.
    QObject::connect(workstation.syncStatus(), &SyncStatus::changed, &loop, [&loop, &workstation] {
        const SyncStatus* status = workstation.syncStatus();
        if (status->state() == SyncStatus::State::Offline && !status->lastError().isEmpty())
            loop.quit();
    });
    QTimer::singleShot(kScreenshotSyncTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    // The window's models apply changes gathered over a short delay.
    QTimer::singleShot(250, &loop, &QEventLoop::quit);
    loop.exec();
}

std::unique_ptr<Store> Launcher::openStore(const CommandLine::Options& options, bool interactive, bool fillLocally)
{
    const IdentityNormalizer normalizer { PhoneNormalizer(options.region) };
    auto store = std::make_unique<Store>(options.databasePath, normalizer);
    const auto fillState = [&store] {
        Statement& st = store->db().cached("SELECT value FROM sync_state WHERE key = 'demo_fill'");
        const QString state = st.step() ? st.text(0) : QString();
        st.reset();
        return state;
    };
    const auto setFillState = [&store](const char* state) {
        store->db()
            .cached("INSERT INTO sync_state(key, value, updated_at) VALUES ('demo_fill', ?, unixepoch())"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .bind(1, state)
            .run();
    };
    // The generator commits in batches for speed, so a first start that was
    // killed leaves part of the demo data. The file holds nothing but that
    // demo data (the marker is only set on a store that was empty), so it is
    // safe to start it again from nothing rather than show half a centre.
    if (fillState() == QLatin1String("started")) {
        qCWarning(lcLauncher) << "The demo data in" << options.databasePath
                              << "was left half-written by an interrupted start; generating it again";
        store.reset();
        for (const char* suffix : { "", "-wal", "-shm" })
            QFile::remove(options.databasePath + QLatin1String(suffix));
        store = std::make_unique<Store>(options.databasePath, normalizer);
    }
    // Offline demo data and a hub's data would mix two data sets with the
    // same ids. A store that holds only offline demo data — never synced,
    // nothing of the agent's waiting to be sent — starts afresh for the hub.
    if (!fillLocally && fillState() == QLatin1String("complete") && ChangeApplier::storedCursor(store->db()) == 0
        && store->db().scalar("SELECT count(*) FROM outbox") == 0) {
        qCInfo(lcLauncher) << "The store" << options.databasePath
                           << "holds offline demo data; it is filled from the hub instead";
        store.reset();
        for (const char* suffix : { "", "-wal", "-shm" })
            QFile::remove(options.databasePath + QLatin1String(suffix));
        store = std::make_unique<Store>(options.databasePath, normalizer);
    }
    if (fillLocally && !store->hasCustomers()) {
        setFillState("started");
        fillWithDemoData(options, interactive);
        setFillState("complete");
    }
    return store;
}

void Launcher::fillWithDemoData(const CommandLine::Options& options, bool interactive)
{
    const DemoSize size = *DemoSize::byName(options.demoSize);
    qCInfo(lcLauncher) << "The database has no customers: generating" << size.name << "demo data";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // A whole day, so two starts on the same day make the same data from the same seed.
    const qint64 referenceTime = now - now % 86400;

    // The generator writes through its own connection on a worker thread (one
    // connection per thread), so the progress dialog stays responsive even
    // for the sizes that take minutes.
    std::atomic<qint64> done { 0 };
    std::atomic<qint64> total { 0 };
    QString failure;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        try {
            Store store(options.databasePath, IdentityNormalizer(PhoneNormalizer(options.region)));
            DemoDataGenerator(store, options.seed, referenceTime)
                .generate(size, [&](qint64 step, qint64 steps) {
                    done = step;
                    total = steps;
                });
        } catch (const StoreError& error) {
            failure = error.message();
        } catch (const std::exception& error) {
            failure = tr("Could not fill %1 with demo data: %2")
                          .arg(options.databasePath, QString::fromLocal8Bit(error.what()));
        }
    }));

    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    std::unique_ptr<QProgressDialog> dialog;
    QTimer poll;
    if (interactive) {
        dialog = std::make_unique<QProgressDialog>();
        dialog->setWindowTitle(tr("Unisono"));
        dialog->setLabelText(
            tr("Preparing demo data: %1 customers and %2 interactions…")
                .arg(QLocale().toString(size.customers), QLocale().toString(size.interactions)));
        // The data is needed before the window can open, and half of it is of no use.
        dialog->setCancelButton(nullptr);
        dialog->setMinimumDuration(500);
        dialog->setRange(0, 1000);
        poll.setInterval(100);
        QObject::connect(&poll, &QTimer::timeout, dialog.get(), [&] {
            const qint64 steps = total;
            if (steps > 0)
                dialog->setValue(int(qMin<qint64>(1000, done * 1000 / steps)));
        });
        poll.start();
    }
    worker->start();
    loop.exec();
    worker->wait();
    if (!failure.isEmpty())
        throw StoreError(failure);
}

int Launcher::saveScreenshot(MainWindow& window, const QString& path)
{
    // Rendered, never mapped: a screenshot run must not flash a window on the agent's screen.
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.show();
    // Lets layouts settle and the views fetch and lay out their rows.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QPixmap pixmap = window.grab();
    if (!pixmap.save(path, "PNG")) {
        print(stderr,
            tr("unisono: could not write the screenshot to %1; check the folder exists and is writable.\n")
                .arg(path));
        return 1;
    }
    return 0;
}

void Launcher::reportError(const QString& message, bool interactive)
{
    print(stderr, tr("unisono: %1\n").arg(message));
    if (interactive) {
        QMessageBox box(QMessageBox::Critical, tr("Unisono cannot start"), message);
        // The message names files and paths: never let it be read as markup.
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}
