#pragma once

#include "WorkstationOptions.h"

#include <QObject>
#include <memory>

class LocalHub;
class MainWindow;
class Store;
class SupervisorDesk;
class SyncController;
class SyncStatus;

// The wiring of one agent desk: the main window on the local store, the sync
// engine on its worker thread feeding that store, its status in the status
// bar, its change notifications into the window's models, and — for the
// embedded default — the local hub it syncs with. The launcher builds one for
// the user and the GUI tests build the same, so what is tested is what runs.
// Destroying it stops sync first, then the local hub, then the window.
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
    // The supervisor board's entry (View → Supervisor board, for supervisor
    // and admin accounts only); null when working offline.
    SupervisorDesk* supervisorDesk() const { return m_supervisor.get(); }

    // Starts the local hub (and sync once it listens) or sync with the
    // remote backend; returns at once — the window is usable throughout.
    void start();

Q_SIGNALS:
    // The store caught up with the backend (after the first pull, and after each reconnect).
    void caughtUp();

private:
    void onLocalHubFailed(const QString& reason);
    QString backendName() const;

    WorkstationOptions m_options;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LocalHub> m_localHub;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<SupervisorDesk> m_supervisor;
};
