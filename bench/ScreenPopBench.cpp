#include "ScreenPopBench.h"

#include "BenchFigures.h"
#include "BenchTable.h"
#include "ThreadTimes.h"
#include "CustomerSessionPage.h"
#include "SessionTabs.h"
#include "context/CustomerContextPanel.h"
#include "context/CustomerMatchModel.h"
#include "context/CustomerTimelineModel.h"
#include "context/KnowledgeSuggestionModel.h"
#include "context/OpenTicketsModel.h"
#include "context/SocialActivityModel.h"
#include "demo/DemoRandom.h"
#include "store/Store.h"
#include "workspace/AgentActions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <ctime>
#include <functional>
#include <vector>

using namespace BenchFigures;

namespace {

// The right-hand column of a 1920×1080 workspace.
constexpr int kPanelWidth = 560;
constexpr int kPanelHeight = 1000;
// The centre of that workspace: the session tabs beside My work.
constexpr int kTabsWidth = 1500;
// A new tab builds every widget of the session: fewer runs say enough.
constexpr int kMaxTabPops = 200;
// Not counted: the first pops read the file into the page cache and warm
// Qt's font and icon caches, which an agent's session does once.
constexpr int kWarmUp = 30;

std::vector<qint64> randomCustomers(Store& store, DemoRandom& random, int count)
{
    const qint64 first = store.db().scalar("SELECT coalesce(min(id), 0) FROM customers");
    const qint64 last = store.db().scalar("SELECT coalesce(max(id), 0) FROM customers");
    std::vector<qint64> ids;
    if (first == 0)
        return ids;
    for (int attempts = 0; int(ids.size()) < count && attempts < count * 10; ++attempts) {
        const qint64 id = first + random.below(last - first + 1);
        if (store.customer(id))
            ids.push_back(id);
    }
    return ids;
}

// CPU time of this thread: on a machine shared with builds, wall time's
// tail is other processes' time slices; CPU time is the work itself.
qint64 threadCpuNanoseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// What the event loop does next, and all the agent waits for: the layouts
// the new content asked for, then one paint of what changed.
void showNow()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
}

qint64 timed(const std::function<void()>& work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed();
}

QString p50p99(const std::vector<qint64>& samples)
{
    return millis(percentile(samples, 0.5)) + QStringLiteral(" / ") + millis(percentile(samples, 0.99));
}

// Numbers that belong to nobody but end like a customer's: the digit before
// the last eight changes.
std::vector<QString> unknownPhones(Store& store, const std::vector<qint64>& customers)
{
    std::vector<QString> phones;
    for (const qint64 id : customers) {
        for (const Identity& identity : store.identities(id)) {
            if (identity.kind != IdentityKind::Phone || identity.value.size() < 12)
                continue;
            QString phone = identity.value;
            const qsizetype at = phone.size() - 9;
            phone[at] = QChar(u'0' + (phone.at(at).digitValue() + 1) % 10);
            if (!store.customerByIdentity(IdentityKind::Phone, phone))
                phones.push_back(phone);
            break;
        }
    }
    return phones;
}

} // namespace

