#pragma once

#include "WorkstationOptions.h"

#include <QObject>
#include <QTimer>
#include <memory>

class LocalHub;
class MainWindow;
class Store;
class SupervisorDesk;
class SyncController;
class SyncStatus;

// The wiring of one agent desk: the main window on the local store, the sync
// engine on its worker thread feeding that store, its status in the top
// bar, its change notifications and live events into the window, the
// agent's actions into the engine's outbox, and — for the embedded default —
// the local hub it syncs with. The launcher builds one per session and the
// GUI tests build the same, so what is tested is what runs. Destroying it
// stops sync first, then the local hub, then the window.
//
// Who the agent is: the engine's sign-in answer names them (and the store
// remembers it for a restart); a desk with no backend (--offline) shows the
// agent its login names and refuses actions, since it would never send them.
class Workstation : public QObject
{
    Q_OBJECT

public:
    Workstation(Store& store, const WorkstationOptions& options, QObject* parent = nullptr);
    ~Workstation() override;

    MainWindow& window() { return *m_window; }
    const WorkstationOptions& options() const { return m_options; }
    // Null when working offline.
    SyncStatus* syncStatus() const;
    SyncController* sync() const { return m_sync.get(); }
    LocalHub* localHub() const { return m_localHub.get(); }
    qint64 agentId() const { return m_agentId; }
    // The supervisor board's entry (View → Supervisor board, for supervisor
    // and admin accounts only); null when working offline.
    SupervisorDesk* supervisorDesk() const { return m_supervisor.get(); }

    // Starts the local hub (and sync once it listens) or sync with the
    // remote backend; returns at once — the window is usable throughout.
    void start();
    // Logout: the agent goes logged out on the backend (when it can be told
    // within a few seconds), the token is forgotten, sync stops; signedOut()
    // follows. Refused, with a notice, while the agent has work in progress.
    void signOut();

Q_SIGNALS:
    // The store caught up with the backend (after the first pull, and after each reconnect).
    void caughtUp();
    // The backend accepted the sign-in.
    void signedIn(qint64 agentId);
    // Only the person at the desk can go on (no password kept, or the backend refused it).
    void signInRequired(const QString& reason);
    void signedOut();

private:
    void onLocalHubFailed(const QString& reason);
    void onSignedIn(const QString& login, qint64 agentId);
    void onCommandDelivered(const QString& idempotencyKey);
    void finishSignOut();
    QString backendName() const;

    Store& m_store;
    WorkstationOptions m_options;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LocalHub> m_localHub;
    std::unique_ptr<SyncController> m_sync;
    qint64 m_agentId = 0;
    bool m_signingOut = false;
    // The "logged out" a sign-out waits for, by its Idempotency-Key.
    QString m_logoutKey;
    QTimer m_signOutDeadline;
    std::unique_ptr<SupervisorDesk> m_supervisor;
};
