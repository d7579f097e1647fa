// unisono-supervisor-bench: the supervisor view on a live centre of
// thousands of agents, printed as a table (figure | value | note). Not a test.
//
// The real unisono-hub runs a demo centre of --agents agents (48 queues)
// with its traffic simulator at --sim-speed; the bench is a supervisor's
// desk: the sync engine on its thread, the SupervisorBoard and the
// SupervisorView shown (offscreen unless a display is set), exactly as the
// app wires them. While the centre churns, it measures
//
//   - how busy the GUI thread is: its CPU time per second of wall time
//     (CLOCK_THREAD_CPUTIME_ID), and the time between the event loop waking
//     and going back to sleep, per one-second window;
//   - the delay from a hub state change to the board showing it: a probe
//     thread sets one agent's state (a new reason each time, 5 a second)
//     over its own connection; the time from sending the command to (a) a
//     raw SSE client on the same hub seeing the agent_state event (the
//     floor: hub + network), (b) the agent board model holding it, (c) the
//     agent table's next paint with the row on screen.
//
//   unisono-supervisor-bench [--agents N] [--seconds N] [--sim-speed X] [--rate-calls N] ...
//                            [--screenshot FILE] [--hub PATH]

#include "BenchFigures.h"
#include "BenchTable.h"
#include "BlockingHttp.h"
#include "SyncController.h"
#include "store/Store.h"
#include "supervisor/AgentBoardFilter.h"
#include "supervisor/AgentBoardModel.h"
#include "supervisor/AgentBoardPanel.h"
#include "supervisor/QueueBoardModel.h"
#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorFeed.h"
#include "supervisor/SupervisorSettings.h"
#include "supervisor/SupervisorView.h"
#include "supervisor/SyncEngineSupervisorSource.h"
#include "sync/SyncStatus.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace BenchFigures;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Runs the event loop (which sleeps when idle, as the app's does: a
// processEvents() loop would keep the GUI thread busy and spoil the figures)
// until the condition holds or the time is up.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    if (condition())
        return true;
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return condition();
}

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
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
            throw std::runtime_error("cannot start " + program.toStdString());
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(600000))
                throw std::runtime_error("the hub printed no address");
            line += m_process.readAllStandardOutput();
        }
        const QByteArray first = line.left(line.indexOf('\n')).trimmed();
        m_url = QUrl(QString::fromUtf8(first.mid(first.lastIndexOf(' ') + 1)));
        if (!m_url.isValid() || m_url.port() <= 0)
            throw std::runtime_error("unexpected first line from the hub: " + first.toStdString());
    }
    ~Hub()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

// What the three observers saw of each probe, by its number.
struct Probes
{
    QMutex mutex;
    std::map<int, qint64> sent, streamed, received, modelled, painted;
};

// A raw SSE client: when each probe's agent_state event arrives.
void readStream(quint16 port, const QByteArray& token, const std::atomic<bool>& stop, Probes& probes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("the SSE client cannot connect");
    const QByteArray request
        = "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
          "Authorization: Bearer "
        + token + "\r\n\r\n";
    ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL);
    QByteArray buffer;
    char chunk[65536];
    static const QByteArray marker = "\"reason\":\"probe ";
    while (!stop) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            break;
        const qint64 at = nowNs();
        buffer.append(chunk, n);
        qsizetype end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const QByteArray event = buffer.left(end);
            buffer.remove(0, end + 2);
            const qsizetype found = event.indexOf(marker);
            if (found < 0 || !event.startsWith("event: agent_state"))
                continue;
            const int number = event.mid(found + marker.size()).split('"').value(0).toInt();
            QMutexLocker lock(&probes.mutex);
            probes.streamed.emplace(number, at);
        }
    }
    ::close(fd);
}

QString percentiles(std::vector<qint64> samples)
{
    if (samples.empty())
        return QStringLiteral("no samples");
    return QStringLiteral("%1 / %2 / %3")
        .arg(millis(percentile(samples, 0.5)), millis(percentile(samples, 0.99)),
            millis(percentile(samples, 1.0)));
}

// Times every event the GUI thread delivers (the outermost delivery when
// events nest): the thread is busy while it handles one, idle in between.
class BusyApplication : public QApplication
{
public:
    using QApplication::QApplication;
    qint64 busyNs() const { return m_busyNs + (m_depth > 0 ? nowNs() - m_startNs : 0); }

