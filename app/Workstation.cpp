#include "Workstation.h"

#include "LocalHub.h"
#include "MainWindow.h"
#include "SupervisorDesk.h"
#include "SyncController.h"
#include "store/Store.h"

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcWorkstation, "unisono.workstation", QtInfoMsg)

} // namespace

Workstation::Workstation(Store& store, const WorkstationOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_options.sync.storePath = store.path();
    m_window = std::make_unique<MainWindow>(store);
    if (m_options.backend == WorkstationOptions::Backend::Offline) {
        m_window->showSyncStatus(nullptr, QString());
        return;
    }
    m_sync = std::make_unique<SyncController>(m_options.sync);
    connect(m_sync.get(), &SyncController::changesApplied, m_window.get(), &MainWindow::applyStoreChanges);
    connect(m_sync.get(), &SyncController::caughtUp, this, &Workstation::caughtUp);
    m_window->showSyncStatus(m_sync->status(), backendName());
    m_supervisor = std::make_unique<SupervisorDesk>(*m_sync, *m_window, &store);
    if (m_options.backend == WorkstationOptions::Backend::LocalHub) {
        m_localHub = std::make_unique<LocalHub>(m_options.localHub);
        connect(m_localHub.get(), &LocalHub::ready, m_sync.get(), &SyncController::start);
        connect(m_localHub.get(), &LocalHub::failed, this, &Workstation::onLocalHubFailed);
    }
}

Workstation::~Workstation()
{
    // Sync first, so the engine does not spend its last moments retrying a
    // hub that is going away; then the hub; the window last. The supervisor
    // board goes before the sync it reads through.
    m_supervisor.reset();
    m_sync.reset();
    m_localHub.reset();
}

SyncStatus* Workstation::syncStatus() const { return m_sync ? m_sync->status() : nullptr; }

QString Workstation::backendName() const
{
    switch (m_options.backend) {
    case WorkstationOptions::Backend::LocalHub:
        return tr("the local demo hub");
    case WorkstationOptions::Backend::RemoteHub:
        return m_options.sync.baseUrl.toDisplayString();
    case WorkstationOptions::Backend::Offline:
        break;
    }
    return {};
}

void Workstation::start()
{
    if (!m_sync)
        return;
    // The status says what is happening while the hub prepares (its first
    // start generates demo data) and before the engine's first word.
    SyncStatusSnapshot connecting;
    connecting.state = SyncStatusSnapshot::State::Connecting;
    m_sync->status()->update(connecting);
    if (m_localHub)
        m_localHub->start();
    else
        m_sync->start(m_options.sync.baseUrl);
}

void Workstation::onLocalHubFailed(const QString& reason)
{
    qCWarning(lcWorkstation).noquote() << "working offline:" << reason;
    // Retrying a dead port forever would only repeat the error: sync stops,
    // the store stays readable, and the status bar says why.
    m_sync->stop();
    SyncStatusSnapshot offline = m_sync->status()->snapshot();
    offline.state = SyncStatusSnapshot::State::Offline;
    offline.retryAt = QDateTime();
    offline.lastError = reason;
    m_sync->status()->update(offline);
}
