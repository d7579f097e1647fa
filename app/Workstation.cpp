#include "Workstation.h"

#include "LocalHub.h"
#include "MainWindow.h"
#include "SupervisorDesk.h"
#include "SyncController.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "workspace/AgentActions.h"
#include "workspace/AgentPresence.h"

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcWorkstation, "unisono.workstation", QtInfoMsg)

// How long a sign-out waits for the backend to hear "logged out".
constexpr int kSignOutWaitMs = 5000;

} // namespace

Workstation::Workstation(Store& store, const WorkstationOptions& options, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_options(options)
{
    m_options.sync.storePath = store.path();
    m_window = std::make_unique<MainWindow>(store);
    m_signOutDeadline.setSingleShot(true);
    m_signOutDeadline.setInterval(kSignOutWaitMs);
    connect(&m_signOutDeadline, &QTimer::timeout, this, &Workstation::finishSignOut);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Workstation::signOut);
    if (m_options.backend == WorkstationOptions::Backend::Offline) {
        m_window->showSyncStatus(nullptr, QString());
        m_agentId = AgentPresence::offlineAgent(store, m_options.sync.login);
        m_window->setAgent(m_agentId);
        m_window->setActionsUnavailable(
            tr("This desk works offline (--offline): it sends nothing, so it takes no "
               "actions. Start Unisono with a hub to work."));
        return;
    }
    m_sync = std::make_unique<SyncController>(m_options.sync, m_options.tokens);
    connect(m_sync.get(), &SyncController::changesApplied, m_window.get(), &MainWindow::applyStoreChanges);
    connect(m_sync.get(), &SyncController::caughtUp, this, &Workstation::caughtUp);
    connect(m_sync.get(), &SyncController::liveEvent, m_window.get(), &MainWindow::applyLiveEvent);
    connect(m_sync.get(), &SyncController::signedIn, this, &Workstation::onSignedIn);
    connect(m_sync.get(), &SyncController::signInRequired, this, &Workstation::signInRequired);
    connect(m_sync.get(), &SyncController::outboxSettled, m_window.get(), &MainWindow::refreshAll);
    connect(m_sync.get(), &SyncController::commandDelivered, this, &Workstation::onCommandDelivered);
    connect(m_sync.get(), &SyncController::commandRejected, m_window.get(), &MainWindow::showRejection);
    connect(m_window->actions(), &AgentActions::commandQueued, m_sync.get(), &SyncController::deliverOutbox);
    connect(m_window.get(), &MainWindow::retryRequested, m_sync.get(), &SyncController::retry);
    connect(m_window.get(), &MainWindow::discardRequested, m_sync.get(), &SyncController::discard);
    // Scrolling a session's history past what the desk holds fetches older pages.
    m_window->setOlderHistorySource(true);
    connect(
        m_window.get(), &MainWindow::olderHistoryWanted, m_sync.get(), &SyncController::fetchOlderHistory);
    connect(m_sync.get(), &SyncController::historyFetched, m_window.get(), &MainWindow::olderHistoryFetched);
    connect(m_sync.get(), &SyncController::historyFailed, m_window.get(), &MainWindow::olderHistoryFailed);
    m_window->showSyncStatus(m_sync->status(), backendName());
    // Known from the last session on this store: the agent works before the backend answers.
    m_agentId = AgentPresence::signedInAgent(store, m_options.sync.login);
    m_window->setAgent(m_agentId);
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

SyncStatus* Workstation::syncStatus() const
{
    return m_sync ? m_sync->status() : nullptr;
}

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

void Workstation::onSignedIn(const QString& login, qint64 agentId)
{
    qCInfo(lcWorkstation).noquote() << "signed in as" << login << "(agent" << agentId << ")";
    m_agentId = agentId;
    m_window->setAgent(agentId);
    Q_EMIT signedIn(agentId);
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

void Workstation::signOut()
{
    if (m_signingOut)
        return;
    if (!m_sync) {
        Q_EMIT signedOut();
        return;
    }
    AgentPresence* presence = m_window->presence();
    m_logoutKey.clear();
    if (m_agentId > 0 && presence->isKnown() && presence->state() != AgentState::LoggedOut) {
        // Supervisors must see the agent leave; the backend refuses it (and so
        // does the desk, first) while the agent has work in progress.
        const AgentActions::Result result = m_window->actions()->setState(AgentState::LoggedOut);
        if (!result) {
            m_window->chooseState(AgentState::LoggedOut); // says why, in the window
            return;
        }
        m_logoutKey = result.key;
    }
    m_signingOut = true;
    // Offline, the backend cannot be told now; online, it has a few seconds.
    if (m_logoutKey.isEmpty() || m_sync->status()->state() != SyncStatus::State::Online) {
        finishSignOut();
        return;
    }
    m_signOutDeadline.start();
}

void Workstation::onCommandDelivered(const QString& idempotencyKey)
{
    if (m_signingOut && idempotencyKey == m_logoutKey)
        finishSignOut();
}

void Workstation::finishSignOut()
{
    if (!m_sync || !m_signingOut)
        return;
    m_signOutDeadline.stop();
    m_sync->signOut();
    // A "logged out" the backend did not hear in time must not log the agent
    // out at their next sign-in: its moment has passed.
    try {
        m_store.db().exec("DELETE FROM outbox WHERE state = 'pending' AND command = 'agent.state' AND "
                          "json_extract(payload, '$.body.state') = 'logged_out'");
    } catch (const StoreError& error) {
        qCWarning(lcWorkstation) << "could not drop the unsent logout:" << error.message();
    }
    m_signingOut = false;
    qCInfo(lcWorkstation) << "signed out";
    Q_EMIT signedOut();
}
