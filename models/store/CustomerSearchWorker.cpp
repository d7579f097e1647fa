#include "CustomerSearchWorker.h"

#include "CustomerSearch.h"
#include "Store.h"
#include "StoreError.h"

#include <QLoggingCategory>
#include <QThread>
#include <sqlite3.h>

namespace {

Q_LOGGING_CATEGORY(lcSearchWorker, "unisono.store.search", QtInfoMsg)

} // namespace

CustomerSearchWorker::CustomerSearchWorker(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_path(databasePath)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("customer search"));
    m_thread->start();
}

CustomerSearchWorker::~CustomerSearchWorker()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        if (m_busyConnection) {
            m_interrupted = true;
            sqlite3_interrupt(m_busyConnection);
        }
        m_wake.wakeOne();
    }
    m_thread->wait();
}

quint64 CustomerSearchWorker::search(const QString& typed, int offset, int limit)
{
    const QMutexLocker lock(&m_mutex);
    m_waiting = Request { ++m_lastNumber, typed, offset, limit };
    m_toCount.reset();
    // Whatever runs now is older than this request: a search nobody will
    // read, or a count that can wait until this one is answered.
    if (m_busyConnection) {
        m_interrupted = true;
        sqlite3_interrupt(m_busyConnection);
    }
    m_wake.wakeOne();
    return m_lastNumber;
}

void CustomerSearchWorker::countCustomers()
{
    const QMutexLocker lock(&m_mutex);
    m_countWanted = true;
    m_wake.wakeOne();
}

void CustomerSearchWorker::run()
{
    // One connection per thread, opened and closed on this one. It only
    // reads; query_only makes sure of it.
    std::unique_ptr<Store> store;
    QString openError;
    try {
        store = std::make_unique<Store>(m_path);
        store->db().exec("PRAGMA query_only = ON");
    } catch (const StoreError& error) {
        openError = error.message();
        qCWarning(lcSearchWorker) << "Cannot search customers:" << openError;
    }
    for (;;) {
        std::optional<Request> request;
        std::optional<Request> toCount;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && !m_waiting && !((m_toCount || m_countWanted) && store))
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            // Searches first: an agent is waiting for them.
            request.swap(m_waiting);
            if (!request)
                toCount.swap(m_toCount);
            if (!request && !toCount)
                m_countWanted = false;
            m_busyConnection = store ? store->db().handle() : nullptr;
            m_interrupted = false;
        }
        if (request && !store)
            Q_EMIT failed(request->number, openError);
        else if (request)
            answer(*store, *request);
        else if (toCount)
            countMatches(*store, *toCount);
        else
            count(*store);
        const QMutexLocker lock(&m_mutex);
        m_busyConnection = nullptr;
    }
}

bool CustomerSearchWorker::isNewest(quint64 request)
{
    const QMutexLocker lock(&m_mutex);
    return request == m_lastNumber;
}

void CustomerSearchWorker::answer(Store& store, const Request& request)
{
    std::optional<CustomerMatches> matches;
    QString error;
    try {
        matches = store.findCustomers(request.typed, request.offset, request.limit);
    } catch (const StoreError& e) {
        error = e.message();
    }
    // Overtaken while it ran (or interrupted for that reason): the receiver would drop it anyway.
    if (!isNewest(request.number))
        return;
    if (!matches) {
        Q_EMIT failed(request.number, error);
        return;
    }
    if (matches->capped && matches->total < CustomerSearch::kMaxMatches) {
        const QMutexLocker lock(&m_mutex);
        if (!m_waiting)
            m_toCount = request;
    }
    Q_EMIT found(request.number, *matches);
}

void CustomerSearchWorker::countMatches(Store& store, const Request& request)
{
    try {
        const CustomerMatches counted
            = store.findCustomers(request.typed, 0, 0, Store::Counting::CountMatches);
        if (isNewest(request.number))
            Q_EMIT matchesCounted(request.number, counted.total, counted.capped);
    } catch (const StoreError& error) {
        // Interrupted for a newer search, which will be counted in its turn.
        if (isNewest(request.number))
            qCWarning(lcSearchWorker) << "Could not count matches:" << error.message();
    }
}

void CustomerSearchWorker::count(Store& store)
{
    try {
        const qint64 version = store.db().scalar("PRAGMA data_version");
        if (version == m_countedVersion)
            return;
        const qint64 customers = store.customerCount();
        m_countedVersion = version;
        Q_EMIT customersCounted(customers);
    } catch (const StoreError& error) {
        const QMutexLocker lock(&m_mutex);
        // Interrupted for a search (count again once it is answered) or to stop.
        if (m_interrupted)
            m_countWanted = !m_stopping;
        else
            qCWarning(lcSearchWorker) << "Could not count customers:" << error.message();
    }
}
