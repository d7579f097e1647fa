#pragma once

#include "CustomerMatches.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <memory>
#include <optional>

class QThread;
class Store;
struct sqlite3;

// Customer searches off the GUI thread (DESIGN.md habit 4, the way
// qBittorrent's DBResumeDataStorage keeps its database work): a worker thread
// with its own SQLite connection to the store, answering by queued signal.
// While an agent types only the newest request matters: one still waiting is
// replaced by the next, one already running is interrupted, and every answer
// carries its request number so the receiver can drop any that is not the
// newest it asked for. A page is answered as soon as it is known ("200+
// matches"); counting on to CustomerSearch::kMaxMatches follows when no
// newer request waits (matchesCounted). It also counts the customers, which
// on a million rows takes tens of milliseconds, when asked and only if the
// store changed since its last count. Searches always go first.
class CustomerSearchWorker : public QObject
{
    Q_OBJECT

public:
    explicit CustomerSearchWorker(const QString& databasePath, QObject* parent = nullptr);
    ~CustomerSearchWorker() override;

    // Queues a search (Store::findCustomers) and returns its request number; numbers only grow.
    quint64 search(const QString& typed, int offset, int limit);
    // Queues a count of the customers, answered by customersCounted.
    void countCustomers();

Q_SIGNALS:
    void found(quint64 request, const CustomerMatches& matches);
    void failed(quint64 request, const QString& message);
    // The matches of a request answered capped, counted on: its final total.
    void matchesCounted(quint64 request, int total, bool capped);
    void customersCounted(qint64 count);

private:
    struct Request
    {
        quint64 number = 0;
        QString typed;
        int offset = 0;
        int limit = 0;
    };

    void run();
    void answer(Store& store, const Request& request);
    void countMatches(Store& store, const Request& request);
    void count(Store& store);
    bool isNewest(quint64 request);

    const QString m_path;
    std::unique_ptr<QThread> m_thread;
    // PRAGMA data_version at the last count (worker thread only): other
    // connections' commits change it.
    qint64 m_countedVersion = -1;
    // Everything below is shared with the worker thread.
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::optional<Request> m_waiting;
    // An answered request whose matches are still to be counted.
    std::optional<Request> m_toCount;
    quint64 m_lastNumber = 0;
    bool m_countWanted = false;
    bool m_stopping = false;
    // The worker's connection while it runs a job, for sqlite3_interrupt.
    sqlite3* m_busyConnection = nullptr;
    bool m_interrupted = false;
};
