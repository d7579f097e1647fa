#pragma once

#include "sync/SyncEngineOptions.h"
#include "sync/SyncStatus.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

class QThread;
class SyncEngine;
class TokenStore;

// Runs the SyncEngine on a worker thread of its own (DESIGN: the GUI thread
// never waits on the network or on the store's writes) and hands the GUI
// what it needs by queued signals: a SyncStatus for the status bar, and
// the ids each applied page changed, for the item models. The engine is
// built on its thread, so everything it owns (its retry timer, its store
// connection, its outbox) lives there too; every call to it is posted to
// that thread, and it is destroyed there.
class SyncController : public QObject
{
    Q_OBJECT

public:
    // Where the sign-in token is kept: the OS keychain when there is one,
    // else memory (SessionTokenStore); tests keep it in memory only.
    enum class TokenKeeping { KeychainOrMemory, Memory };

    // options.storePath is the store the window reads (the engine opens its
    // own connection to it); baseUrl comes with start().
    explicit SyncController(
        const SyncEngineOptions& options, TokenKeeping tokens = TokenKeeping::Memory, QObject* parent = nullptr);
    // Stops the engine and its thread (waits for both: call on quit).
    ~SyncController() override;

    // Lives on the GUI thread; the status bar binds to it.
    SyncStatus* status() { return &m_status; }
    bool isStarted() const { return m_started; }
    QUrl baseUrl() const { return m_options.baseUrl; }

    // Runs function with the engine on the sync thread, once it exists and
    // after what was asked before (the supervisor feed reads through it).
    void withEngine(std::function<void(SyncEngine&)> function);

public Q_SLOTS:
    // Starts syncing with the backend at baseUrl; the first call starts the thread.
    void start(const QUrl& baseUrl);
    // Skips the backoff wait and reconnects now.
    void reconnectNow();
    // Stops syncing (the status says offline, no retry) and ends the thread.
    void stop();
    // Logout: the engine forgets the token (keychain included), then stops. Waits for both.
    void signOut();
    // The desk queued a command (AgentActions): deliver it now.
    void deliverOutbox();
    // The customer's next page of history from before the sync's window;
    // answered by historyFetched or historyFailed.
    void fetchOlderHistory(qint64 customerId);
    // The agent's answers to a command the backend refused.
    void retry(qint64 outboxId);
    void discard(qint64 outboxId);

Q_SIGNALS:
    // Queued to the GUI thread: what a page (or a live change) changed in the store.
    void changesApplied(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // The store has caught up with the backend's feed.
    void caughtUp(qint64 cursor);
    // Queued to the GUI thread, as the engine says them.
    void liveEvent(const QString& type, const QString& data);
    void signedIn(const QString& login, qint64 agentId);
    void signInRequired(const QString& reason);
    // A refused command was discarded and its effect undone in the store.
    void outboxSettled();
    // The backend acknowledged the command with this Idempotency-Key.
    void commandDelivered(const QString& idempotencyKey);
    // The backend refused a command, in its own words.
    void commandRejected(const QString& reason);
    // Queued to the GUI thread: answers to fetchOlderHistory.
    void historyFetched(qint64 customerId, int received, int total);
    void historyFailed(qint64 customerId, const QString& error);

private:
    template <typename Function>
    void onSyncThread(Function function, Qt::ConnectionType type = Qt::QueuedConnection);

    SyncEngineOptions m_options;
    SyncStatus m_status;
    // Used only on the sync thread, by the engine.
    std::unique_ptr<TokenStore> m_tokens;
    QThread* m_thread = nullptr;
    // Lives on the sync thread; calls posted to it run there, in order.
    QObject* m_threadContext = nullptr;
    // Created, used and deleted on the sync thread only.
    SyncEngine* m_engine = nullptr;
    bool m_started = false;
    // withEngine() calls made before the engine thread runs.
    QList<std::function<void(SyncEngine&)>> m_engineCalls;
};
