// unisono-bench: generates a demo dataset into a fresh store (or opens one
// made before, --open) and prints what it measured as a plain table
// (figure | value | note): generation, type-ahead search per keystroke,
// timeline paging, the screen pop, cold start and memory of the real unisono binary. Not a
// test: nothing here passes or fails, the numbers are for people comparing runs.
//
//   unisono-bench [--size tiny|small|medium|large|huge] [--db PATH] [--seed N] [--now UTC_SECONDS]
//   unisono-bench --open PATH     (a store generated before: the huge one takes minutes to make)

#include "BenchFigures.h"
#include "BenchTable.h"
#include "ScreenPopBench.h"
#include "SearchBench.h"
#include "StartupBench.h"
#include "TimelineBench.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoRandom.h"
#include "demo/DemoSize.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <memory>
#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace BenchFigures;

namespace {

// A fixed "now" so that two runs with the same flags generate the same data.
constexpr qint64 kDefaultNow = 1'750'000'000; // 2025-06-15 15:06:40 UTC

using Table = BenchTable;

// The 1-minute load average: a noisy machine makes slow figures.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 0)
                                          : QStringLiteral("?");
}

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw StoreError(
            QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

// Interaction-shaped rows through one prepared statement in one transaction:
// no text to compose, no ids to look up. Returns rows per second.
double insertRowsPerSecond(sqlite3* db, const char* table, qint64 rows)
{
    const QByteArray sql = QByteArray("INSERT INTO ") + table
        + "(customer_id, channel, direction, status, queue_id, agent_id, site_id, subject, language, "
          "offered_at,"
          " answered_at, ended_at, wait_seconds, handle_seconds, disposition, contact_reason, sentiment, "
          "csat,"
          " revenue) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr), db, "prepare");
    static const char* const kChannels[] { "voice", "chat", "email", "sms" };
    static const char* const kSubjects[] { "Question about my March bill",
        "Internet non funziona da 3 giorni", "Order LN-482913 delivery", "Richiesta di disdetta" };
    QElapsedTimer timer;
    timer.start();
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    for (qint64 i = 0; i < rows; ++i) {
        const qint64 t = 1'650'000'000 + i * 7;
        sqlite3_bind_int64(st, 1, i % 50'000 + 1);
        sqlite3_bind_text(st, 2, kChannels[i & 3], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, "inbound", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, "ended", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, i % 48 + 1);
        sqlite3_bind_int64(st, 6, i % 250 + 1);
        sqlite3_bind_int64(st, 7, i % 3 + 1);
        sqlite3_bind_text(st, 8, kSubjects[(i >> 2) & 3], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, (i % 3) ? "it" : "en", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, t);
        sqlite3_bind_int64(st, 11, t + 20);
        sqlite3_bind_int64(st, 12, t + 400);
        sqlite3_bind_int64(st, 13, 20);
        sqlite3_bind_int64(st, 14, 380);
        sqlite3_bind_text(st, 15, "resolved", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 16, "billing", -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 17, 0.25);
        sqlite3_bind_int64(st, 18, 4);
        sqlite3_bind_null(st, 19);
        check(sqlite3_step(st), db, "insert");
        sqlite3_reset(st);
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    const qint64 elapsed = timer.nsecsElapsed();
    sqlite3_finalize(st);
    return double(rows) / (double(elapsed) / 1e9);
}

// The floor: a bare table with the interactions' columns and nothing else:
// no index, no constraint.
double bareRowsPerSecond(const QString& path, qint64 rows)
{
    sqlite3* db = nullptr;
    check(sqlite3_open(path.toUtf8().constData(), &db), db, "open");
    check(
        sqlite3_exec(db,
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
            "CREATE TABLE bare(id INTEGER PRIMARY KEY, customer_id INTEGER, channel TEXT, direction TEXT,"
            " status TEXT, queue_id INTEGER, agent_id INTEGER, site_id INTEGER, subject TEXT, language TEXT,"
            " offered_at INTEGER, answered_at INTEGER, ended_at INTEGER, wait_seconds INTEGER,"
            " handle_seconds INTEGER, disposition TEXT, contact_reason TEXT, sentiment REAL, csat INTEGER,"
            " revenue REAL)",
            nullptr, nullptr, nullptr),
        db, "create");
    const double result = insertRowsPerSecond(db, "bare", rows);
    sqlite3_close(db);
    return result;
}

// The same rows into the store's real interactions table (its two indexes
// and CHECK constraints; foreign keys off, there are no parents), with the
// CHECKs enforced or not: what the schema itself costs per insert.
double schemaRowsPerSecond(const QString& path, qint64 rows, bool checks)
{
    Store store(path);
    store.db().exec("PRAGMA foreign_keys = OFF");
    store.db().exec(
        checks ? "PRAGMA ignore_check_constraints = OFF" : "PRAGMA ignore_check_constraints = ON");
    return insertRowsPerSecond(store.db().handle(), "interactions", rows);
}

// Generates the demo data into the new store and adds the generation
// figures, with the bare-insert baselines of the same run.
void generate(Table& table, Store& store, const DemoSize& size, quint64 seed, qint64 now, const QString& path,
    const QTemporaryDir& temp)
{
    DemoDataGenerator generator(store, seed, now);
    QElapsedTimer timer;
    timer.start();
    qint64 customersDone = 0, historyDone = 0;
    int lastPercent = -1;
    generator.generate(size, [&](qint64 done, qint64 total) {
        if (!customersDone && done >= size.customers)
            customersDone = timer.nsecsElapsed();
        if (!historyDone && done >= total - 1)
            historyDone = timer.nsecsElapsed();
        const int percent = int(done * 100 / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            std::fprintf(stderr, "\rgenerating %s: %3d%%", qPrintable(size.name), percent);
        }
    });
    const qint64 elapsed = timer.nsecsElapsed();
    std::fprintf(stderr, "\n");
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const DemoDataGenerator::Summary& s = generator.summary();
    const double seconds = double(elapsed) / 1e9;

    table.section(QStringLiteral("generation"));
    table.add(QStringLiteral("total time"), number(seconds, 2) + QStringLiteral(" s"),
        QStringLiteral("everything, indexes included"));
    table.add(QStringLiteral("  customers phase"),
        number(double(customersDone) / 1e9, 2) + QStringLiteral(" s"),
        QStringLiteral("organisation, customers, identities"));
    table.add(QStringLiteral("  history phase"),
        number(double(historyDone - customersDone) / 1e9, 2) + QStringLiteral(" s"),
        QStringLiteral("interactions, messages, social, tickets, callbacks"));
    table.add(QStringLiteral("  index phase"),
        number(double(elapsed - historyDone) / 1e9, 2) + QStringLiteral(" s"),
        QStringLiteral("deferred indexes + customer FTS rebuild"));
    table.add(QStringLiteral("customers"), grouped(s.customers),
        number(double(s.customers) / seconds) + QStringLiteral(" /s overall"));
    table.add(QStringLiteral("identities"), grouped(s.identities));
    table.add(QStringLiteral("interactions"), grouped(s.interactions),
        number(double(s.interactions) / seconds) + QStringLiteral(" /s overall"));
    table.add(QStringLiteral("messages"), grouped(s.messages));
    table.add(QStringLiteral("social activities"), grouped(s.socialActivities));
    table.add(QStringLiteral("tickets"), grouped(s.tickets));
    table.add(QStringLiteral("callbacks"), grouped(s.callbacks));
    table.add(QStringLiteral("agents / queues"), QStringLiteral("%1 / %2").arg(s.agents).arg(s.queues));
    const qint64 rows = s.sites + s.agents + s.queues + s.customers + s.identities + s.interactions
        + s.messages + s.socialActivities + s.tickets + s.callbacks + s.knowledgeArticles;
    table.add(QStringLiteral("rows written"), grouped(rows),
        number(double(rows) / seconds) + QStringLiteral(" rows/s"));
    table.add(QStringLiteral("database size"),
        number(double(fileSize(path)) / 1048576.0, 1) + QStringLiteral(" MB"),
        QStringLiteral("after WAL checkpoint"));

    table.section(QStringLiteral("baseline (same run)"));
    const double interactionsPerSecond = double(s.interactions) / seconds;
    const double bare = bareRowsPerSecond(temp.filePath(QStringLiteral("baseline.db")), s.interactions);
    table.add(QStringLiteral("bare inserts"), number(bare) + QStringLiteral(" rows/s"),
        QStringLiteral("%1 interaction-shaped rows, 1 prepared statement, 1 transaction, no index")
            .arg(grouped(s.interactions)));
    table.add(QStringLiteral("generator / baseline"), number(interactionsPerSecond / bare, 3),
        QStringLiteral("interactions/s overall vs bare rows/s"));
    table.add(QStringLiteral("history phase / baseline"),
        number(double(s.interactions) / (double(historyDone - customersDone) / 1e9) / bare, 3),
        QStringLiteral("interactions/s while writing the history vs bare rows/s"));
    const qint64 schemaRows = std::min<qint64>(s.interactions, 1'000'000);
    const double enforced
        = schemaRowsPerSecond(temp.filePath(QStringLiteral("checks.db")), schemaRows, true);
    const double unchecked
        = schemaRowsPerSecond(temp.filePath(QStringLiteral("nochecks.db")), schemaRows, false);
    table.add(QStringLiteral("store schema, CHECKs on"), number(enforced) + QStringLiteral(" rows/s"),
        QStringLiteral("same rows into interactions (2 indexes), %1 rows").arg(grouped(schemaRows)));
    table.add(QStringLiteral("store schema, CHECKs off"), number(unchecked) + QStringLiteral(" rows/s"),
        QStringLiteral("CHECK(x IN (...)) costs %1 µs per row")
            .arg(number(1e6 / enforced - 1e6 / unchecked, 2)));
}

// A store made before (the huge one takes minutes to generate): opening it
// migrates it in place if an older Unisono wrote it, and that time is a figure.
std::unique_ptr<Store> openExisting(Table& table, const QString& path)
{
    int version = 0;
    {
        Database db(path, Database::Mode::ReadWrite);
        version = Migrations::currentVersion(db);
    }
    QElapsedTimer timer;
    timer.start();
    auto store = std::make_unique<Store>(path);
    const qint64 elapsed = timer.nsecsElapsed();
    table.section(QStringLiteral("store"));
    table.add(QStringLiteral("file"), path, number(double(fileSize(path)) / 1048576.0, 1) + QStringLiteral(" MB"));
    table.add(QStringLiteral("customers"), grouped(store->customerCount()));
    table.add(QStringLiteral("interactions"), grouped(store->db().scalar("SELECT count(*) FROM interactions")));
    table.add(QStringLiteral("open"), millis(elapsed),
        version < Migrations::latestVersion()
            ? QStringLiteral("migrated in place from schema %1 to %2").arg(version).arg(Migrations::latestVersion())
            : QStringLiteral("schema %1, nothing to migrate").arg(version));
    return store;
}

// The first page of random customers' timelines, and of the busiest one's.
void timelineFirstPages(Table& table, Store& store, quint64 seed, int queries)
{
    DemoRandom random(seed ^ 0x71e);
    const qint64 customers = store.db().scalar("SELECT max(id) - min(id) + 1 FROM customers");
    table.section(QStringLiteral("timeline first page (Store::interactions, 50 rows)"));
    const qint64 busiest
        = store.db().scalar("SELECT customer_id FROM interactions WHERE customer_id IS NOT NULL GROUP BY "
                            "customer_id ORDER BY count(*) DESC LIMIT 1");
    const qint64 busiestCount = store.interactionCount(busiest);
    const qint64 firstId = store.db().scalar("SELECT min(id) FROM customers");
    std::vector<qint64> timeline;
    for (int i = 0; i < queries; ++i) {
        const qint64 id = firstId + random.below(std::max<qint64>(1, customers));
        QElapsedTimer t;
        t.start();
        const QList<Interaction> page = store.interactions(id, 0, 50);
        timeline.push_back(t.nsecsElapsed());
    }
    std::vector<qint64> busiestTimes;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        const QList<Interaction> page = store.interactions(busiest, 0, 50);
        busiestTimes.push_back(t.nsecsElapsed());
    }
    table.add(QStringLiteral("timeline p50"), micros(percentile(timeline, 0.50)),
        QStringLiteral("%1 random customers").arg(timeline.size()));
    table.add(QStringLiteral("timeline p99"), micros(percentile(timeline, 0.99)));
    table.add(QStringLiteral("busiest customer p50 / p99"),
        micros(percentile(busiestTimes, 0.5)) + QStringLiteral(" / ")
            + micros(percentile(busiestTimes, 0.99)),
        QStringLiteral("customer %1 with %2 interactions, 50 runs")
            .arg(busiest)
            .arg(grouped(busiestCount)));
}

} // namespace

int main(int argc, char** argv)
{
    // The timeline figures scroll the real timeline view and the screen pop builds
    // the real context panel: offscreen unless told otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generates a demo dataset and prints what it measured."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("size"),
        QStringLiteral("Dataset size: %1.").arg(DemoSize::names().join(QStringLiteral(", "))),
        QStringLiteral("name"), QStringLiteral("small") });
    parser.addOption({ QStringLiteral("db"),
        QStringLiteral("Database file to create (default: a temporary file)."), QStringLiteral("path") });
    parser.addOption({ QStringLiteral("open"),
        QStringLiteral("Measure this existing store instead of generating one (migrated in place if older)."),
        QStringLiteral("path") });
    parser.addOption(
        { QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("now"), QStringLiteral("Reference time, UTC seconds."),
        QStringLiteral("seconds"), QString::number(kDefaultNow) });
    parser.addOption({ QStringLiteral("queries"), QStringLiteral("Timelines to time."),
        QStringLiteral("n"), QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("sessions"), QStringLiteral("Customers to type into the search, key by key."),
        QStringLiteral("n"), QStringLiteral("300") });
    parser.addOption({ QStringLiteral("starts"), QStringLiteral("Cold starts of the unisono binary to time (0: none)."),
        QStringLiteral("n"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("pops"), QStringLiteral("Screen pops to time."), QStringLiteral("n"),
        QStringLiteral("500") });
    parser.process(app);

    const std::optional<DemoSize> size = DemoSize::byName(parser.value(QStringLiteral("size")));
    if (!size) {
        std::fprintf(stderr, "Unknown size \"%s\"; use one of: %s.\n",
            qPrintable(parser.value(QStringLiteral("size"))),
            qPrintable(DemoSize::names().join(QStringLiteral(", "))));
        return 2;
    }
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    const qint64 now = parser.value(QStringLiteral("now")).toLongLong();
    const int queryCount = std::max(1, parser.value(QStringLiteral("queries")).toInt());
    const int sessions = std::max(1, parser.value(QStringLiteral("sessions")).toInt());
    const int starts = std::max(0, parser.value(QStringLiteral("starts")).toInt());
    const int popCount = std::max(1, parser.value(QStringLiteral("pops")).toInt());
    const bool existing = parser.isSet(QStringLiteral("open"));

    QTemporaryDir temp;
    const QString path = existing ? parser.value(QStringLiteral("open"))
        : parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                            : temp.filePath(QStringLiteral("bench.db"));
    if (existing && !QFileInfo(path).isFile()) {
        std::fprintf(stderr, "%s is not a store; --open needs one generated before.\n", qPrintable(path));
        return 2;
    }
    if (!existing && QFileInfo::exists(path)) {
        std::fprintf(stderr, "%s already exists; the benchmark needs a fresh file (or --open it).\n", qPrintable(path));
        return 2;
    }

    Table table;
    table.section(QStringLiteral("machine"));
    table.add(QStringLiteral("cpu"), cpuModel());
    table.add(QStringLiteral("cores"), QString::number(QThread::idealThreadCount()),
        QStringLiteral("the generator uses one"));
    table.add(QStringLiteral("load average"), loadAverage(), QStringLiteral("other work on the machine when the run started"));
    table.add(QStringLiteral("sqlite"), QString::fromLatin1(sqlite3_libversion()));
    if (!existing)
        table.add(QStringLiteral("dataset"), size->name, size->description);

    try {
        std::unique_ptr<Store> store;
        if (existing) {
            store = openExisting(table, path);
        } else {
            store = std::make_unique<Store>(path);
            generate(table, *store, *size, seed, now, path, temp);
        }
        SearchBench::addFigures(table, *store, seed, sessions);
        timelineFirstPages(table, *store, seed, queryCount);
        TimelineBench::addFigures(table, *store);
        table.section(QStringLiteral("screen pop (CustomerContextPanel::setCustomer, then a new session tab)"));
        ScreenPopBench::measure(table, *store, seed, popCount);
        if (starts > 0)
            StartupBench::addFigures(table, path, starts);
    } catch (const StoreError& error) {
        table.print();
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 1;
    }
    table.print();
    std::printf("\nreproduce: %s\n", qPrintable(QCoreApplication::arguments().join(QLatin1Char(' '))));
    return 0;
}
