#include "SearchBench.h"

#include "BenchFigures.h"
#include "BenchTable.h"
#include "ThreadTimes.h"
#include "demo/DemoRandom.h"
#include "identity/PhoneNormalizer.h"
#include "itemmodels/CustomerListModel.h"
#include "store/CustomerSearch.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMap>
#include <QTimer>
#include <vector>

using namespace BenchFigures;

namespace {

constexpr qint64 kLimitNs = 10'000'000; // 10 ms a keystroke: the workspace's aim

// What an agent types to find one customer, and whether it should find only them.
struct Session
{
    QString kind;
    QString text;
    qint64 customerId = 0;
    bool unique = false;
};

// "3331234567" -> "333 123 4567": national digits in the groups people read them in.
QString spaced(const QString& digits)
{
    QString text;
    for (int i = 0; i < digits.size(); ++i) {
        if (i == 3 || i == 6)
            text.append(QLatin1Char(' '));
        text.append(digits.at(i));
    }
    return text;
}

qint64 firstAtOrAfter(Store& store, const char* sql, qint64 id)
{
    Statement& st = store.db().cached(sql);
    st.bind(1, id);
    const qint64 found = st.step() ? st.int64(0) : 0;
    st.reset();
    return found;
}

std::vector<Session> sessions(Store& store, int count, DemoRandom& random)
{
    static const char* const kKinds[] { "first name", "surname", "full name", "phone, national", "phone, +CC",
        "email", "handle", "CRM id", "ticket number", "interaction number" };
    const PhoneNormalizer phones;
    const qint64 firstCustomer = store.db().scalar("SELECT min(id) FROM customers");
    const qint64 lastCustomer = store.db().scalar("SELECT max(id) FROM customers");
    const qint64 lastTicket = store.db().scalar("SELECT max(id) FROM tickets");
    const qint64 lastInteraction = store.db().scalar("SELECT max(id) FROM interactions");
    std::vector<Session> result;
    for (int n = 0; int(result.size()) < count && n < count * 20; ++n) {
        const QString kind = QString::fromLatin1(kKinds[result.size() % std::size(kKinds)]);
        Session session { kind, {}, 0, false };
        if (kind == QLatin1String("ticket number") || kind == QLatin1String("interaction number")) {
            const bool ticket = kind.startsWith(QLatin1String("ticket"));
            const qint64 id = firstAtOrAfter(store,
                ticket
                    ? "SELECT id FROM tickets WHERE id >= ? AND customer_id IS NOT NULL ORDER BY id LIMIT 1"
                    : "SELECT id FROM interactions WHERE id >= ? AND customer_id IS NOT NULL ORDER BY id "
                      "LIMIT 1",
                1 + random.below(std::max<qint64>(1, ticket ? lastTicket : lastInteraction)));
            if (id == 0)
                continue;
            session.customerId = firstAtOrAfter(store,
                ticket ? "SELECT customer_id FROM tickets WHERE id = ?"
                       : "SELECT customer_id FROM interactions WHERE id = ?",
                id);
            session.text = QString::number(id);
            // Its customer comes first, unless a ticket has the same number (tickets go first).
            session.unique
                = ticket || firstAtOrAfter(store, "SELECT count(*) FROM tickets WHERE id = ?", id) == 0;
            result.push_back(session);
            continue;
        }
        const qint64 id = firstAtOrAfter(store, "SELECT id FROM customers WHERE id >= ? ORDER BY id LIMIT 1",
            firstCustomer + random.below(std::max<qint64>(1, lastCustomer - firstCustomer + 1)));
        const std::optional<Customer> customer = store.customer(id);
        if (!customer)
            continue;
        session.customerId = id;
        if (kind == QLatin1String("first name")) {
            session.text = customer->firstName;
        } else if (kind == QLatin1String("surname")) {
            session.text = customer->lastName;
        } else if (kind == QLatin1String("full name")) {
            session.text = customer->firstName + QLatin1Char(' ') + customer->lastName;
        } else {
            const QList<Identity> identities = store.identities(id);
            for (const Identity& identity : identities) {
                if (kind.startsWith(QLatin1String("phone")) && identity.kind == IdentityKind::Phone) {
                    session.text = kind.endsWith(QLatin1String("national"))
                        ? spaced(phones.nationalDigits(identity.value))
                        : PhoneNormalizer::formatInternational(identity.value);
                } else if (kind == QLatin1String("email") && identity.kind == IdentityKind::Email) {
                    session.text = identity.value;
                } else if (kind == QLatin1String("handle") && identity.kind == IdentityKind::Social) {
                    session.text = QLatin1Char('@') + identity.value;
                } else if (kind == QLatin1String("CRM id") && identity.kind == IdentityKind::Crm) {
                    session.text = identity.value;
                }
                if (!session.text.isEmpty())
                    break;
            }
            session.unique = true;
        }
        if (!session.text.isEmpty())
            result.push_back(session);
    }
    return result;
}

QString versusLimit(qint64 ns)
{
    return ns <= kLimitNs ? QStringLiteral("within the 10 ms limit") : QStringLiteral("OVER the 10 ms limit");
}

// The round trip the list makes for one keystroke: ask the worker, wait for
// the answer to be applied. Returns nanoseconds, or -1 if no answer came.
qint64 roundTrip(CustomerListModel& model, const QString& typed)
{
    QEventLoop loop;
    const QMetaObject::Connection done
        = QObject::connect(&model, &CustomerListModel::filterApplied, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    model.setFilter(typed);
    loop.exec();
    const qint64 ns = t.nsecsElapsed();
    QObject::disconnect(done);
    return model.isSearching() ? -1 : ns;
}

} // namespace

namespace SearchBench {

void addFigures(BenchTable& table, Store& store, quint64 seed, int count)
{
    DemoRandom random(seed ^ 0x5eed);
    const std::vector<Session> all = sessions(store, count, random);

    table.section(QStringLiteral(
        "search: per keystroke, Store::findCustomers (first page of %1, as the worker runs it)")
                      .arg(CustomerListModel::kPageSize));
    std::vector<qint64> wall, cpu, queued, blocked, counting;
    qint64 majorFaults = 0, blockedKeystrokes = 0;
    QMap<QString, std::vector<qint64>> byKind;
    int uniqueFound = 0, uniqueSessions = 0, capped = 0;
    for (const Session& session : all) {
        for (int length = 1; length <= session.text.size(); ++length) {
            const QString typed = session.text.left(length);
            const ThreadTimes before = ThreadTimes::now();
            const CustomerMatches matches = store.findCustomers(typed, 0, CustomerListModel::kPageSize);
            const ThreadTimes spent = ThreadTimes::now() - before;
            const qint64 ns = spent.wallNs;
            cpu.push_back(spent.cpuNs);
            queued.push_back(spent.queuedNs);
            blocked.push_back(spent.blockedNs());
            majorFaults += spent.majorFaults;
            blockedKeystrokes += spent.blockedSwitches > 0 ? 1 : 0;
            wall.push_back(ns);
            byKind[session.kind].push_back(ns);
            if (matches.capped) {
                // What the worker does next, when no newer keystroke waits: count on to the cap.
                QElapsedTimer c;
                c.start();
                const CustomerMatches counted
                    = store.findCustomers(typed, 0, 0, Store::Counting::CountMatches);
                counting.push_back(c.nsecsElapsed());
                if (counted.capped)
                    ++capped;
            }
            if (length == session.text.size() && session.unique) {
                ++uniqueSessions;
                if (!matches.customers.isEmpty() && matches.customers.front().id == session.customerId)
                    ++uniqueFound;
            }
        }
    }
    table.add(QStringLiteral("keystrokes"), grouped(qint64(wall.size())),
        QStringLiteral("%1 typing sessions, a search per key").arg(all.size()));
    table.add(QStringLiteral("latency p50"), micros(percentile(wall, 0.5)), QStringLiteral("limit 10 ms"));
    table.add(
        QStringLiteral("latency p99"), micros(percentile(wall, 0.99)), versusLimit(percentile(wall, 0.99)));
    table.add(QStringLiteral("latency max"), micros(percentile(wall, 1.0)));
    table.add(QStringLiteral("CPU p50 / p99"),
        micros(percentile(cpu, 0.5)) + QStringLiteral(" / ") + micros(percentile(cpu, 0.99)),
        QStringLiteral("thread CPU time: the query's own cost, without waiting for a core"));
    table.add(QStringLiteral("waiting for a core p50 / p99"),
        micros(percentile(queued, 0.5)) + QStringLiteral(" / ") + micros(percentile(queued, 0.99)),
        QStringLiteral("runnable, other processes on the core (schedstat)"));
    table.add(QStringLiteral("blocked p50 / p99"),
        micros(percentile(blocked, 0.5)) + QStringLiteral(" / ") + micros(percentile(blocked, 0.99)),
        QStringLiteral("neither: disk reads, locks; %1 keystrokes slept, %2 major faults")
            .arg(blockedKeystrokes)
            .arg(majorFaults));
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        table.add(QStringLiteral("  %1 p50 / p99").arg(it.key()),
            micros(percentile(it.value(), 0.5)) + QStringLiteral(" / ")
                + micros(percentile(it.value(), 0.99)),
            QStringLiteral("%1 keystrokes").arg(it.value().size()));
    table.add(QStringLiteral("counting on to 1,000, p50 / p99"),
        micros(percentile(counting, 0.5)) + QStringLiteral(" / ") + micros(percentile(counting, 0.99)),
        QStringLiteral("after the page is shown, for the %1 keystrokes with more matches than it").arg(counting.size()));
    table.add(QStringLiteral("keystrokes matching 1,000+"), grouped(capped),
        QStringLiteral("counted to %1, shown as \"1,000+\"").arg(grouped(CustomerSearch::kMaxMatches)));
    table.add(QStringLiteral("identity typed in full, owner first"),
        QStringLiteral("%1 / %2").arg(uniqueFound).arg(uniqueSessions),
        QStringLiteral("phones, emails, handles, CRM ids, ticket and interaction numbers"));

    table.section(
        QStringLiteral("search: per keystroke, round trip through CustomerListModel and its worker"));
    CustomerListModel model(store);
    // Where a round trip's time goes: the worker's thread, found by its name.
    roundTrip(model, QStringLiteral("a"));
    const qint64 workerTid = ThreadTimes::threadNamed("customer search");
    std::vector<qint64> trips, tripCpu, tripQueued;
    int lost = 0;
    const std::size_t tripSessions = std::min<std::size_t>(all.size(), 100);
    for (std::size_t s = 0; s < tripSessions; ++s) {
        for (int length = 1; length <= all[s].text.size(); ++length) {
            const ThreadTimes guiBefore = ThreadTimes::now();
            const ThreadTimes workerBefore = ThreadTimes::ofThread(workerTid);
            const qint64 ns = roundTrip(model, all[s].text.left(length));
            const ThreadTimes gui = ThreadTimes::now() - guiBefore;
            const ThreadTimes worker = ThreadTimes::ofThread(workerTid) - workerBefore;
            if (ns < 0) {
                ++lost;
                continue;
            }
            trips.push_back(ns);
            tripCpu.push_back(gui.cpuNs + worker.cpuNs);
            tripQueued.push_back(gui.queuedNs + worker.queuedNs);
        }
    }
    table.add(QStringLiteral("setFilter -> filterApplied p50"), micros(percentile(trips, 0.5)),
        QStringLiteral("%1 keystrokes of %2 sessions").arg(trips.size()).arg(tripSessions));
    table.add(QStringLiteral("setFilter -> filterApplied p99"), micros(percentile(trips, 0.99)),
        versusLimit(percentile(trips, 0.99)));
    if (workerTid != 0) {
        table.add(QStringLiteral("  CPU p50 / p99"),
            micros(percentile(tripCpu, 0.5)) + QStringLiteral(" / ") + micros(percentile(tripCpu, 0.99)),
            QStringLiteral("GUI thread + search worker, on a core"));
        table.add(QStringLiteral("  waiting for a core p50 / p99"),
            micros(percentile(tripQueued, 0.5)) + QStringLiteral(" / ") + micros(percentile(tripQueued, 0.99)),
            QStringLiteral("GUI thread + search worker, runnable but not running"));
    }
    table.add(
        QStringLiteral("answers that never came"), QString::number(lost), QStringLiteral("should be 0"));
}

} // namespace SearchBench
