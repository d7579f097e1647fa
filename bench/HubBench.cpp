// unisono-hub-bench: the real unisono-hub under many event streams and a
// steady mixed API load, printed as a table (figure | value | note) and a
// summary with one row per run. Not a test: nothing passes or fails, the
// numbers are for people comparing runs. All HTTP is libcurl's.
//
// 1. Change feed: GET /api/v1/changes?since=X&limit=1000 over pages spread
//    across the demo feed, plain and gzip; in the same run, the limit: the
//    same rows read straight from the hub's SQLite file with the hub's
//    prepared statement; the hub's gzip encoder at levels 1 and 6 on the
//    same bodies; the limit (20 ms a page) beside them; the hub's
//    CPU time per page and its wait for a core, which tell a slow hub from
//    a busy machine.
// 2. Baseline: an open-loop mix at a fixed rate over keep-alive connections
//    (70% reads: search, customer, interaction page, queues; 30% commands:
//    notes and agent states with Idempotency-Key), no event stream open.
//    Latency is measured from each request's scheduled send time.
// 3. Event streams: N clients on GET /api/v1/events (90% agents, 10%
//    supervisors), all asked for at once, kept open through the next run.
// 4. The same mix again with the N streams open. Fan-out: for every
//    command, when its change (by seq) reached the sampled streams and the
//    last of all N streams; and whether all got it.
//
//   unisono-hub-bench [--clients N] [--rate N] [--seconds N] [--feed-pages N]
//                     [--connections N] [--sampled N] [--demo-size NAME] [--hub PATH]

#include "BenchFigures.h"
#include "BenchTable.h"
#include "BlockingHttp.h"
#include "GzipEncoder.h"
#include "HubLoad.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QUrl>
#include <algorithm>
#include <cstring>
#include <ctime>
#include <cstdio>
#include <random>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace BenchFigures;

namespace {

using Table = BenchTable;

QString spread(const std::vector<qint64>& samples)
{
    if (samples.empty())
        return QStringLiteral("-");
    return millis(percentile(samples, 0.5)) + QStringLiteral(" / ") + millis(percentile(samples, 0.99))
        + QStringLiteral(" / ") + millis(*std::max_element(samples.begin(), samples.end()));
}

// CPU seconds (user + system) a process has used so far.
double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the parenthesised name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

// Nanoseconds a process has run on a CPU and waited runnable for one
// (/proc/PID/schedstat): the wait shows when others on the machine took the
// cores, which no latency figure here can tell apart from a slow hub.
std::pair<qint64, qint64> schedStat(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/schedstat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return { 0, 0 };
    const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
    return fields.size() < 2 ? std::pair<qint64, qint64> { 0, 0 }
                             : std::pair<qint64, qint64> { fields.at(0).toLongLong(), fields.at(1).toLongLong() };
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').mid(0, 3).join(" ") : QByteArray("?");
}

double ownCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of the calling thread, in nanoseconds.
qint64 threadCpuNs()
{
    timespec now {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Soft limit up to the hard one: each stream is a descriptor here and in the hub.
qint64 raiseDescriptorLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return qint64(limit.rlim_cur);
}

// The real hub on a free loopback port; the port is on its first stdout line.
class Hub
{
public:
    Hub(const QString& program, const QStringList& arguments)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            throw std::runtime_error(qPrintable(QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString())));
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(600000))
                throw std::runtime_error(qPrintable(QStringLiteral("%1 printed no address").arg(program)));
            line += m_process.readAllStandardOutput();
        }
        const QByteArray first = line.left(line.indexOf('\n')).trimmed();
        const QUrl url(QString::fromUtf8(first.mid(first.lastIndexOf(' ') + 1)));
        if (!first.startsWith("unisono-hub listening on http://") || url.port() <= 0)
            throw std::runtime_error("unexpected first line from the hub: " + first.toStdString());
        m_port = quint16(url.port());
    }
    ~Hub()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

QJsonObject jsonOf(const BlockingHttp::Response& response, const char* what)
{
    if (response.status / 100 != 2)
        throw std::runtime_error(std::string(what) + ": HTTP " + std::to_string(response.status) + " "
            + response.body.left(300).toStdString());
    return QJsonDocument::fromJson(response.body).object();
}

struct Login
{
    QByteArray token;
    qint64 agentId = 0;
};