    bool notify(QObject* receiver, QEvent* event) override
    {
        // notify() runs on every thread that delivers events: count the GUI thread's.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ == 0)
            m_startNs = nowNs();
        const bool result = QApplication::notify(receiver, event);
        if (--m_depth == 0)
            m_busyNs += nowNs() - m_startNs;
        return result;
    }

private:
    int m_depth = 0;
    qint64 m_startNs = 0;
    qint64 m_busyNs = 0;
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BusyApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-supervisor-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The supervisor view on a live simulated centre: GUI-thread busy "
                       "time and the delay from a hub state change to the board."));
    parser.addHelpOption();
    const QCommandLineOption agentsOption(QStringLiteral("agents"),
        QStringLiteral("Agents in the centre (default 2000)."), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
        QStringLiteral("Measured seconds (default 30)."), QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption speedOption(QStringLiteral("sim-speed"),
        QStringLiteral("Simulator speed (default 10)."), QStringLiteral("x"), QStringLiteral("10"));
    const QCommandLineOption callsOption(QStringLiteral("rate-calls"),
        QStringLiteral(
            "Calls per hour at peak (default 12000; chats half, e-mails a sixth, SMS and social a twelfth)."),
        QStringLiteral("n"), QStringLiteral("12000"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save the view (live boards, and the charts next to it) as PNG after the run."),
        QStringLiteral("file"));
    const QCommandLineOption hubOption(QStringLiteral("hub"),
        QStringLiteral("The unisono-hub binary (default: next to this one)."), QStringLiteral("path"));
    parser.addOptions({ agentsOption, secondsOption, speedOption, callsOption, screenshotOption, hubOption });
    parser.process(app);
    const int agentCount = parser.value(agentsOption).toInt();
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const double calls = parser.value(callsOption).toDouble();
    const QString hubProgram = parser.isSet(hubOption)
        ? parser.value(hubOption)
        : QCoreApplication::applicationDirPath() + QStringLiteral("/unisono-hub");

    try {
        QTemporaryDir temp;
        std::fprintf(stderr, "starting a hub with %d agents...\n", agentCount);
        Hub hub(hubProgram,
            { QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("small"),
                QStringLiteral("--demo-agents"), QString::number(agentCount), QStringLiteral("--db"),
                temp.filePath(QStringLiteral("hub.sqlite")), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--log-level"), QStringLiteral("warning"), QStringLiteral("--simulate"),
                QStringLiteral("--sim-speed"), parser.value(speedOption), QStringLiteral("--rate-calls"),
                QString::number(calls), QStringLiteral("--rate-chats"), QString::number(calls / 2),
                QStringLiteral("--rate-emails"), QString::number(calls / 6), QStringLiteral("--rate-sms"),
                QString::number(calls / 12), QStringLiteral("--rate-social"), QString::number(calls / 12),
                QStringLiteral("--rate-callbacks"), QString::number(calls / 24) });
        const quint16 port = quint16(hub.url().port());

        // The supervisor's desk, wired as SupervisorDesk wires it.
        Store store(temp.filePath(QStringLiteral("desk.db")));
        SyncEngineOptions syncOptions;
        syncOptions.login = QStringLiteral("supervisor");
        syncOptions.password = QStringLiteral("supervisor");
        syncOptions.storePath = store.path();
        SyncController sync(syncOptions);
        SyncEngineSupervisorSource source(
            [&sync](SyncEngineSupervisorSource::EngineCall call) { sync.withEngine(std::move(call)); });
        SupervisorSettings settings(temp.filePath(QStringLiteral("supervisor.ini")));
        SupervisorBoard board(source, settings, &store);
        SupervisorView view(board);
        view.resize(1600, 1000);
        view.show();
        board.start();
        sync.start(hub.url());
        std::fprintf(stderr, "syncing the desk and loading the board...\n");
        QElapsedTimer loading;
        loading.start();
        // Measured once the desk is live: its initial sync done, the event
        // stream open and the board loaded from it.
        if (!waitUntil(
                [&] {
                    return sync.status()->snapshot().state == SyncStatusSnapshot::State::Online
                        && board.feed().isLoaded() && board.feed().eventCount() > 0
                        && board.agents().rowCount() > agentCount * 8 / 10;
                },
                600000))
            throw std::runtime_error("the board did not load");
        const qint64 loadMs = loading.elapsed();

        // The probe: the agent the hub's "agent1" user speaks for, never
        // simulated; kept not ready so routing leaves it alone.
        BlockingHttp http(port);
        auto login = [&http](const QByteArray& user) {
            const BlockingHttp::Response response = http.request(
                "POST", "/api/v1/login", {}, "{\"login\":\"" + user + "\",\"password\":\"" + user + "\"}");
            return QJsonDocument::fromJson(response.body).object();
        };
        const QByteArray supervisorToken
            = login("supervisor").value(QStringLiteral("token")).toString().toLatin1();
        const qint64 probeAgent = login("agent1").value(QStringLiteral("agentId")).toInteger();
        const int probeRow = board.agents().rowOf(probeAgent);
        if (probeRow < 0)
            throw std::runtime_error("the probe agent is not on the board");
        QTableView* table = view.agentPanel()->table();
        table->scrollTo(board.agentFilter().mapFromSource(board.agents().index(probeRow, 0)),
            QAbstractItemView::PositionAtTop);

        Probes probes;
        std::atomic<int> modelSeen { -1 };
        QObject::connect(&board.agents(), &QAbstractItemModel::dataChanged, &app,
            [&](const QModelIndex& from, const QModelIndex& to) {
                if (probeRow < from.row() || probeRow > to.row())
                    return;
                const QString reason = board.agents().agentAt(probeRow).reason;
                if (!reason.startsWith(QLatin1String("probe ")))
                    return;
                const int number = reason.mid(6).toInt();
                QMutexLocker lock(&probes.mutex);
                if (probes.modelled.emplace(number, nowNs()).second)
                    modelSeen = number;
            });
        // The event as the desk's GUI thread gets it, before batching.
        QObject::connect(
            &source, &SupervisorSource::liveEvent, &app, [&](const QString& type, const QJsonObject& data) {
                if (type != QLatin1String("agent_state")
                    || data.value(QStringLiteral("agentId")).toInteger() != probeAgent)
                    return;
                const QString reason = data.value(QStringLiteral("reason")).toString();
                if (!reason.startsWith(QLatin1String("probe ")))
                    return;
                QMutexLocker lock(&probes.mutex);
                probes.received.emplace(reason.mid(6).toInt(), nowNs());
            });
        // The paint that puts the probe's row on screen.
        struct PaintWatch : QObject
        {
            std::function<void()> onPaint;
            bool eventFilter(QObject*, QEvent* event) override
            {
                if (event->type() == QEvent::Paint)
                    onPaint();
                return false;
            }
        } paintWatch;
        int lastPainted = -1;
        paintWatch.onPaint = [&] {
            const int seen = modelSeen;
            if (seen < 0 || seen == lastPainted)
                return;
            lastPainted = seen;
            QMutexLocker lock(&probes.mutex);
            probes.painted.emplace(seen, nowNs());
        };
        table->viewport()->installEventFilter(&paintWatch);

        std::vector<double> busyPerSecond, cpuPerSecond;
        qint64 windowStart = nowNs(), windowBusy = 0, windowCpu = threadCpuNs();
        QTimer windows;
        windows.setTimerType(Qt::PreciseTimer);
        windows.setInterval(1000);
        QObject::connect(&windows, &QTimer::timeout, &app, [&] {
            const qint64 now = nowNs();
            const qint64 cpu = threadCpuNs();
            const qint64 busy = app.busyNs();
            busyPerSecond.push_back(100.0 * double(busy - windowBusy) / double(now - windowStart));
            cpuPerSecond.push_back(100.0 * double(cpu - windowCpu) / double(now - windowStart));
            windowStart = now;
            windowBusy = busy;
            windowCpu = cpu;
        });

        std::fprintf(stderr, "warming up...\n");
        runFor(5000);
        std::fprintf(stderr, "measuring for %d s...\n", seconds);
        std::atomic<bool> stop { false };
        std::thread streamThread([&] { readStream(port, supervisorToken, stop, probes); });
        std::thread probeThread([&] {
            BlockingHttp probeHttp(port);
            const QByteArray path = "/api/v1/agents/" + QByteArray::number(probeAgent) + "/state";
            for (int number = 0; !stop; ++number) {
                const QByteArray body
                    = "{\"state\":\"not_ready\",\"reason\":\"probe " + QByteArray::number(number) + "\"}";
                {
                    QMutexLocker lock(&probes.mutex);
                    probes.sent.emplace(number, nowNs());
                }
                probeHttp.request("POST", path, supervisorToken, body,
                    { { "Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) } });
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        const qint64 events0 = board.feed().eventCount();
        const qint64 batches0 = board.feed().batchCount();
        qint64 rowsChanged = 0;
        QObject::connect(&board.feed(), &SupervisorFeed::agentsChanged, &app,
            [&](const QList<AgentRecord>& changed) { rowsChanged += changed.size(); });
        const qint64 cpuStart = threadCpuNs();
        const qint64 measureStart = nowNs();
        windowStart = measureStart;
        windowBusy = app.busyNs();
        windowCpu = cpuStart;
        windows.start();
        runFor(seconds * 1000);
        windows.stop();
        const qint64 measuredNs = nowNs() - measureStart;
        const double cpuPct = 100.0 * double(threadCpuNs() - cpuStart) / double(measuredNs);
        const qint64 events = board.feed().eventCount() - events0;
        const qint64 batches = board.feed().batchCount() - batches0;
        const qint64 rowsChangedInWindow = rowsChanged;
        stop = true;
        probeThread.join();
        // The last probes' events still on their way.
        runFor(1000);
        streamThread.join();

        std::vector<qint64> toStream, toDesk, toModel, toPaint;
        {
            QMutexLocker lock(&probes.mutex);
            for (const auto& [number, sentAt] : probes.sent) {
                if (auto it = probes.streamed.find(number); it != probes.streamed.end())
                    toStream.push_back(it->second - sentAt);
                if (auto it = probes.received.find(number); it != probes.received.end())
                    toDesk.push_back(it->second - sentAt);
                if (auto it = probes.modelled.find(number); it != probes.modelled.end())
                    toModel.push_back(it->second - sentAt);
                if (auto it = probes.painted.find(number); it != probes.painted.end())
                    toPaint.push_back(it->second - sentAt);
            }
        }
        const double perSecond = double(measuredNs) / 1e9;
        std::vector<qint64> busySamples, cpuSamples;
        for (double b : busyPerSecond)
            busySamples.push_back(qint64(b * 1000));
        for (double c : cpuPerSecond)
            cpuSamples.push_back(qint64(c * 1000));

        BenchTable out;
        out.section(QStringLiteral("a supervisor's desk on a live centre (%1)").arg(cpuModel()));
        out.add(QStringLiteral("agents on the board / queues"),
            QStringLiteral("%1 / %2")
                .arg(grouped(board.agents().rowCount()))
                .arg(board.queues().rowCount() - 4),
            QStringLiteral("--agents %1, plus 3 sites and all sites").arg(agentCount));
        out.add(QStringLiteral("simulator"),
            QStringLiteral("x%1, %2 calls/h at peak").arg(parser.value(speedOption), grouped(qint64(calls))),
            QStringLiteral("chats, e-mails, SMS, social, callbacks in proportion"));
        out.add(QStringLiteral("desk sync + first board load"),
            number(double(loadMs) / 1000.0, 1) + QStringLiteral(" s"),
            QStringLiteral("fresh store: the initial sync comes first"));
        out.add(QStringLiteral("live events received"),
            number(double(events) / perSecond, 0) + QStringLiteral("/s"),
            QStringLiteral("agent_state, agent_stats, queue_stats; %1 s measured").arg(number(perSecond, 1)));
        out.add(QStringLiteral("board batches"),
            number(double(batches) / perSecond, 1) + QStringLiteral("/s"),
            QStringLiteral("limit 10/s; %1 agent rows changed/s")
                .arg(number(double(rowsChangedInWindow) / perSecond, 0)));
        out.section(QStringLiteral("GUI thread"));
        out.add(QStringLiteral("CPU time per second"), number(cpuPct, 1) + QStringLiteral(" %"),
            QStringLiteral("per-second p50 / max %1 / %2 %; aim ≤ 20 %")
                .arg(number(double(percentile(cpuSamples, 0.5)) / 1000.0, 1),
                    number(double(percentile(cpuSamples, 1.0)) / 1000.0, 1)));
        out.add(QStringLiteral("busy handling events, per second"),
            number(double(percentile(busySamples, 0.5)) / 1000.0, 1) + QStringLiteral(" % p50"),
            QStringLiteral("max %1 %").arg(number(double(percentile(busySamples, 1.0)) / 1000.0, 1)));
        out.section(QStringLiteral("hub state change → seen, p50 / p99 / max (%1 probes, 5/s)")
                        .arg(probes.sent.size()));
        out.add(QStringLiteral("floor: raw SSE client"), percentiles(toStream),
            QStringLiteral("same hub, same moment"));
        out.add(QStringLiteral("desk's GUI thread gets the event"), percentiles(toDesk),
            QStringLiteral("through the sync engine's stream, parsed on its thread"));
        out.add(QStringLiteral("agent board model"), percentiles(toModel),
            QStringLiteral("%1 samples").arg(toModel.size()));
        out.add(QStringLiteral("agent table painted"), percentiles(toPaint),
            QStringLiteral("%1 samples; aim p99 ≤ 250 ms").arg(toPaint.size()));
        out.print();

        if (parser.isSet(screenshotOption)) {
            const QString path = parser.value(screenshotOption);
            table->scrollToTop();
            view.showPage(SupervisorView::Page::Live);
            runFor(1500);
            view.grab().save(path);
            view.showPage(SupervisorView::Page::Charts);
            board.feed().refreshTrends();
            runFor(2000);
            QString charts = path;
            charts.insert(
                path.lastIndexOf(QLatin1Char('.')) > 0 ? path.lastIndexOf(QLatin1Char('.')) : path.size(),
                QStringLiteral("-charts"));
            view.grab().save(charts);
            std::fprintf(stderr, "saved %s and %s\n", qPrintable(path), qPrintable(charts));
        }
        view.close();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "unisono-supervisor-bench: %s\n", error.what());
        return 1;
    }
    return 0;
}
