#include "TimelineBench.h"

#include "BenchFigures.h"
#include "BenchTable.h"
#include "context/ContextListView.h"
#include "context/CustomerTimelineModel.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace BenchFigures;

namespace {

constexpr int kHistory = 50'000;
constexpr int kRuns = 30;
// The model's pages deep in the history are timed as they are read, once
// each: the figure is the median of this many pages nearest the row.
constexpr int kPagesNear = 21;

template <typename Read> qint64 medianOf(Read read)
{
    std::vector<qint64> times;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer t;
        t.start();
        read();
        times.push_back(t.nsecsElapsed());
    }
    return percentile(times, 0.5);
}

struct PageRead
{
    int firstRow = 0;
    qint64 nanoseconds = 0;
};

// Every page of the customer's history read by fetchMore, as the view would ask for them.
std::vector<PageRead> readEveryPage(Store& store, qint64 customerId)
{
    CustomerTimelineModel model(store);
    model.setCustomer(customerId);
    std::vector<PageRead> pages;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        QElapsedTimer t;
        t.start();
        model.fetchMore({});
        const qint64 elapsed = t.nsecsElapsed();
        if (model.rowCount() > before)
            pages.push_back({ before, elapsed });
    }
    return pages;
}

qint64 medianNear(std::vector<PageRead> pages, int row)
{
    std::sort(pages.begin(), pages.end(),
        [row](const PageRead& a, const PageRead& b) { return std::abs(a.firstRow - row) < std::abs(b.firstRow - row); });
    pages.resize(std::min<size_t>(pages.size(), kPagesNear));
    std::vector<qint64> times;
    for (const PageRead& page : pages)
        times.push_back(page.nanoseconds);
    return percentile(times, 0.5);
}

} // namespace

namespace TimelineBench {

void addFigures(BenchTable& table, Store& store)
{
    table.section(QStringLiteral("timeline: %1 interactions in the context panel's QListView (offscreen)")
                      .arg(grouped(kHistory)));
    Transaction scratch(store.db()); // rolled back: the history exists only for this run
    const qint64 customerId = store.db().scalar("SELECT min(id) FROM customers");
    {
        static const Channel kChannels[] { Channel::Voice, Channel::Email, Channel::Chat, Channel::Sms,
            Channel::Social };
        Interaction i;
        i.customerId = customerId;
        i.queueId = store.db().scalar("SELECT min(id) FROM queues");
        i.agentId = store.db().scalar("SELECT min(id) FROM agents");
        for (int n = 0; n < kHistory; ++n) {
            i.channel = kChannels[n % 5];
            i.offeredAt = 1'750'000'000 - qint64(n) * 1800;
            i.subject = QStringLiteral("Contact %1").arg(n);
            store.addInteraction(i);
        }
    }

    CustomerTimelineModel model(store);
    ContextListView view; // the timeline's own view and delegate
    view.setModel(&model);
    view.resize(420, 700);
    view.show();
    QCoreApplication::processEvents(); // the window's first paint is not the history's cost
    QElapsedTimer open;
    open.start();
    model.setCustomer(customerId);
    QCoreApplication::processEvents();
    table.add(QStringLiteral("open the history"), millis(open.nsecsElapsed()),
        QStringLiteral("count + first page + layout, customer with %1 interactions")
            .arg(grouped(model.storedCount())));
    const auto lastVisible
        = [&view] { return view.indexAt(QPoint(view.viewport()->width() / 2, view.viewport()->height() - 1)).row(); };
    table.add(QStringLiteral("rows loaded on open"), grouped(model.rowCount()),
        QStringLiteral("%1 rows visible; page size %2").arg(lastVisible() + 1).arg(CustomerTimelineModel::kPageSize));

    // The agent drags the scroll bar to the bottom again and again until the row is in view.
    for (const int target : { 1'000, 10'000, kHistory - 1 }) {
        QElapsedTimer t;
        t.start();
        int pagesRead = 0;
        while (lastVisible() < target && lastVisible() >= 0) {
            const int before = model.rowCount();
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
            QCoreApplication::processEvents();
            if (model.rowCount() > before)
                ++pagesRead;
            else if (view.verticalScrollBar()->value() == view.verticalScrollBar()->maximum()
                && !model.canFetchMore({}))
                break;
        }
        const int pagesNeeded = lastVisible() / CustomerTimelineModel::kPageSize + 1;
        table.add(QStringLiteral("rows loaded with row %1 in view").arg(grouped(target + 1)),
            grouped(model.rowCount()),
            QStringLiteral("%1 pages; the rows up to the last visible need %2 (%3 pages read in %4)")
                .arg(model.rowCount() / CustomerTimelineModel::kPageSize)
                .arg(pagesNeeded)
                .arg(pagesRead)
                .arg(millis(t.nsecsElapsed())));
    }

    // One more page, deep in the history: the model's page, keyed on the last
    // row loaded, against a plain offset read of the same page (Store::interactions,
    // a lighter query: no message excerpt).
    const std::vector<PageRead> pages = readEveryPage(store, customerId);
    for (const int depth : { 1'000, 10'000, kHistory - CustomerTimelineModel::kPageSize }) {
        const qint64 offset
            = medianOf([&] { store.interactions(customerId, depth, CustomerTimelineModel::kPageSize); });
        table.add(QStringLiteral("page at row %1, keyed / offset").arg(grouped(depth)),
            micros(medianNear(pages, depth)) + QStringLiteral(" / ") + micros(offset),
            QStringLiteral("keyed: model's fetchMore, median of the %1 pages nearest; offset: median of %2")
                .arg(kPagesNear)
                .arg(kRuns));
    }
}

} // namespace TimelineBench