Login login(BlockingHttp& http, const char* user)
{
    const QByteArray body = QByteArray("{\"login\":\"") + user + "\",\"password\":\"" + user + "\"}";
    const QJsonObject json = jsonOf(http.request("POST", "/api/v1/login", {}, body), "login");
    return Login { json.value(QStringLiteral("token")).toString().toLatin1(),
        qint64(json.value(QStringLiteral("agentId")).toDouble()) };
}

std::vector<qint64> idsOf(const QJsonArray& array)
{
    std::vector<qint64> ids;
    for (const QJsonValue& value : array)
        ids.push_back(qint64(value.toObject().value(QStringLiteral("id")).toDouble()));
    return ids;
}

// The rows of one feed page straight from SQLite with the hub's own
// statement, every column read as the hub's visitChanges does (views of the
// bytes, no JSON): what serving a page costs at the very least.
class DirectFeed
{
public:
    explicit DirectFeed(const QString& path)
    {
        if (sqlite3_open_v2(qPrintable(path), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open the hub's database read-only");
        sqlite3_prepare_v2(m_db,
            "SELECT seq, entity, entity_id, op, payload, changed_at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
            -1, &m_page, nullptr);
    }
    ~DirectFeed()
    {
        sqlite3_finalize(m_page);
        sqlite3_close(m_db);
    }
    DirectFeed(const DirectFeed&) = delete;
    DirectFeed& operator=(const DirectFeed&) = delete;

    qint64 scalar(const char* sql)
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr);
        const qint64 value = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return value;
    }
    // Returns the rows read.
    int page(qint64 since, int limit)
    {
        sqlite3_bind_int64(m_page, 1, since);
        sqlite3_bind_int64(m_page, 2, limit + 1); // as the hub: one more tells "more"
        int rows = 0;
        while (rows < limit && sqlite3_step(m_page) == SQLITE_ROW) {
            m_seq += sqlite3_column_int64(m_page, 0);
            m_bytes += std::strlen(reinterpret_cast<const char*>(sqlite3_column_text(m_page, 1)));
            m_seq += sqlite3_column_int64(m_page, 2);
            m_bytes += std::strlen(reinterpret_cast<const char*>(sqlite3_column_text(m_page, 3)));
            sqlite3_column_text(m_page, 4);
            m_bytes += sqlite3_column_bytes(m_page, 4);
            m_seq += sqlite3_column_int64(m_page, 5);
            ++rows;
        }
        sqlite3_reset(m_page);
        return rows;
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_page = nullptr;
    // Sums kept as members so the reads cannot be optimised away.
    qint64 m_seq = 0, m_bytes = 0;
};

enum Kind { Search, CustomerById, InteractionPage, Queues, Note, AgentState, KindCount };
const char* const kKindNames[] = { "GET customers?q=", "GET customers/{id}", "GET customers/{id}/interactions",
    "GET queues", "POST interactions/{id}/notes", "POST agents/{id}/state" };
// Of every 100 requests: 70 reads, 30 commands.
const int kKindShare[] = { 20, 20, 20, 10, 22, 8 };


// What one load run measured, for the side-by-side summary.
struct RunFigures
{
    QString name;
    int streams = 0;
    double offered = 0;
    double achieved = 0;
    std::vector<qint64> latencies; // scheduled send -> answer
    std::vector<qint64> fanOut; // command answered -> its change at the last stream
    qint64 delivered = 0;
    qint64 expected = 0;
    double hubCpu = 0; // % of one core
};

// Drives the open-loop mix on `load` (whose `open` streams are already
// open), waits for the changes to reach every stream, and adds the detail
// rows to the table.
RunFigures measureLoad(HubLoad& load, int open, int sampled, const HubLoad::Plan& plan,
    const HubLoad::Generator& next, qint64 hubPid, Table& table, const QString& title)
{
    RunFigures figures;
    figures.streams = open;
    figures.offered = plan.rate;
    const double hubCpu0 = processCpuSeconds(hubPid);
    const std::pair<qint64, qint64> hubSched0 = schedStat(hubPid);
    const std::pair<qint64, qint64> benchSched0 = schedStat(::getpid());
    const double benchCpu0 = ownCpuSeconds();
    std::fprintf(stderr, "unisono-hub-bench: %s requests/s for %s s with %d streams\n", qPrintable(number(plan.rate)),
        qPrintable(number(double(plan.durationNs) / 1e9)), open);
    const qint64 t = HubLoad::now();
    load.run(plan, next);
    const qint64 runNs = HubLoad::now() - t;
    qint64 lastSeq = 0;
    for (const HubLoad::Completed& done : load.completed())
        lastSeq = std::max(lastSeq, done.seq);
    if (open > 0)
        load.drainEvents(lastSeq, 15'000'000'000);
    const double hubCpu = processCpuSeconds(hubPid) - hubCpu0;
    const double benchCpu = ownCpuSeconds() - benchCpu0;
    const std::pair<qint64, qint64> hubSched = schedStat(hubPid);
    const std::pair<qint64, qint64> benchSched = schedStat(::getpid());
    const double wallSeconds = double(HubLoad::now() - t) / 1e9;
    figures.hubCpu = 100.0 * hubCpu / wallSeconds;

    table.section(title);
    const std::vector<HubLoad::Completed>& completed = load.completed();
    std::vector<qint64> reads, commands, service;
    std::vector<qint64> byKind[KindCount];
    qint64 failed = 0;
    QMap<int, int> failures; // status -> count, 0 = connection broke
    qint64 lastDone = 0, firstScheduled = completed.empty() ? 0 : completed.front().scheduledNs;
    for (const HubLoad::Completed& done : completed) {
        const qint64 latency = done.doneNs - done.scheduledNs;
        figures.latencies.push_back(latency);
        (done.command ? commands : reads).push_back(latency);
        byKind[done.kind].push_back(latency);
        service.push_back(done.doneNs - done.sentNs);
        if (done.status / 100 != 2) {
            ++failed;
            ++failures[done.status * 1000 + done.kind];
        }
        lastDone = std::max(lastDone, done.doneNs);
        firstScheduled = std::min(firstScheduled, done.scheduledNs);
    }
    figures.achieved
        = lastDone > firstScheduled ? double(completed.size()) / (double(lastDone - firstScheduled) / 1e9) : 0;
    table.add(QStringLiteral("requests answered"), grouped(qint64(completed.size())),
        QStringLiteral("asked %1/s for %2 s over %3 keep-alive connections; %4 unanswered at the end; %5 not 2xx")
            .arg(number(plan.rate))
            .arg(number(double(plan.durationNs) / 1e9))
            .arg(plan.connections)
            .arg(load.unfinished())
            .arg(failed));
    for (auto it = failures.cbegin(); it != failures.cend(); ++it)
        table.add(QStringLiteral("  HTTP %1").arg(it.key() / 1000), grouped(it.value()),
            QLatin1String(kKindNames[it.key() % 1000]) + QStringLiteral(" (0 = the connection broke)"));
    table.add(QStringLiteral("achieved rate"), number(figures.achieved) + QStringLiteral("/s"),
        QStringLiteral("answers / (last answer - first scheduled send)"));
    table.add(QStringLiteral("all p50 / p99 / max"), spread(figures.latencies),
        QStringLiteral("scheduled send -> whole answer read"));
    table.add(QStringLiteral("reads p50 / p99 / max"), spread(reads), QStringLiteral("70% of the mix"));
    table.add(QStringLiteral("commands p50 / p99 / max"), spread(commands),
        QStringLiteral("30%: one transaction each, then the change goes to every stream"));
    for (int kind = 0; kind < KindCount; ++kind)
        table.add(QStringLiteral("  ") + QLatin1String(kKindNames[kind]), spread(byKind[kind]),
            QStringLiteral("%1% of the mix, %2 answered").arg(kKindShare[kind]).arg(byKind[kind].size()));
    table.add(QStringLiteral("service time p50 / p99"),
        millis(percentile(service, 0.5)) + QStringLiteral(" / ") + millis(percentile(service, 0.99)),
        QStringLiteral("actual send -> answer: without the wait for a free connection"));
    table.add(QStringLiteral("hub CPU"), number(figures.hubCpu) + QStringLiteral("%"),
        QStringLiteral("of one core, over the load and the drain (%1 s); the hub is single-threaded")
            .arg(number(wallSeconds, 1)));
    table.add(QStringLiteral("bench CPU"), number(100.0 * benchCpu / wallSeconds) + QStringLiteral("%"),
        QStringLiteral("of one core: this generator (libcurl), with every stream's reads"));
    table.add(QStringLiteral("hub / bench waiting for a CPU"),
        number(100.0 * double(hubSched.second - hubSched0.second) / 1e9 / wallSeconds) + QStringLiteral("% / ")
            + number(100.0 * double(benchSched.second - benchSched0.second) / 1e9 / wallSeconds)
            + QStringLiteral("%"),
        QStringLiteral("runnable but not running (schedstat): the cores were busy with something else"));
    table.add(QStringLiteral("machine load average"), QString::fromUtf8(loadAverage()),
        QStringLiteral("1/5/15 min at the end; 2 = both cores busy"));
    table.add(QStringLiteral("load run"), millis(runNs), QStringLiteral("first send -> last answer (or the drain limit)"));
    if (open == 0)
        return figures;

    table.section(title + QStringLiteral(": event fan-out (the change of each answered command)"));
    struct Sent
    {
        qint64 sentNs;
        qint64 doneNs;
    };
    std::vector<Sent> bySeq(std::size_t(std::max<qint64>(0, lastSeq - load.eventBase())) + 1, Sent { 0, 0 });
    qint64 events = 0, incomplete = 0;
    std::vector<qint64> lastFromSend;
    for (const HubLoad::Completed& done : completed) {
        if (done.seq <= load.eventBase())
            continue;
        bySeq[std::size_t(done.seq - load.eventBase())] = Sent { done.sentNs, done.doneNs };
        ++events;
        const int got = load.receivers(done.seq);
        figures.delivered += got;
        if (got < open)
            ++incomplete;
        if (load.lastReceipt(done.seq) > 0) {
            lastFromSend.push_back(load.lastReceipt(done.seq) - done.sentNs);
            figures.fanOut.push_back(load.lastReceipt(done.seq) - done.doneNs);
        }
    }
    figures.expected = events * open;
    std::vector<qint64> fromAnswer;
    for (const auto& [seq, at] : load.sampledReceipts()) {
        const qint64 index = seq - load.eventBase();
        if (index <= 0 || std::size_t(index) >= bySeq.size() || bySeq[std::size_t(index)].sentNs == 0)
            continue;
        fromAnswer.push_back(at - bySeq[std::size_t(index)].doneNs);
    }
    table.add(QStringLiteral("changes published"), grouped(events),
        QStringLiteral("each to %1 streams = %2 event deliveries").arg(open).arg(grouped(figures.expected)));
    table.add(QStringLiteral("delivery to all streams"),
        grouped(events - incomplete) + QStringLiteral(" of ") + grouped(events),
        QStringLiteral("changes every open stream got; %1 deliveries missing; %2 streams still open, %3 lost")
            .arg(grouped(figures.expected - figures.delivered))
            .arg(load.streamsOpen())
            .arg(load.streamsLost()));
    table.add(QStringLiteral("sampled: answer -> event p50 / p99 / max"), spread(fromAnswer),
        QStringLiteral("%1 sampled streams, %2 receipts; the hub answers first, then sends events in batches")
            .arg(std::min(sampled, open))
            .arg(grouped(qint64(fromAnswer.size()))));
    table.add(QStringLiteral("last stream: answer -> event p50 / p99 / max"), spread(figures.fanOut),
        QStringLiteral("fan-out delay: the command's answer (right after its commit) -> the last of %1 streams")
            .arg(open));
    table.add(QStringLiteral("last stream: send -> event p50 / p99 / max"), spread(lastFromSend),
        QStringLiteral("the same from the command's send: includes the command itself"));
    return figures;
}

// The runs side by side, one row each.
void printSummary(const std::vector<RunFigures>& runs)
{
    const QStringList head { QStringLiteral("run"), QStringLiteral("streams"), QStringLiteral("offered req/s"),
        QStringLiteral("achieved req/s"), QStringLiteral("latency p50 / p99"), QStringLiteral("fan-out p50 / p99"),
        QStringLiteral("events delivered / expected"), QStringLiteral("hub CPU") };
    QList<QStringList> rows { head };
    for (const RunFigures& run : runs) {
        const QString fanOut = run.fanOut.empty() ? QStringLiteral("-")
                                                  : millis(percentile(run.fanOut, 0.5)) + QStringLiteral(" / ")
                + millis(percentile(run.fanOut, 0.99));
        rows.append({ run.name, grouped(run.streams), number(run.offered), number(run.achieved),
            millis(percentile(run.latencies, 0.5)) + QStringLiteral(" / ") + millis(percentile(run.latencies, 0.99)),
            fanOut,
            run.streams ? grouped(run.delivered) + QStringLiteral(" / ") + grouped(run.expected) : QStringLiteral("-"),
            number(run.hubCpu) + QStringLiteral("%") });
    }
    std::vector<int> widths(std::size_t(head.size()), 0);
    for (const QStringList& row : rows) {
        for (int i = 0; i < row.size(); ++i)
            widths[std::size_t(i)] = std::max(widths[std::size_t(i)], int(row.at(i).size()));
    }
    std::printf("\nSUMMARY (latency: scheduled send -> answer; fan-out: answer -> event at the last stream)\n");
    for (int r = 0; r < rows.size(); ++r) {
        QStringList cells;
        for (int i = 0; i < rows.at(r).size(); ++i) {
            cells.append(i == 0 ? rows.at(r).at(i).leftJustified(widths[std::size_t(i)])
                                : rows.at(r).at(i).rightJustified(widths[std::size_t(i)]));
        }
        std::printf("%s\n", qPrintable(cells.join(QStringLiteral(" | "))));
        if (r == 0) {
            QStringList rules;
            for (const int width : widths)
                rules.append(QString(width, QLatin1Char('-')));
            std::printf("%s\n", qPrintable(rules.join(QStringLiteral("-|-"))));
        }
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-hub-bench"));
    curl_global_init(CURL_GLOBAL_DEFAULT);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Starts unisono-hub on demo data, opens event streams, drives an open-loop mixed API load and "
        "prints latency, fan-out and change-feed figures."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("clients"), QStringLiteral("Event-stream clients."), QStringLiteral("N"),
        QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("rate"), QStringLiteral("API requests per second."), QStringLiteral("N"),
        QStringLiteral("1000") });
    parser.addOption({ QStringLiteral("seconds"), QStringLiteral("Duration of the load."), QStringLiteral("N"),
        QStringLiteral("20") });
    parser.addOption({ QStringLiteral("feed-pages"), QStringLiteral("Change-feed pages of 1,000 to time."),
        QStringLiteral("N"), QStringLiteral("200") });
    parser.addOption({ QStringLiteral("connections"), QStringLiteral("Keep-alive connections for the load."),
        QStringLiteral("N"), QStringLiteral("32") });
    parser.addOption({ QStringLiteral("sampled"), QStringLiteral("Streams whose every receipt is timed."),
        QStringLiteral("N"), QStringLiteral("50") });
    parser.addOption({ QStringLiteral("demo-size"), QStringLiteral("The hub's demo data."), QStringLiteral("NAME"),
        QStringLiteral("small") });
    parser.addOption({ QStringLiteral("hub"), QStringLiteral("The unisono-hub binary (default: next to this one)."),
        QStringLiteral("PATH") });
    parser.process(app);
    const int clients = parser.value(QStringLiteral("clients")).toInt();
    const double rate = parser.value(QStringLiteral("rate")).toDouble();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int feedPages = parser.value(QStringLiteral("feed-pages")).toInt();
    const int connections = std::max(1, parser.value(QStringLiteral("connections")).toInt());
    const int sampled = parser.value(QStringLiteral("sampled")).toInt();
    const QString hubPath = parser.isSet(QStringLiteral("hub"))
        ? parser.value(QStringLiteral("hub"))
        : QCoreApplication::applicationDirPath() + QStringLiteral("/unisono-hub");
    if (clients < 0 || rate <= 0 || seconds <= 0 || feedPages < 0) {
        std::fprintf(stderr, "unisono-hub-bench: --clients, --feed-pages >= 0; --rate, --seconds > 0\n");
        return 2;
    }

    Table table;
    std::vector<RunFigures> runs; // the summary: the baseline, then with streams
    try {
        const qint64 fdLimit = raiseDescriptorLimit();
        if (fdLimit < clients + connections + 64)
            std::fprintf(stderr, "unisono-hub-bench: only %lld descriptors allowed; streams will fail\n",
                static_cast<long long>(fdLimit));
        table.section(QStringLiteral("Machine and run"));
        table.add(QStringLiteral("CPU"), cpuModel(),
            QStringLiteral("%1 online cores; hub and bench share them").arg(::sysconf(_SC_NPROCESSORS_ONLN)));
        table.add(QStringLiteral("command"), QStringLiteral("as run:"), QCoreApplication::arguments().join(QLatin1Char(' ')));
        table.add(QStringLiteral("descriptor limit"), grouped(fdLimit), QStringLiteral("RLIMIT_NOFILE soft, raised to hard"));

        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("hub.db"));
        const QStringList hubArguments { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), dbPath,
            QStringLiteral("--demo"), QStringLiteral("--demo-size"), parser.value(QStringLiteral("demo-size")),
            QStringLiteral("--no-simulate"), QStringLiteral("--log-level"), QStringLiteral("warning") };
        qint64 t = HubLoad::now();
        Hub hub(hubPath, hubArguments);
        table.add(QStringLiteral("hub start with demo"), millis(HubLoad::now() - t),
            QStringLiteral("unisono-hub ") + hubArguments.join(QLatin1Char(' ')).replace(dbPath, QStringLiteral("<tmp>")));

