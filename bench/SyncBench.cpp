// unisono-sync-bench: the sync engine against the real unisono-hub over
// loopback, printed as a table (figure | value | note). Not a test.
//
// 1. Initial sync: a fresh store synced from a demo hub, in change rows/s;
//    in the same run, the limit: the same rows inserted straight into a fresh
//    store's tables with prepared statements in one transaction.
//    Then the two halves of the sync alone, to tell which one bounds it: the
//    same pages fetched from the hub one after the other and not applied
//    (the hub's page building and the transfer), and those pages applied
//    into another fresh store by ChangeApplier with no network (parsing and
//    writing).
// 2. Live latency: notes posted at a steady rate; for each, the time from the
//    hub's 201 to the commit of its change in the desktop's store (the
//    engine's caughtUp signal, emitted right after the commit).
//
//   unisono-sync-bench [--size tiny|small|medium|large|huge] [--rate N] [--seconds N]
//                      [--page-size N] [--hub PATH]

#include "BenchFigures.h"
#include "BenchTable.h"
#include "sync/WireFormat.h"
#include "demo/DemoSize.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "store/WalCheckpointer.h"
#include "sync/ChangeApplier.h"
#include "sync/HttpTransport.h"
#include "sync/MemoryTokenStore.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <sqlite3.h>
#include <unistd.h>
#include <variant>
#include <vector>

using namespace BenchFigures;

namespace {

using Table = BenchTable;

// The real hub on a free loopback port; the port is on its first stdout line.
class Hub
{
public:
    Hub(const QString& program, const QStringList& arguments)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // One log line per request would cost the hub more than the request.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("unisono.hub.http.info=false"));
        m_process.setProcessEnvironment(environment);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            throw StoreError(QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString()));
        QByteArray line;
        // Generating a large demo takes a while: no short timeout here.
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(600000))
                throw StoreError(QStringLiteral("%1 printed no address").arg(program));
            line += m_process.readAllStandardOutput();
        }
        const QByteArray first = line.left(line.indexOf('\n')).trimmed();
        m_url = QUrl(QString::fromUtf8(first.mid(first.lastIndexOf(' ') + 1)));
        if (!m_url.isValid() || m_url.port() <= 0)
            throw StoreError(QStringLiteral("unexpected first line from the hub: %1").arg(QString::fromUtf8(first)));
    }
    ~Hub() { stop(); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QUrl m_url;
};

// The engine lives on its own thread, as in the desktop: the bench's own
// requests and timers on the main thread never delay its applying.
struct EngineThread
{
    QThread thread;
    SyncEngine* engine = nullptr;
    ~EngineThread()
    {
        if (engine) {
            QMetaObject::invokeMethod(engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
            QMetaObject::invokeMethod(engine, [this] { delete engine; }, Qt::BlockingQueuedConnection);
        }
        thread.quit();
        thread.wait();
    }
};

using Value = std::variant<std::monostate, qint64, double, QByteArray>;
struct TableRows
{
    QByteArray insertSql;
    int columns = 0;
    std::vector<Value> values; // row-major
};

// Everything the sync wrote, read back into memory before any clock runs.
QList<TableRows> readRows(Database& db)
{
    QList<TableRows> result;
    for (const auto& [entity, table] : WireFormat::entityTables()) {
        Q_UNUSED(entity);
        TableRows rows;
        sqlite3_stmt* st = nullptr;
        const QByteArray select = "SELECT * FROM " + table.toUtf8();
        sqlite3_prepare_v2(db.handle(), select.constData(), -1, &st, nullptr);
        rows.columns = sqlite3_column_count(st);
        QByteArrayList names, marks;
        for (int i = 0; i < rows.columns; ++i) {
            names << sqlite3_column_name(st, i);
            marks << "?";
        }
        rows.insertSql = "INSERT INTO " + table.toUtf8() + "(" + names.join(',') + ") VALUES (" + marks.join(',') + ")";
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < rows.columns; ++i) {
                switch (sqlite3_column_type(st, i)) {
                case SQLITE_INTEGER:
                    rows.values.emplace_back(qint64(sqlite3_column_int64(st, i)));
                    break;
                case SQLITE_FLOAT:
                    rows.values.emplace_back(sqlite3_column_double(st, i));
                    break;
                case SQLITE_NULL:
                    rows.values.emplace_back(std::monostate {});
                    break;
                default:
                    rows.values.emplace_back(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                        sqlite3_column_bytes(st, i)));
                }
            }
        }
        sqlite3_finalize(st);
        result.append(rows);
    }
    return result;
}

