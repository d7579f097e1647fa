#pragma once

#include "SseParser.h"
#include "SyncEngineOptions.h"
#include "SyncStatusSnapshot.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

class ChangeApplier;
class HistoryFetcher;
class HttpTransport;
class Outbox;
class Store;
class TokenStore;
class WalCheckpointer;
struct HttpResponse;

// Keeps the local store converged to the backend. One cycle: sign in (token
// from the TokenStore, else POST /login), pull the change feed from the
// stored cursor until `more` is false (each page one transaction with its
// cursor, ChangeApplier), then hold the SSE stream open with Last-Event-ID =
// cursor. The stream is the doorbell and the feed the source of truth: a
// change event that directly follows the cursor is applied as it comes, any
// other makes the engine pull. 410 means the cursor expired: resync from 0,
// outbox untouched. A walk from 0 sends back the feed's floor from its first
// page (scanFloor), so a hub that has pruned deletions lets it page below
// them; 410 mid-walk means the floor rose meanwhile: the walk starts over. Any failure (network, 5xx, a malformed page, a dead
// stream) ends the cycle; the next starts after an exponential backoff with
// jitter, and the status says "offline, retry in N s" meanwhile.
//
// Who is signed in: a login answer names the agent the account speaks for;
// the engine keeps login and agent id in the store (sync_state), so a desk
// that restarts with a kept token knows who it is before it is online. A
// kept token is used only with the store that knows its owner. Without a
// token and a password, or when the backend refuses the password, the
// engine asks for a sign-in (signInRequired) and waits long.
//
// The engine opens its own Store connection in start(), so it can be moved
// to a worker thread first (one connection per thread); HTTP runs on the
// transport's own thread either way.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(const SyncEngineOptions& options, TokenStore& tokens, QObject* parent = nullptr);
    ~SyncEngine() override;

    // The backend moved (tests restart the hub on a new port).
    void setBaseUrl(const QUrl& url);

    // Valid after start(), on the engine's thread.
    Store* store() const { return m_store.get(); }
    Outbox* outbox() const { return m_outbox.get(); }
    HistoryFetcher* history() const { return m_history.get(); }
    // The engine's HTTP client, signed in once the engine is (other readers
    // of the backend, such as the supervisor feed, reuse its token and
    // connections); on the engine's thread only.
    HttpTransport* transport() const { return m_transport.get(); }
    QUrl baseUrl() const { return m_options.baseUrl; }
    qint64 cursor() const { return m_cursor; }
    const SyncStatusSnapshot& status() const { return m_status; }
    // Completed pulls (the feed said more = false); tests wait on it.
    int completedPulls() const { return m_completedPulls; }

public Q_SLOTS:
    void start();
    void stop();
    // Pull now (coalesced with a pull in flight).
    void syncNow();
    // Skip the backoff wait and reconnect now.
    void reconnectNow();
    // Logout: forgets the token (keychain included) and stops.
    void signOut();
    // The customer's next page of interactions from before the history
    // window (HistoryFetcher); answered by historyFetched or historyFailed.
    void fetchOlderHistory(qint64 customerId, int limit = 50);

Q_SIGNALS:
    void statusChanged(const SyncStatusSnapshot& status);
    // After each applied page: what item models should refresh.
    void changesApplied(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // The store has caught up with the feed (a pull ended with more = false).
    void caughtUp(qint64 cursor);
    // Live-only events (agent_state, offer, queue_stats) for the boards.
    void liveEvent(const QString& type, const QString& data);
    // Older interactions are in the store (changesApplied is emitted too);
    // received + what was local before < total means there is more.
    void historyFetched(qint64 customerId, int received, int total);
    void historyFailed(qint64 customerId, const QString& error);
    // The backend accepted the login; agentId is 0 for an account that speaks for no agent.
    void signedIn(const QString& login, qint64 agentId);
    // Only the person at the desk can go on: no password to sign in with, or the backend refused it.
    void signInRequired(const QString& reason);

private:
    enum class Phase { Stopped, LoggingIn, Syncing, Live, Waiting };

    void beginCycle();
    void login();
    void pull();
    void pullFrom(qint64 since);
    void onPage(const HttpResponse& response);
    void openStream();
    void onStreamBytes(const QByteArray& bytes);
    void onStreamEnded(const HttpResponse& response);
    void handleEvent(const SseEvent& event);
    void setScanFloor(std::optional<qint64> floor);
    void applyLiveChanges(const QList<SseEvent>& events);
    void fail(const QString& error, bool permanent = false);
    void dropToken();
    void abortRequests();
    void setState(SyncStatusSnapshot::State state);
    void publishStatus();
    void reportChanges(const QSet<qint64>& customers, const QSet<qint64>& interactions);
    QUrl api(const QString& pathAndQuery) const;
    QString account() const;

    SyncEngineOptions m_options;
    TokenStore& m_tokens;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // before the store goes
    std::unique_ptr<ChangeApplier> m_applier;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<HistoryFetcher> m_history;
    SseParser m_parser;
    Phase m_phase = Phase::Stopped;
    qint64 m_cursor = 0;
    // While a walk from since=0 is under way: the floor its first page
    // reported (kept in sync_state, so a restarted walk goes on).
    std::optional<qint64> m_scanFloor;
    quint64 m_requestId = 0; // login or page in flight
    quint64 m_streamId = 0;
    bool m_streamOpen = false;
    bool m_pulling = false;
    bool m_pullAgain = false;
    bool m_triedLogin = false;
    int m_failures = 0;
    int m_completedPulls = 0;
    QTimer m_retryTimer;
    QElapsedTimer m_pageTimer; // request to applied, for the debug log
    SyncStatusSnapshot m_status;
};
