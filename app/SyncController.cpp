#include "SyncController.h"

#include "sync/MemoryTokenStore.h"
#include "sync/Outbox.h"
#include "sync/SessionTokenStore.h"
#include "sync/SyncEngine.h"
#include "workspace/LocalEffects.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

namespace {

Q_LOGGING_CATEGORY(lcSyncController, "unisono.synccontroller", QtInfoMsg)

} // namespace

SyncController::SyncController(const SyncEngineOptions& options, TokenKeeping tokens, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    if (tokens == TokenKeeping::KeychainOrMemory)
        m_tokens = std::make_unique<SessionTokenStore>();
    else
        m_tokens = std::make_unique<MemoryTokenStore>();
    // The agent's commands settle their local effects (AgentActions) as the outbox delivers them.
    m_options.outboxEffects = std::make_shared<LocalEffects>();
}

SyncController::~SyncController() { stop(); }

template <typename Function>
void SyncController::onSyncThread(Function function, Qt::ConnectionType type)
{
    if (m_threadContext)
        QMetaObject::invokeMethod(m_threadContext, std::move(function), type);
}

void SyncController::start(const QUrl& baseUrl)
{
    m_options.baseUrl = baseUrl;
    if (m_started) {
        // The backend moved (a local hub restarted on another port).
        onSyncThread([this, baseUrl] {
            if (m_engine) {
                m_engine->setBaseUrl(baseUrl);
                m_engine->reconnectNow();
            }
        });
        return;
    }
    m_started = true;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("unisono-sync"));
    m_threadContext = new QObject;
    m_threadContext->moveToThread(m_thread);
    m_thread->start();
    const SyncEngineOptions options = m_options;
    onSyncThread([this, options, calls = std::exchange(m_engineCalls, {})] {
        m_engine = new SyncEngine(options, *m_tokens);
        for (const auto& call : calls)
            call(*m_engine);
        // Emitted on the sync thread, received on the GUI thread: queued.
        connect(m_engine, &SyncEngine::statusChanged, &m_status, &SyncStatus::update);
        connect(m_engine, &SyncEngine::changesApplied, this, &SyncController::changesApplied);
        connect(m_engine, &SyncEngine::caughtUp, this, &SyncController::caughtUp);
        connect(m_engine, &SyncEngine::liveEvent, this, &SyncController::liveEvent);
        connect(m_engine, &SyncEngine::signedIn, this, &SyncController::signedIn);
        connect(m_engine, &SyncEngine::signInRequired, this, &SyncController::signInRequired);
        connect(m_engine, &SyncEngine::historyFetched, this, &SyncController::historyFetched);
        connect(m_engine, &SyncEngine::historyFailed, this, &SyncController::historyFailed);
        m_engine->start();
        if (m_engine->outbox()) {
            connect(m_engine->outbox(), &Outbox::discarded, this, &SyncController::outboxSettled);
            connect(m_engine->outbox(), &Outbox::delivered, this,
                [this](qint64, const QString& key, int) { Q_EMIT commandDelivered(key); });
            connect(m_engine->outbox(), &Outbox::rejected, this,
                [this](qint64, const QString& reason) { Q_EMIT commandRejected(reason); });
        }
    });
    qCInfo(lcSyncController).noquote() << "syncing" << options.storePath << "with" << baseUrl.toString();
}

void SyncController::withEngine(std::function<void(SyncEngine&)> function)
{
    if (!m_threadContext) {
        m_engineCalls.append(std::move(function));
        return;
    }
    onSyncThread([this, function = std::move(function)] {
        if (m_engine)
            function(*m_engine);
    });
}

void SyncController::reconnectNow()
{
    onSyncThread([this] {
        if (m_engine)
            m_engine->reconnectNow();
    });
}

void SyncController::deliverOutbox()
{
    onSyncThread([this] {
        if (m_engine && m_engine->outbox())
            m_engine->outbox()->deliver();
    });
}

void SyncController::fetchOlderHistory(qint64 customerId)
{
    if (!m_threadContext) {
        Q_EMIT historyFailed(customerId, tr("Not connected to the server yet."));
        return;
    }
    onSyncThread([this, customerId] {
        if (m_engine)
            m_engine->fetchOlderHistory(customerId);
    });
}

void SyncController::retry(qint64 outboxId)
{
    onSyncThread([this, outboxId] {
        if (m_engine && m_engine->outbox())
            m_engine->outbox()->retry(outboxId);
    });
}

void SyncController::discard(qint64 outboxId)
{
    onSyncThread([this, outboxId] {
        if (m_engine && m_engine->outbox())
            m_engine->outbox()->discard(outboxId);
    });
}

void SyncController::signOut()
{
    if (!m_thread) {
        // Never started (the local hub was not up yet): the token is all there is to forget.
        if (!m_options.baseUrl.host().isEmpty())
            m_tokens->removeToken(m_options.login + QLatin1Char('@') + m_options.baseUrl.host());
        return;
    }
    onSyncThread(
        [this] {
            if (m_engine)
                m_engine->signOut();
        },
        Qt::BlockingQueuedConnection);
    stop();
}

void SyncController::stop()
{
    if (!m_thread)
        return;
    // Blocking, but bounded: the engine only aborts its requests and closes
    // its store connection. Happens on quit, when no one waits for the window.
    onSyncThread(
        [this] {
            if (m_engine) {
                m_engine->stop();
                delete m_engine;
                m_engine = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_threadContext;
    m_threadContext = nullptr;
    delete m_thread;
    m_thread = nullptr;
    m_started = false;
    // The engine's last snapshots may still be queued; the truth is now this.
    QCoreApplication::removePostedEvents(&m_status, QEvent::MetaCall);
    SyncStatusSnapshot stopped = m_status.snapshot();
    stopped.state = SyncStatusSnapshot::State::Offline;
    stopped.retryAt = QDateTime();
    m_status.update(stopped);
}