// The limit: one prepared INSERT per table, one transaction, nothing else.
qint64 insertStraight(Database& db, const QList<TableRows>& tables, qint64* rowCount)
{
    QElapsedTimer timer;
    timer.start();
    Transaction tx(db);
    db.exec("PRAGMA defer_foreign_keys = ON");
    for (const TableRows& rows : tables) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db.handle(), rows.insertSql.constData(), -1, &st, nullptr);
        for (std::size_t base = 0; base < rows.values.size(); base += std::size_t(rows.columns)) {
            for (int i = 0; i < rows.columns; ++i) {
                const Value& v = rows.values[base + std::size_t(i)];
                if (const auto* n = std::get_if<qint64>(&v))
                    sqlite3_bind_int64(st, i + 1, *n);
                else if (const auto* d = std::get_if<double>(&v))
                    sqlite3_bind_double(st, i + 1, *d);
                else if (const auto* s = std::get_if<QByteArray>(&v))
                    sqlite3_bind_text(st, i + 1, s->constData(), int(s->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(st, i + 1);
            }
            if (sqlite3_step(st) != SQLITE_DONE)
                throw StoreError(QString::fromUtf8(sqlite3_errmsg(db.handle())));
            sqlite3_reset(st);
            ++*rowCount;
        }
        sqlite3_finalize(st);
    }
    tx.commit();
    return timer.nsecsElapsed();
}

// Sleeps until an event arrives: processEvents(flags, ms) drops
// WaitForMoreEvents and would spin a core that the hub and the engine need
// (it did, in earlier versions of this bench). The tick re-checks conditions
// that other threads set without posting an event.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QTimer tick;
    tick.start(5);
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// CPU time (user + system) a process has used so far, in ns; the machine's
// other load does not change it, so it says which side does the work.
qint64 cpuNs(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1'000'000'000 / sysconf(_SC_CLK_TCK);
}

// What the feed's pages cost without the other half of the sync.
struct Half
{
    qint64 ns = 0;
    qint64 changes = 0;
    int pages = 0;
};

// Every page from since=0, one request after the other, written to capture
// (size, then body) and not applied: the hub's page building plus transfer,
// timed from each request to its answer.
Half fetchAll(HttpTransport& http, const QUrl& hub, int pageSize, QFile& capture)
{
    Half half;
    qint64 since = 0;
    for (bool more = true; more;) {
        HttpRequest request;
        request.url = hub.resolved(QUrl(QStringLiteral("/api/v1/changes?since=%1&limit=%2").arg(since).arg(pageSize)));
        request.headers = { { "Accept", "application/json" } };
        std::optional<HttpResponse> page;
        QElapsedTimer timer;
        timer.start();
        http.send(request, &http, [&](const HttpResponse& response) { page = response; });
        if (!waitUntil([&] { return page.has_value(); }, 120000) || !page->isSuccess())
            throw StoreError(QStringLiteral("fetching the feed after %1 failed: %2").arg(since).arg(page ? page->error : QString()));
        half.ns += timer.nsecsElapsed();
        const QJsonObject body = QJsonDocument::fromJson(page->body).object();
        more = body.value(QStringLiteral("more")).toBool();
        const qint64 next = body.value(QStringLiteral("next")).toInteger();
        if (next <= since && more)
            throw StoreError(QStringLiteral("the feed did not move past %1").arg(since));
        half.changes += next - since;
        since = next;
        ++half.pages;
        const qint64 size = page->body.size();
        capture.write(reinterpret_cast<const char*>(&size), sizeof size);
        capture.write(page->body);
    }
    return half;
}

