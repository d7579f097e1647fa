#include "WalCheckpointer.h"

#include "Database.h"
#include "StoreError.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace {

Q_LOGGING_CATEGORY(lcCheckpoint, "unisono.store.checkpoint", QtInfoMsg)

} // namespace

WalCheckpointer::WalCheckpointer(Database& writer, int pages)
    : m_writer(writer)
    , m_pages(pages)
{
    try {
        // Opened here, used only by the thread from now on. A first read
        // opens the WAL: until then the connection does not know the file
        // is in WAL mode and a checkpoint does nothing.
        m_db = std::make_unique<Database>(writer.path(), Database::Mode::ReadWrite);
        m_db->scalar("SELECT count(*) FROM sqlite_schema");
    } catch (const StoreError& error) {
        qCWarning(lcCheckpoint) << "no checkpoint thread, the writer checkpoints itself:" << error.message();
        return;
    }
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer.handle(), &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_thread.joinable())
        return;
    sqlite3_wal_autocheckpoint(m_writer.handle(), 1000); // SQLite's default hook again
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_done.notify_all();
    m_thread.join();
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int pages)
{
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (pages < checkpointer->m_pages)
        return SQLITE_OK;
    std::unique_lock lock(checkpointer->m_mutex);
    const quint64 wanted = ++checkpointer->m_requested;
    checkpointer->m_wake.notify_one();
    if (pages >= 8 * checkpointer->m_pages) {
        // The thread falls behind a writer that never pauses: wait for a
        // pass that began after this commit. With no commit in between it
        // copies the whole WAL, so the next transaction starts it over.
        checkpointer->m_done.wait(lock, [&] { return checkpointer->m_completed >= wanted || checkpointer->m_stopping; });
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested > m_completed || m_stopping; });
        if (m_stopping)
            return;
        const quint64 pass = m_requested;
        lock.unlock();
        const int rc = sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint) << "checkpoint of" << m_db->path() << "failed:" << sqlite3_errstr(rc);
        lock.lock();
        m_completed = pass;
        m_done.notify_all();
    }
}
