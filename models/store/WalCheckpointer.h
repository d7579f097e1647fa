#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <QtGlobal>

class Database;
struct sqlite3;

// Runs the WAL checkpoints of one writing connection on a thread of its own,
// with a connection of its own. SQLite's automatic checkpoint runs inside
// the commit that takes the WAL past 1,000 pages, so that commit waits for
// the pages to be copied into the database and for two fsyncs. Applying the
// medium demo's feed (1.56 million changes, 1,559 pages) spent 10-11 s of
// 21-22 s in commits, the longest 0.7 s; with this thread, 4-4.6 s of 16 s
// (the build machine's disk; live changes queue behind such a stall).
//
// Installing a WAL hook replaces the writer's automatic checkpoint: after
// each commit the hook wakes the thread once the WAL holds `pages` or more,
// and the thread runs a PASSIVE checkpoint, which waits for neither the
// writer nor readers. Should the thread fall behind a writer that never
// pauses (the WAL at 8 × pages), that commit waits for a pass, as it would
// have waited for its own checkpoint, so the WAL stays bounded. The
// destructor stops the thread and gives the writer its automatic
// checkpoint back. Should the second connection not open, nothing
// changes: the writer keeps checkpointing itself.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(Database& writer, int pages = 1000);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int pages);
    void run();

    Database& m_writer;
    std::unique_ptr<Database> m_db; // the thread's connection
    int m_pages;
    std::mutex m_mutex;
    std::condition_variable m_wake; // work for the thread
    std::condition_variable m_done; // a pass finished
    quint64 m_requested = 0; // commits that asked for a pass
    quint64 m_completed = 0; // the last request a finished pass covered
    bool m_stopping = false;
    std::thread m_thread;
};
