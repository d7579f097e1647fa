#include "TimelineBench.h"

#include "BenchFigures.h"
#include "BenchTable.h"
#include "itemmodels/InteractionListModel.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <vector>

using namespace BenchFigures;

namespace {

constexpr int kHistory = 50'000;
constexpr int kRuns = 30;

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

} // namespace

namespace TimelineBench {

void addFigures(BenchTable& table, Store& store)
{
    table.section(
        QStringLiteral("timeline: %1 interactions in a QTableView (offscreen)").arg(grouped(kHistory)));
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

    InteractionListModel model(store);
    QTableView view;
    view.setModel(&model);
    view.resize(1200, 700);
    view.show();
    QCoreApplication::processEvents(); // the window's first paint is not the history's cost
    QElapsedTimer open;
    open.start();
    model.setCustomer(customerId);
    QCoreApplication::processEvents();
    table.add(QStringLiteral("open the history"), millis(open.nsecsElapsed()),
        QStringLiteral("count + first page + layout, customer with %1 interactions")
            .arg(grouped(model.totalCount())));
    const int visibleRows = view.viewport()->height() / view.verticalHeader()->defaultSectionSize();
    table.add(QStringLiteral("rows loaded on open"), grouped(model.rowCount()),
        QStringLiteral("%1 rows visible; page size %2")
            .arg(visibleRows)
            .arg(InteractionListModel::kPageSize));

    // The agent drags the scroll bar to the bottom again and again until the row is in view.
    for (const int target : { 1'000, 10'000, kHistory - 1 }) {
        QElapsedTimer t;
        t.start();
        int pagesRead = 0;
        while (view.rowAt(view.viewport()->height() - 1) < target
            && view.rowAt(view.viewport()->height() - 1) >= 0) {
            const int before = model.rowCount();
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
            QCoreApplication::processEvents();
            if (model.rowCount() > before)
                ++pagesRead;
            else if (view.verticalScrollBar()->value() == view.verticalScrollBar()->maximum()
                && !model.canFetchMore({}))
                break;
        }
        const int lastVisible = view.rowAt(view.viewport()->height() - 1);
        const int pagesNeeded = lastVisible / InteractionListModel::kPageSize + 1;
        table.add(QStringLiteral("rows loaded with row %1 in view").arg(grouped(target + 1)),
            grouped(model.rowCount()),
            QStringLiteral("%1 pages; the rows up to the last visible need %2 (%3 pages read in %4)")
                .arg(model.rowCount() / InteractionListModel::kPageSize)
                .arg(pagesNeeded)
                .arg(pagesRead)
                .arg(millis(t.nsecsElapsed())));
    }

    // One more page, deep in the history: keyed on the last row shown versus the offset it replaced.
    for (const int depth : { 1'000, 10'000, kHistory - InteractionListModel::kPageSize }) {
        const QList<Interaction> before = store.interactions(customerId, depth - 1, 1);
        if (before.isEmpty())
            continue;
        const qint64 keyed = medianOf(
            [&] { store.interactionsAfter(customerId, before.front(), InteractionListModel::kPageSize); });
        const qint64 offset
            = medianOf([&] { store.interactions(customerId, depth, InteractionListModel::kPageSize); });
        table.add(QStringLiteral("page at row %1, keyed / offset").arg(grouped(depth)),
            micros(keyed) + QStringLiteral(" / ") + micros(offset),
            QStringLiteral("median of %1; the model reads keyed").arg(kRuns));
    }
}

} // namespace TimelineBench