namespace ScreenPopBench {

void measure(BenchTable& table, Store& store, quint64 seed, int count)
{
    DemoRandom random(seed ^ 0x5c9ee9);
    const std::vector<qint64> customers = randomCustomers(store, random, count + kWarmUp);
    if (int(customers.size()) <= kWarmUp) {
        table.add(QStringLiteral("screen pop"), QStringLiteral("—"), QStringLiteral("no customers in the store"));
        return;
    }

    CustomerContextPanel panel(store);
    panel.resize(kPanelWidth, kPanelHeight);
    panel.show();
    QCoreApplication::processEvents();

    std::vector<qint64> populated, painted, paintedCpu, paintedQueued, paintedBlocked;
    for (std::size_t i = 0; i < customers.size(); ++i) {
        QElapsedTimer timer;
        timer.start();
        const ThreadTimes before = ThreadTimes::now();
        panel.setCustomer(customers[i]);
        const qint64 filled = timer.nsecsElapsed();
        showNow();
        const ThreadTimes spent = ThreadTimes::now() - before;
        QCoreApplication::processEvents();
        if (i < std::size_t(kWarmUp))
            continue;
        populated.push_back(filled);
        painted.push_back(spent.wallNs);
        paintedCpu.push_back(spent.cpuNs);
        paintedQueued.push_back(spent.queuedNs);
        paintedBlocked.push_back(spent.blockedNs());
    }
    const QString note = QStringLiteral("%1 random customers, %2×%3 offscreen, after %4 not counted")
                             .arg(populated.size())
                             .arg(kPanelWidth)
                             .arg(kPanelHeight)
                             .arg(kWarmUp);
    table.add(QStringLiteral("populated p50 / p99"), p50p99(populated), note);
    table.add(QStringLiteral("populated max"), millis(percentile(populated, 1.0)));
    table.add(QStringLiteral("populated + painted p50 / p99"), p50p99(painted),
        QStringLiteral("aim p99 ≤ 16 ms (one frame)"));
    table.add(QStringLiteral("populated + painted max"), millis(percentile(painted, 1.0)));
    table.add(QStringLiteral("populated + painted, CPU p50 / p99"), p50p99(paintedCpu),
        QStringLiteral("this thread's CPU time: without other processes' time slices"));
    table.add(QStringLiteral("populated + painted, waiting for a core p50 / p99"), p50p99(paintedQueued),
        QStringLiteral("runnable, other processes on the core (schedstat)"));
    table.add(QStringLiteral("populated + painted, blocked p50 / p99"), p50p99(paintedBlocked),
        QStringLiteral("neither: disk reads, locks"));

    const qint64 busiest
        = store.db().scalar("SELECT customer_id FROM interactions WHERE customer_id IS NOT NULL GROUP BY "
                            "customer_id ORDER BY count(*) DESC LIMIT 1");
    if (busiest != 0) {
        std::vector<qint64> busiestPainted, busiestCpu;
        for (int run = 0; run < 20; ++run) {
            panel.setCustomer(customers[std::size_t(run)]); // away and back: every pop reads afresh
            showNow();
            const qint64 cpuStart = threadCpuNanoseconds();
            busiestPainted.push_back(timed([&panel, busiest] {
                panel.setCustomer(busiest);
                showNow();
            }));
            busiestCpu.push_back(threadCpuNanoseconds() - cpuStart);
        }
        table.add(QStringLiteral("busiest customer, painted p50 / max"),
            millis(percentile(busiestPainted, 0.5)) + QStringLiteral(" / ")
                + millis(percentile(busiestPainted, 1.0)),
            QStringLiteral("customer %1, %2 interactions, 20 runs")
                .arg(busiest)
                .arg(grouped(store.interactionCount(busiest))));
        table.add(QStringLiteral("busiest customer, painted, CPU p50 / max"),
            millis(percentile(busiestCpu, 0.5)) + QStringLiteral(" / ") + millis(percentile(busiestCpu, 1.0)));
    }
    panel.hide();

    // A pop that opens a new session tab: the whole page built (interaction
    // panel and context panel) and painted, as an offer accepted for a
    // customer with no tab open does; the tab is closed between pops.
    {
        AgentActions actions(store);
        SessionTabs tabs(store, CustomerSessionPage::factory(actions));
        tabs.resize(kTabsWidth, kPanelHeight);
        tabs.show();
        QCoreApplication::processEvents();
        std::vector<qint64> tabPainted, tabCpu, tabQueued, tabBlocked;
        const std::size_t pops = std::min(customers.size(), std::size_t(kMaxTabPops + kWarmUp));
        for (std::size_t i = 0; i < pops; ++i) {
            const ThreadTimes before = ThreadTimes::now();
            tabs.openCustomer(customers[i]);
            showNow();
            const ThreadTimes spent = ThreadTimes::now() - before;
            tabs.closeSession(0);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            if (i < std::size_t(kWarmUp))
                continue;
            tabPainted.push_back(spent.wallNs);
            tabCpu.push_back(spent.cpuNs);
            tabQueued.push_back(spent.queuedNs);
            tabBlocked.push_back(spent.blockedNs());
        }
        if (!tabPainted.empty()) {
            table.add(QStringLiteral("new session tab, painted p50 / p99"), p50p99(tabPainted),
                QStringLiteral("%1 pops, whole page (interaction + context) %2×%3, tab closed between")
                    .arg(tabPainted.size())
                    .arg(kTabsWidth)
                    .arg(kPanelHeight));
            table.add(QStringLiteral("new session tab, painted, CPU p50 / p99"), p50p99(tabCpu));
            table.add(QStringLiteral("new session tab, waiting for a core p50 / p99"), p50p99(tabQueued),
                QStringLiteral("runnable, other processes on the core (schedstat)"));
            table.add(QStringLiteral("new session tab, blocked p50 / p99"), p50p99(tabBlocked),
                QStringLiteral("neither: disk reads, locks"));
        }
    }

    // Per section, each model alone on the same customers.
    CustomerTimelineModel timeline(store);
    SocialActivityModel social(store);
    OpenTicketsModel tickets(store);
    KnowledgeSuggestionModel knowledge(store);
    std::vector<qint64> profileTimes, timelineTimes, socialTimes, ticketTimes, knowledgeTimes;
    for (std::size_t i = kWarmUp; i < customers.size(); ++i) {
        const qint64 id = customers[i];
        profileTimes.push_back(timed([&store, id] {
            const std::optional<Customer> customer = store.customer(id);
            const QList<Identity> identities = store.identities(id);
        }));
        timelineTimes.push_back(timed([&timeline, id] { timeline.setCustomer(id); }));
        socialTimes.push_back(timed([&social, id] { social.setCustomer(id); }));
        ticketTimes.push_back(timed([&tickets, id] { tickets.setCustomer(id); }));
        const QString topic = timeline.rowCount() > 0 ? timeline.interactionAt(0).subject + QLatin1Char(' ')
                + timeline.excerptAt(0)
                                                      : QString();
        knowledgeTimes.push_back(timed([&knowledge, &topic] { knowledge.setText(topic, QStringLiteral("it")); }));
    }
    table.add(QStringLiteral("  profile p50 / p99"), p50p99(profileTimes), QStringLiteral("customer + identities"));
    table.add(QStringLiteral("  timeline p50 / p99"), p50p99(timelineTimes), QStringLiteral("count + first 50 rows"));
    table.add(QStringLiteral("  social p50 / p99"), p50p99(socialTimes), QStringLiteral("up to 200 activities"));
    table.add(QStringLiteral("  tickets p50 / p99"), p50p99(ticketTimes));
    table.add(QStringLiteral("  knowledge p50 / p99"), p50p99(knowledgeTimes), QStringLiteral("FTS5 bm25, top 8"));

    // The unknown caller's card.
    CustomerMatchModel matches(store);
    std::vector<qint64> matchTimes;
    int found = 0;
    for (const QString& phone : unknownPhones(store, customers)) {
        matchTimes.push_back(timed([&matches, &phone] { matches.setIdentity(IdentityKind::Phone, phone); }));
        found += matches.rowCount() > 0 ? 1 : 0;
    }
    if (!matchTimes.empty())
        table.add(QStringLiteral("unknown caller's closest customers p50 / p99"), p50p99(matchTimes),
            QStringLiteral("%1 numbers ending like a customer's; %2 found a match")
                .arg(matchTimes.size())
                .arg(found));
}

} // namespace ScreenPopBench