        BlockingHttp setup(hub.port());
        const Login supervisor = login(setup, "supervisor");
        const Login agent = login(setup, "agent1");
        std::vector<qint64> customerIds;
        for (int offset = 0; offset < 1000; offset += 200) {
            const std::vector<qint64> page = idsOf(jsonOf(setup.request("GET",
                "/api/v1/customers?limit=200&offset=" + QByteArray::number(offset), supervisor.token), "customers")
                    .value(QStringLiteral("customers")).toArray());
            customerIds.insert(customerIds.end(), page.begin(), page.end());
        }
        std::vector<qint64> interactionIds;
        for (std::size_t i = 0; i < customerIds.size() && interactionIds.size() < 500; i += 7) {
            const std::vector<qint64> page = idsOf(jsonOf(setup.request("GET",
                "/api/v1/customers/" + QByteArray::number(customerIds[i]) + "/interactions?limit=20", supervisor.token),
                "interactions").value(QStringLiteral("interactions")).toArray());
            interactionIds.insert(interactionIds.end(), page.begin(), page.end());
        }
        // Only agents free to change state: one with a live demo interaction answers 409.
        std::vector<qint64> agentIds;
        for (const qint64 id : idsOf(jsonOf(setup.request("GET", "/api/v1/agents", supervisor.token), "agents")
                                         .value(QStringLiteral("agents")).toArray())) {
            const BlockingHttp::Response response = setup.request("POST",
                "/api/v1/agents/" + QByteArray::number(id) + "/state", supervisor.token,
                "{\"state\":\"not_ready\",\"reason\":\"bench setup\"}",
                { { "Idempotency-Key", "bench-setup-" + QByteArray::number(id) } });
            if (response.status == 200)
                agentIds.push_back(id);
        }
        if (customerIds.empty() || interactionIds.empty() || agentIds.empty())
            throw std::runtime_error("the demo hub has no customers, interactions or agents");