// The captured pages applied into a fresh store, no network: parsing and writing.
Half applyAll(const QString& storePath, QFile& capture)
{
    Store store(storePath);
    WalCheckpointer checkpointer(store.db()); // as the engine has
    ChangeApplier applier(store.db());
    Half half;
    capture.seek(0);
    qint64 size = 0;
    while (capture.read(reinterpret_cast<char*>(&size), sizeof size) == sizeof size) {
        const QByteArray body = capture.read(size); // outside the clock
        QElapsedTimer timer;
        timer.start();
        const ChangeBatchResult result = applier.applyPage(body);
        half.ns += timer.nsecsElapsed();
        if (!result.ok)
            throw StoreError(QStringLiteral("a captured page did not apply: %1").arg(result.error));
        half.changes = result.cursor;
        ++half.pages;
    }
    return half;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the sync engine against the real unisono-hub."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("size"), QStringLiteral("Demo size of the hub (default medium)."), QStringLiteral("size"),
            QStringLiteral("medium") },
        { QStringLiteral("rate"), QStringLiteral("Notes per second in the latency run (default 200)."),
            QStringLiteral("n"), QStringLiteral("200") },
        { QStringLiteral("seconds"), QStringLiteral("Length of the latency run (default 15)."), QStringLiteral("n"),
            QStringLiteral("15") },
        { QStringLiteral("page-size"), QStringLiteral("Change feed page size (default: the engine's)."),
            QStringLiteral("n"), QString::number(SyncEngineOptions().pageSize) },
        { QStringLiteral("hub"), QStringLiteral("The unisono-hub binary (default: next to this one)."),
            QStringLiteral("path"), QCoreApplication::applicationDirPath() + QStringLiteral("/unisono-hub") },
    });
    parser.process(app);
    const auto size = DemoSize::byName(parser.value(QStringLiteral("size")));
    if (!size) {
        std::fprintf(stderr, "--size: use one of %s\n", qPrintable(DemoSize::names().join(QStringLiteral(", "))));
        return 2;
    }
    const int rate = std::max(1, parser.value(QStringLiteral("rate")).toInt());
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    const int pageSize = std::max(1, parser.value(QStringLiteral("page-size")).toInt());

    Table table;
    table.section(QStringLiteral("machine"));
    table.add(QStringLiteral("cpu"), cpuModel());
    table.add(QStringLiteral("cores"), QString::number(QThread::idealThreadCount()),
        QStringLiteral("hub, engine and bench share them"));
    table.add(QStringLiteral("sqlite"), QString::fromLatin1(sqlite3_libversion()));
    table.add(QStringLiteral("dataset"), size->name, size->description + QStringLiteral(", hub --retain-changes 1e9"));
    table.add(QStringLiteral("command"), QCoreApplication::arguments().mid(1).join(QLatin1Char(' ')),
        QStringLiteral("unisono-sync-bench"));

    QTemporaryDir temp;
    try {
        std::fprintf(stderr, "starting the hub with %s demo data...\n", qPrintable(size->name));
        Hub hub(parser.value(QStringLiteral("hub")),
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), temp.filePath(QStringLiteral("hub.db")),
                QStringLiteral("--demo"), QStringLiteral("--demo-size"), size->name, QStringLiteral("--no-simulate"),
                // Nothing pruned: with the default window (100,000) a hub
                // larger than that answers 410 to every since= between 0 and
                // its floor, so no client can page from 0 past the first
                // page (see the report). Not what is measured here.
                QStringLiteral("--retain-changes"), QStringLiteral("1000000000") });

        SyncEngineOptions options;
        options.baseUrl = hub.url();
        options.login = QStringLiteral("agent1");
        options.password = QStringLiteral("agent1");
        options.storePath = temp.filePath(QStringLiteral("local.db"));
        options.pageSize = pageSize;
        options.historyDays = 0; // the whole history, so the limit below inserts the same rows
        // Commit times by cursor, taken on the engine's thread right after the commit.
        QMutex mutex;
        QElapsedTimer clock;
        clock.start();
        std::vector<std::pair<qint64, qint64>> commits; // (cursor, ns)
        qint64 caughtUpAt = 0;
        MemoryTokenStore tokens;
        EngineThread worker; // after what its signal handler touches: stopped first
        worker.engine = new SyncEngine(options, tokens);
        worker.engine->moveToThread(&worker.thread);
        worker.thread.start();

        QObject::connect(
            worker.engine, &SyncEngine::caughtUp, worker.engine,
            [&](qint64 cursor) {
                const qint64 now = clock.nsecsElapsed();
                QMutexLocker lock(&mutex);
                if (!caughtUpAt)
                    caughtUpAt = now;
                commits.emplace_back(cursor, now);
            },
            Qt::DirectConnection);

        std::fprintf(stderr, "initial sync...\n");
        const qint64 hubCpuStart = cpuNs(hub.pid());
        const qint64 engineCpuStart = cpuNs(QCoreApplication::applicationPid());
        const qint64 syncStart = clock.nsecsElapsed();
        QMetaObject::invokeMethod(worker.engine, &SyncEngine::start);
        if (!waitUntil(
                [&] {
                    QMutexLocker lock(&mutex);
                    return caughtUpAt != 0;
                },
                3600 * 1000))
            throw StoreError(QStringLiteral("the initial sync did not finish"));
        const qint64 syncNs = caughtUpAt - syncStart;
        const qint64 hubCpu = cpuNs(hub.pid()) - hubCpuStart;
        const qint64 engineCpu = cpuNs(QCoreApplication::applicationPid()) - engineCpuStart;
        qint64 cursor = 0;
        QMetaObject::invokeMethod(
            worker.engine, [&] { cursor = worker.engine->cursor(); }, Qt::BlockingQueuedConnection);

        // What the sync wrote, read through a second connection.
        Database synced(options.storePath, Database::Mode::ReadWrite);
        const QList<TableRows> rows = readRows(synced);
        Store limitStore(temp.filePath(QStringLiteral("limit.db")));
        qint64 limitRows = 0;
        const qint64 limitNs = insertStraight(limitStore.db(), rows, &limitRows);
        const double syncRate = double(cursor) / (double(syncNs) / 1e9);
        const double limitRate = double(limitRows) / (double(limitNs) / 1e9);

        table.section(QStringLiteral("initial sync over loopback"));
        table.add(QStringLiteral("change rows applied"), grouped(cursor),
            QStringLiteral("%1 rows in the store").arg(grouped(limitRows)));
        table.add(QStringLiteral("page size"), QString::number(pageSize));
        table.add(QStringLiteral("initial sync"), number(double(syncNs) / 1e9, 2) + QStringLiteral(" s"),
            QStringLiteral("login to caughtUp, hub and engine on 2 cores"));
        table.add(QStringLiteral("initial sync, records/s"), grouped(qint64(syncRate)), QStringLiteral("aim ≥ 100,000"));
        table.add(QStringLiteral("limit: prepared inserts, 1 tx"), grouped(qint64(limitRate)) + QStringLiteral(" rows/s"),
            QStringLiteral("same rows, fresh store, %1 s").arg(number(double(limitNs) / 1e9, 2)));
        table.add(QStringLiteral("sync / limit"), number(100.0 * syncRate / limitRate, 1) + QStringLiteral(" %"),
            QStringLiteral("aim ≥ 50 %"));
        const auto perRecord = [cursor](qint64 ns) {
            return number(double(ns) / 1e9, 1) + QStringLiteral(" s, ") + number(double(ns) / 1e3 / double(std::max<qint64>(1, cursor)), 1)
                + QStringLiteral(" µs/record");
        };
        table.add(QStringLiteral("CPU during the sync: hub"), perRecord(hubCpu), QStringLiteral("the unisono-hub process"));
        table.add(QStringLiteral("CPU during the sync: engine"), perRecord(engineCpu),
            QStringLiteral("this process: engine and transport threads"));

        HttpTransport http;
        QByteArray token;
        {
            HttpRequest login;
            login.method = "POST";
            login.url = hub.url().resolved(QUrl(QStringLiteral("/api/v1/login")));
            login.headers = { { "Content-Type", "application/json" } };
            login.body = R"({"login":"supervisor","password":"supervisor"})";
            bool done = false;
            http.send(login, &app, [&](const HttpResponse& response) {
                token = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("token")).toString().toLatin1();
                done = true;
            });
            waitUntil([&] { return done; }, 30000);
            if (token.isEmpty())
                throw StoreError(QStringLiteral("the bench could not log in"));
            http.setBearerToken(token);
        }
        // The halves, each alone on the machine (the engine is idle now).
        std::fprintf(stderr, "the feed fetched, not applied...\n");
        QFile capture(temp.filePath(QStringLiteral("pages.bin")));
        if (!capture.open(QIODevice::ReadWrite | QIODevice::Truncate))
            throw StoreError(QStringLiteral("cannot write %1").arg(capture.fileName()));
        const Half fetched = fetchAll(http, hub.url(), pageSize, capture);
        std::fprintf(stderr, "the fetched pages applied, no network...\n");
        const Half applied = applyAll(temp.filePath(QStringLiteral("applied.db")), capture);
        capture.close();
        capture.remove();
        const auto perSecond = [](const Half& half) { return double(half.changes) / (double(half.ns) / 1e9); };
        table.add(QStringLiteral("hub alone: pages fetched, not applied"), grouped(qint64(perSecond(fetched))) + QStringLiteral(" rec/s"),
            QStringLiteral("%1 pages, %2 s from requests to answers, one at a time: page building + transfer")
                .arg(fetched.pages)
                .arg(number(double(fetched.ns) / 1e9, 2)));
        table.add(QStringLiteral("engine alone: pages applied, no network"), grouped(qint64(perSecond(applied))) + QStringLiteral(" rec/s"),
            QStringLiteral("the same pages in %1 s into a fresh store: parse + write").arg(number(double(applied.ns) / 1e9, 2)));
        table.add(QStringLiteral("sync / slower half"), number(100.0 * syncRate / std::min(perSecond(fetched), perSecond(applied)), 1) + QStringLiteral(" %"),
            QStringLiteral("%1 bounds the sync").arg(perSecond(fetched) < perSecond(applied) ? QStringLiteral("the hub") : QStringLiteral("the engine")));

        // Live latency: notes on recent interactions, posted at a steady rate.
        std::vector<qint64> targets;
        {
            Statement st(synced.handle(), "SELECT id FROM interactions ORDER BY offered_at DESC LIMIT 200");
            while (st.step())
                targets.push_back(st.int64(0));
        }
        if (targets.empty())
            throw StoreError(QStringLiteral("no interaction to write notes on"));
        struct Sample
        {
            qint64 sentAt = 0;
            qint64 answeredAt = 0;
            qint64 seq = 0;
        };
        std::vector<Sample> samples;
        const int total = rate * seconds;
        samples.reserve(std::size_t(total));
        int sent = 0, answered = 0, failed = 0;
        {
            QMutexLocker lock(&mutex);
            commits.clear();
        }
        std::fprintf(stderr, "latency: %d notes at %d/s...\n", total, rate);
        const qint64 liveStart = clock.nsecsElapsed();
        QTimer pacer;
        pacer.setTimerType(Qt::PreciseTimer);
        pacer.setInterval(1);
        QObject::connect(&pacer, &QTimer::timeout, &app, [&] {
            // As many as are due by now: a late timer does not lower the rate.
            const qint64 due = std::min<qint64>(total, (clock.nsecsElapsed() - liveStart) * rate / 1'000'000'000 + 1);
            while (sent < due) {
                const std::size_t index = samples.size();
                samples.push_back(Sample { clock.nsecsElapsed(), 0, 0 });
                HttpRequest request;
                request.method = "POST";
                request.url = hub.url().resolved(
                    QUrl(QStringLiteral("/api/v1/interactions/%1/notes").arg(targets[std::size_t(sent) % targets.size()])));
                request.headers = { { "Content-Type", "application/json" },
                    { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } };
                request.body = QJsonDocument(QJsonObject { { QStringLiteral("text"),
                                                 QStringLiteral("bench note %1").arg(sent) } })
                                   .toJson(QJsonDocument::Compact);
                http.send(request, &app, [&, index](const HttpResponse& response) {
                    ++answered;
                    const qint64 seq = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("seq")).toInteger();
                    if (!response.isSuccess() || seq <= 0) {
                        ++failed;
                        return;
                    }
                    samples[index].answeredAt = clock.nsecsElapsed();
                    samples[index].seq = seq;
                });
                ++sent;
            }
            if (sent >= total)
                pacer.stop();
        });
        pacer.start();
        waitUntil([&] { return sent >= total && answered >= total; }, (seconds + 60) * 1000);
        const qint64 sendNs = clock.nsecsElapsed() - liveStart;
        qint64 highest = 0;
        for (const Sample& s : samples)
            highest = std::max(highest, s.seq);
        waitUntil(
            [&] {
                QMutexLocker lock(&mutex);
                return !commits.empty() && commits.back().first >= highest;
            },
            60000);

        std::vector<qint64> fromAnswer, fromSend;
        int missing = 0, beforeAnswer = 0;
        {
            QMutexLocker lock(&mutex);
            for (const Sample& s : samples) {
                if (!s.seq)
                    continue;
                // The first commit whose cursor covers the change.
                const auto it = std::lower_bound(commits.begin(), commits.end(), s.seq,
                    [](const std::pair<qint64, qint64>& c, qint64 seq) { return c.first < seq; });
                if (it == commits.end()) {
                    ++missing;
                    continue;
                }
                // The stream can beat the HTTP answer to the client: that is a 0.
                if (it->second < s.answeredAt)
                    ++beforeAnswer;
                fromAnswer.push_back(std::max<qint64>(0, it->second - s.answeredAt));
                fromSend.push_back(it->second - s.sentAt);
            }
        }
        table.section(QStringLiteral("live latency: hub commit to desktop store"));
        table.add(QStringLiteral("notes posted"), grouped(sent),
            QStringLiteral("%1/s asked, %2/s achieved, %3 failed")
                .arg(rate)
                .arg(number(double(sent) / (double(sendNs) / 1e9), 0))
                .arg(failed));
        table.add(QStringLiteral("p50, from the 201"), millis(percentile(fromAnswer, 0.50)),
            QStringLiteral("to caughtUp after the commit"));
        table.add(QStringLiteral("p99, from the 201"), millis(percentile(fromAnswer, 0.99)), QStringLiteral("aim ≤ 100 ms"));
        table.add(QStringLiteral("max, from the 201"),
            millis(fromAnswer.empty() ? 0 : *std::max_element(fromAnswer.begin(), fromAnswer.end())),
            QStringLiteral("%1 stored before the 201 arrived (counted as 0), %2 never").arg(beforeAnswer).arg(missing));
        table.add(QStringLiteral("p50, from the POST"), millis(percentile(fromSend, 0.50)),
            QStringLiteral("includes the hub's handling"));
        table.add(QStringLiteral("p99, from the POST"), millis(percentile(fromSend, 0.99)));
        hub.stop();
    } catch (const StoreError& error) {
        table.print();
        std::fprintf(stderr, "unisono-sync-bench: %s\n", qPrintable(error.message()));
        return 1;
    }
    table.print();
    return 0;
}