        // --- 1. change feed, before any stream is open -----------------------
        DirectFeed direct(dbPath);
        const qint64 latest = direct.scalar("SELECT max(seq) FROM changes");
        const qint64 floor = direct.scalar("SELECT coalesce((SELECT value FROM hub_state WHERE key = 'feed_floor'), 0)");
        table.section(QStringLiteral("Change feed: pages of 1,000 (hub idle, one keep-alive connection)"));
        if (feedPages > 0 && latest - floor > 1000) {
            std::vector<qint64> plain, gzip, sqlite, level1, level6, plainCpu, gzipCpu, waited;
            qint64 plainBytes = 0, gzipBytes = 0, level1Bytes = 0, level6Bytes = 0;
            int shortPages = 0;
            for (int i = 0; i < feedPages; ++i) {
                const qint64 since = floor + (latest - floor - 1000) * i / std::max(1, feedPages - 1);
                const QByteArray path = "/api/v1/changes?since=" + QByteArray::number(since) + "&limit=1000";
                // The hub's own CPU time for each page (schedstat, in ns), which
                // other work on the machine does not inflate, and the time it
                // waited for a core, which is all that work does.
                std::pair<qint64, qint64> sched = schedStat(hub.pid());
                t = HubLoad::now();
                const BlockingHttp::Response a = setup.request("GET", path, supervisor.token);
                plain.push_back(HubLoad::now() - t);
                std::pair<qint64, qint64> after = schedStat(hub.pid());
                plainCpu.push_back(after.first - sched.first);
                waited.push_back(after.second - sched.second);
                sched = after;
                t = HubLoad::now();
                const BlockingHttp::Response b
                    = setup.request("GET", path, supervisor.token, {}, { { "Accept-Encoding", "gzip" } });
                gzip.push_back(HubLoad::now() - t);
                after = schedStat(hub.pid());
                gzipCpu.push_back(after.first - sched.first);
                waited.push_back(after.second - sched.second);
                t = HubLoad::now();
                const int rows = direct.page(since, 1000);
                sqlite.push_back(HubLoad::now() - t);
                if (a.status != 200 || b.status != 200 || a.body.count("\"seq\":") != 1000 || rows != 1000)
                    ++shortPages;
                plainBytes += a.wireBytes;
                gzipBytes += b.wireBytes;
                // The hub's encoder on the same body at both levels, in this
                // process, in CPU time (the machine's other work left out).
                t = threadCpuNs();
                level1Bytes += GzipEncoder::compress(a.body, 1).size();
                level1.push_back(threadCpuNs() - t);
                t = threadCpuNs();
                level6Bytes += GzipEncoder::compress(a.body, 6).size();
                level6.push_back(threadCpuNs() - t);
            }
            const auto meets = [](const std::vector<qint64>& samples) {
                return percentile(samples, 0.99) < 20'000'000 ? QStringLiteral("met at p99")
                    : percentile(samples, 0.5) < 20'000'000   ? QStringLiteral("met at p50 only")
                                                              : QStringLiteral("missed");
            };
            table.add(QStringLiteral("feed rows in the demo"), grouped(latest - floor),
                QStringLiteral("%1 pages spread across them; %2 not a full 200 page").arg(feedPages).arg(shortPages));
            table.add(QStringLiteral("limit: a page of 1,000 records"), QStringLiteral("< 20.00 ms"),
                QStringLiteral("issue 3, Performance; the two rows below against it"));
            table.add(QStringLiteral("HTTP page, plain p50 / p99 / max"), spread(plain),
                QStringLiteral("%1; request written -> last body byte read; %2 KiB per page")
                    .arg(meets(plain)).arg(plainBytes / feedPages / 1024));
            table.add(QStringLiteral("HTTP page, gzip p50 / p99 / max"), spread(gzip),
                QStringLiteral("%1; Accept-Encoding: gzip; %2 KiB per page")
                    .arg(meets(gzip)).arg(gzipBytes / feedPages / 1024));
            table.add(QStringLiteral("hub CPU per page, plain / gzip p50"),
                millis(percentile(plainCpu, 0.5)) + QStringLiteral(" / ") + millis(percentile(gzipCpu, 0.5)),
                QStringLiteral("the hub's main thread on a core for the request (schedstat); p99 %1 / %2")
                    .arg(millis(percentile(plainCpu, 0.99)), millis(percentile(gzipCpu, 0.99))));
            table.add(QStringLiteral("hub waiting for a core per page, p50 / p99"),
                millis(percentile(waited, 0.5)) + QStringLiteral(" / ") + millis(percentile(waited, 0.99)),
                QStringLiteral("runnable but not running: other work on the machine (load %1)").arg(QString::fromUtf8(loadAverage())));
            table.add(QStringLiteral("gzip level 1 / level 6 of a page, p50"),
                millis(percentile(level1, 0.5)) + QStringLiteral(" / ") + millis(percentile(level6, 0.5)),
                QStringLiteral("CPU time of the hub's encoder on the plain bodies, in the bench; %1 / %2 KiB per page; "
                               "the hub uses level 1 from %3 KiB")
                    .arg(level1Bytes / feedPages / 1024).arg(level6Bytes / feedPages / 1024)
                    .arg(GzipEncoder::kFastLevelSize / 1024));
            table.add(QStringLiteral("SQLite page, p50 / p99 / max"), spread(sqlite),
                QStringLiteral("the limit: same rows, the hub's prepared statement, read-only on the same file"));
            table.add(QStringLiteral("HTTP plain / SQLite (p50)"),
                number(double(percentile(plain, 0.5)) / double(std::max<qint64>(1, percentile(sqlite, 0.5))), 1)
                    + QStringLiteral("x"),
                QStringLiteral("the rest is the JSON envelope, HTTP and the socket"));
        } else {
            table.add(QStringLiteral("change feed"), QStringLiteral("skipped"), QStringLiteral("--feed-pages 0 or a small feed"));
        }

        // --- 2. the mix with no stream open: the baseline ----------------------
        std::mt19937_64 random(1);
        const auto pick = [&random](const std::vector<qint64>& ids) {
            return ids[std::size_t(random() % ids.size())];
        };
        const char* const searches[] = { "ros", "mar", "bianchi", "smith", "giu", "+39 3", "ann", "jones" };
        const HubLoad::Generator next = [&](quint64 index) {
            int slot = int(random() % 100);
            int kind = 0;
            while (slot >= kKindShare[kind])
                slot -= kKindShare[kind++];
            HubLoad::Request request;
            request.kind = kind;
            request.command = kind == Note || kind == AgentState;
            request.method = request.command ? "POST" : "GET";
            request.token = agent.token;
            const QByteArray key = "bench-" + QByteArray::number(index) + "-" + QByteArray::number(quint64(random()), 16);
            switch (Kind(kind)) {
            case Search:
                request.path = "/api/v1/customers?limit=20&q="
                    + QUrl::toPercentEncoding(QString::fromUtf8(searches[random() % 8]));
                break;
            case CustomerById:
                request.path = "/api/v1/customers/" + QByteArray::number(pick(customerIds));
                break;
            case InteractionPage:
                request.path = "/api/v1/customers/" + QByteArray::number(pick(customerIds)) + "/interactions?limit=20";
                break;
            case Queues:
                request.path = "/api/v1/queues";
                break;
            case Note:
                request.path = "/api/v1/interactions/" + QByteArray::number(pick(interactionIds)) + "/notes";
                request.body = "{\"text\":\"Bench note " + QByteArray::number(index)
                    + ": customer called back about the invoice.\"}";
                request.headers = { { "Idempotency-Key", key } };
                break;
            case AgentState:
                // not_ready with a changing reason: a real change every time, and no routing.
                request.path = "/api/v1/agents/" + QByteArray::number(pick(agentIds)) + "/state";
                request.token = supervisor.token;
                request.body = "{\"state\":\"not_ready\",\"reason\":\"" + QByteArray(index % 2 ? "break" : "training") + "\"}";
                request.headers = { { "Idempotency-Key", key } };
                break;
            case KindCount:
                break;
            }
            return request;
        };
        HubLoad::Plan plan;
        plan.rate = rate;
        plan.durationNs = qint64(seconds) * 1'000'000'000;
        plan.connections = connections;
        plan.drainNs = 15'000'000'000;
        {
            HubLoad quiet(hub.port());
            runs.push_back(measureLoad(quiet, 0, 0, plan, next, hub.pid(), table,
                QStringLiteral("Mixed API load, no event streams (baseline; open loop)")));
            runs.back().name = QStringLiteral("baseline");
        }

        // --- 3. event streams, all asked for at once ----------------------------
        HubLoad load(hub.port());
        QList<QByteArray> tokens(9, agent.token);
        tokens.append(supervisor.token); // every tenth stream is a supervisor's
        table.section(QStringLiteral("Event streams"));
        t = HubLoad::now();
        std::fprintf(stderr, "unisono-hub-bench: opening %d event streams\n", clients);
        // All at once, as desktops reconnecting after a hub restart would:
        // the hub's listen backlog must hold the burst.
        const int open = load.openStreams(clients, tokens, sampled, std::max(1, clients), 120'000'000'000);
        const qint64 openNs = HubLoad::now() - t;
        table.add(QStringLiteral("streams open"), grouped(open),
            QStringLiteral("of %1 asked (90% agent1, 10% supervisor); %2 refused or failed")
                .arg(clients).arg(load.streamsLost()));
        table.add(QStringLiteral("time to open them"), millis(openNs),
            QStringLiteral("all connections opened at once (a burst past the listen backlog costs 1 s SYN retries)"));
        load.setEventBase(direct.scalar("SELECT max(seq) FROM changes"));

        // --- 4. the same mix with every stream open ------------------------------
        runs.push_back(measureLoad(load, open, sampled, plan, next, hub.pid(), table,
            QStringLiteral("Mixed API load with %1 event streams (open loop)").arg(grouped(open))));
        runs.back().name = QStringLiteral("streams");
    } catch (const std::exception& error) {
        table.print();
        std::fprintf(stderr, "unisono-hub-bench: %s\n", error.what());
        return 1;
    }
    table.print();
    printSummary(runs);
    return 0;
}
