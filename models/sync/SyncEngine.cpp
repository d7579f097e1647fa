#include "SyncEngine.h"

#include "ChangeApplier.h"
#include "HistoryFetcher.h"
#include "HttpTransport.h"
#include "Outbox.h"
#include "SyncLogging.h"
#include "TokenStore.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "store/WalCheckpointer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace {

// What went wrong with an answer, for the log and the status bar.
QString describe(const HttpResponse& response)
{
    if (!response.transportOk())
        return response.error;
    const QJsonObject error
        = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        return QStringLiteral("HTTP %1: %2").arg(response.status).arg(message);
    // An HTML error page from a proxy, say: its first words are enough.
    return QStringLiteral("HTTP %1: %2").arg(response.status).arg(QString::fromUtf8(response.body.left(120)).simplified());
}

QList<qint64> sorted(const QSet<qint64>& ids)
{
    QList<qint64> list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

SyncEngine::SyncEngine(const SyncEngineOptions& options, TokenStore& tokens, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_tokens(tokens)
    , m_retryTimer(this) // a child moves along when the engine is moved to a worker thread
{
    qRegisterMetaType<SyncStatusSnapshot>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::beginCycle);
}

SyncEngine::~SyncEngine() { abortRequests(); }

void SyncEngine::setBaseUrl(const QUrl& url)
{
    m_options.baseUrl = url;
    if (m_outbox)
        m_outbox->setBaseUrl(url);
    if (m_history)
        m_history->setBaseUrl(url);
}

QString SyncEngine::account() const { return m_options.login + QLatin1Char('@') + m_options.baseUrl.host(); }

QUrl SyncEngine::api(const QString& pathAndQuery) const { return m_options.baseUrl.resolved(QUrl(pathAndQuery)); }

void SyncEngine::start()
{
    if (!m_store) {
        try {
            m_store = std::make_unique<Store>(m_options.storePath);
            // Commits that fill the WAL do not wait for the checkpoint.
            m_checkpointer = std::make_unique<WalCheckpointer>(m_store->db());
            m_applier = std::make_unique<ChangeApplier>(m_store->db());
            m_applier->setHistoryDays(m_options.historyDays);
        } catch (const StoreError& error) {
            m_checkpointer.reset();
            m_store.reset();
            m_status.lastError = error.message();
            publishStatus();
            qCCritical(lcSync) << "cannot sync:" << error.message();
            return;
        }
        m_cursor = ChangeApplier::storedCursor(m_store->db());
        bool hasFloor = false;
        const qint64 scanFloor = ChangeApplier::stateValue(m_store->db(), "scan_floor").toLongLong(&hasFloor);
        if (hasFloor)
            m_scanFloor = scanFloor;
        const qint64 lastSync = ChangeApplier::stateValue(m_store->db(), "last_sync_at").toLongLong();
        if (lastSync > 0)
            m_status.lastSyncAt = QDateTime::fromSecsSinceEpoch(lastSync, Qt::UTC);
        m_transport = std::make_unique<HttpTransport>(m_options.http);
        m_outbox = std::make_unique<Outbox>(m_store->db(), *m_transport, m_options.outboxEffects.get());
        m_outbox->setBaseUrl(m_options.baseUrl);
        connect(m_outbox.get(), &Outbox::countsChanged, this, [this](int pending, int rejected) {
            m_status.pendingOutbox = pending;
            m_status.rejectedOutbox = rejected;
            publishStatus();
        });
        connect(m_outbox.get(), &Outbox::unauthorized, this, [this] {
            dropToken();
            reconnectNow();
        });
        m_history = std::make_unique<HistoryFetcher>(m_store->db(), *m_applier, *m_transport);
        m_history->setBaseUrl(m_options.baseUrl);
        connect(m_history.get(), &HistoryFetcher::fetched, this,
            [this](qint64 customerId, int, int received, int total, const QList<qint64>& interactionIds) {
                if (!interactionIds.isEmpty())
                    Q_EMIT changesApplied({ customerId }, interactionIds);
                Q_EMIT historyFetched(customerId, received, total);
            });
        connect(m_history.get(), &HistoryFetcher::failed, this, &SyncEngine::historyFailed);
    }
    m_status.pendingOutbox = m_outbox->pendingCount();
    m_status.rejectedOutbox = m_outbox->rejectedCount();
    beginCycle();
}

void SyncEngine::stop()
{
    abortRequests();
    m_retryTimer.stop();
    m_phase = Phase::Stopped;
    if (m_outbox)
        m_outbox->setPaused(true);
    m_status.retryAt = QDateTime();
    setState(SyncStatusSnapshot::State::Offline);
}

void SyncEngine::reconnectNow()
{
    if (m_phase == Phase::Stopped)
        return;
    m_retryTimer.stop();
    beginCycle();
}

void SyncEngine::signOut()
{
    stop();
    dropToken();
    if (m_store)
        ChangeApplier::setStateValue(m_store->db(), "session_login", QStringLiteral(""));
}

void SyncEngine::syncNow()
{
    if (m_phase != Phase::Live)
        return; // a cycle in progress pulls anyway; a waiting one will
    if (m_pulling)
        m_pullAgain = true;
    else
        pull();
}

void SyncEngine::fetchOlderHistory(qint64 customerId, int limit)
{
    if (!m_history) {
        Q_EMIT historyFailed(customerId, QStringLiteral("The sync engine has not started."));
        return;
    }
    m_history->fetchOlder(customerId, limit);
}

void SyncEngine::abortRequests()
{
    if (!m_transport)
        return;
    if (m_requestId)
        m_transport->abort(m_requestId);
    if (m_streamId)
        m_transport->abort(m_streamId);
    m_requestId = 0;
    m_streamId = 0;
    m_streamOpen = false;
    m_pulling = false;
    m_pullAgain = false;
}

void SyncEngine::beginCycle()
{
    if (!m_store)
        return;
    abortRequests();
    m_outbox->setPaused(true);
    m_status.retryAt = QDateTime();
    setState(SyncStatusSnapshot::State::Connecting);
    m_triedLogin = false;
    // A token whose owner this store does not know (a new store, another
    // user) is not used: the login answer says which agent we are.
    const bool known = ChangeApplier::stateValue(m_store->db(), "session_login") == m_options.login;
    const QByteArray token = known ? m_tokens.token(account()) : QByteArray();
    if (token.isEmpty()) {
        login();
    } else {
        m_transport->setBearerToken(token);
        m_phase = Phase::Syncing;
        pull();
    }
}

void SyncEngine::login()
{
    if (m_options.password.isEmpty()) {
        const QString reason = QStringLiteral("Sign in as %1 again: the session ended and Unisono keeps no password.")
                                   .arg(m_options.login);
        fail(reason, true);
        Q_EMIT signInRequired(reason);
        return;
    }
    m_phase = Phase::LoggingIn;
    m_triedLogin = true;
    HttpRequest request;
    request.method = "POST";
    request.url = api(QStringLiteral("/api/v1/login"));
    request.headers = { { "Content-Type", "application/json" } };
    request.body = QJsonDocument(QJsonObject { { QStringLiteral("login"), m_options.login },
                                     { QStringLiteral("password"), m_options.password } })
                       .toJson(QJsonDocument::Compact);
    m_transport->setBearerToken({});
    m_requestId = m_transport->send(request, this, [this](const HttpResponse& response) {
        m_requestId = 0;
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        const QByteArray token = answer.value(QStringLiteral("token")).toString().toLatin1();
        if (response.isSuccess() && !token.isEmpty()) {
            const qint64 agentId = answer.value(QStringLiteral("agentId")).toInteger();
            ChangeApplier::setStateValue(m_store->db(), "agent_id", QString::number(agentId));
            ChangeApplier::setStateValue(m_store->db(), "session_login", m_options.login);
            Q_EMIT signedIn(m_options.login, agentId);
            m_tokens.setToken(account(), token);
            m_transport->setBearerToken(token);
            m_phase = Phase::Syncing;
            pull();
        } else if (response.transportOk() && (response.status == 401 || response.status == 403)) {
            // Retrying soon would not change the password: wait long.
            const QString reason
                = QStringLiteral("The backend refused the login %1: %2").arg(m_options.login, describe(response));
            fail(reason, true);
            Q_EMIT signInRequired(reason);
        } else {
            fail(QStringLiteral("Login failed: %1").arg(describe(response)));
        }
    });
}

void SyncEngine::pull() { pullFrom(m_cursor); }

void SyncEngine::pullFrom(qint64 since)
{
    m_pulling = true;
    m_pullAgain = false;
    HttpRequest request;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(since));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (since > 0 && m_scanFloor)
        query.addQueryItem(QStringLiteral("scanFloor"), QString::number(*m_scanFloor));
    QUrl url = api(QStringLiteral("/api/v1/changes"));
    url.setQuery(query);
    request.url = url;
    request.headers = { { "Accept", "application/json" } };
    m_pageTimer.start();
    m_requestId = m_transport->send(request, this, [this](const HttpResponse& response) { onPage(response); });
}

void SyncEngine::onPage(const HttpResponse& response)
{
    m_requestId = 0;
    if (response.transportOk() && response.status == 401 && !m_triedLogin) {
        dropToken();
        login();
        return;
    }
    if (response.transportOk() && response.status == 410) {
        if (m_scanFloor && m_cursor > 0) {
            // The floor rose during our walk from 0: a deletion we had yet
            // to reach was pruned. Walk again, keeping what is stored; the
            // resync removes what the new walk does not deliver.
            qCWarning(lcSync) << "the change feed's floor rose during the walk from 0 at cursor" << m_cursor
                              << "- starting it again";
            setScanFloor(std::nullopt);
            m_applier->beginResync();
            m_cursor = 0;
            pull();
            return;
        }
        if (m_applier->isResyncing() && m_cursor > 0) {
            // 410 in the middle of a walk from 0: resyncing again would
            // meet the same answer at the same place, in a tight loop. A
            // backend that prunes faster than a client can page is broken;
            // back off and say so.
            fail(QStringLiteral("The backend's change feed expired cursor %1 during a resync from the start; "
                                "it prunes changes faster than they can be read (check its change retention).")
                     .arg(m_cursor));
            return;
        }
        qCWarning(lcSync) << "the change feed no longer reaches cursor" << m_cursor << "- resyncing from scratch";
        m_applier->beginResync();
        m_cursor = 0;
        pull();
        return;
    }
    if (!response.isSuccess()) {
        fail(QStringLiteral("Could not read changes: %1").arg(describe(response)));
        return;
    }
    const qint64 waitedMs = m_pageTimer.elapsed();
    QElapsedTimer applyTimer;
    applyTimer.start();
    // Ask for the next page once this one is read, before it is written: the
    // backend prepares it while we write, instead of the two taking turns.
    // Should this page not apply, fail() aborts the request in flight.
    bool prefetched = false;
    qint64 next = -1;
    const ChangeBatchResult result = m_applier->applyPage(response.body, [&](const ChangeApplier::PageHeader& header) {
        if (m_cursor == 0) {
            // The first page of a walk from 0; a backend without floors sends none.
            setScanFloor(header.floor);
        }
        next = header.next;
        const bool more = header.more;
        if (more && next > m_cursor) {
            pullFrom(next);
            prefetched = true;
        }
    });
    qCDebug(lcSync) << "page after" << m_cursor << ":" << response.body.size() << "bytes, waited" << waitedMs
                    << "ms, parsed and applied in" << applyTimer.elapsed() << "ms";
    if (!result.ok) {
        // Nothing of the page was written; the next cycle asks again.
        qCWarning(lcSync) << "change page after" << m_cursor << "not applied:" << result.error;
        fail(QStringLiteral("The backend sent changes that could not be applied: %1").arg(result.error));
        return;
    }
    m_cursor = result.cursor;
    reportChanges(result.customerIds, result.interactionIds);
    if (result.more) {
        if (prefetched && result.cursor != next)
            m_transport->abort(m_requestId); // asked from the wrong place
        if (!prefetched || result.cursor != next)
            pull();
        return;
    }
    m_pulling = false;
    if (m_scanFloor)
        setScanFloor(std::nullopt); // the walk reached the head
    ++m_completedPulls;
    m_status.lastSyncAt = QDateTime::currentDateTimeUtc();
    m_status.lastError.clear();
    if (m_phase == Phase::Syncing) {
        m_phase = Phase::Live;
        m_failures = 0;
        setState(SyncStatusSnapshot::State::Online);
        m_outbox->setPaused(false);
        m_outbox->retryNow(); // the backend is back: do not wait out old backoffs
        if (m_options.live)
            openStream();
    } else {
        publishStatus();
    }
    Q_EMIT caughtUp(m_cursor);
    if (m_pullAgain)
        pull();
}

void SyncEngine::openStream()
{
    m_parser = SseParser();
    m_parser.setLastEventId(QString::number(m_cursor));
    HttpRequest request;
    request.url = api(QStringLiteral("/api/v1/events"));
    request.headers = { { "Accept", "text/event-stream" }, { "Cache-Control", "no-cache" } };
    if (m_cursor > 0)
        request.headers.append({ "Last-Event-ID", QByteArray::number(m_cursor) });
    m_streamOpen = false;
    m_streamId = m_transport->stream(
        request, this, [this](const QByteArray& bytes) { onStreamBytes(bytes); },
        [this](const HttpResponse& response) { onStreamEnded(response); });
}

void SyncEngine::onStreamBytes(const QByteArray& bytes)
{
    m_streamOpen = true;
    const QList<SseEvent> events = m_parser.feed(bytes);
    // Live-only events first: they are views of the moment, ordered with
    // nothing in the feed, and a board should not wait while the changes
    // that came in the same read are written to the store.
    for (const SseEvent& event : events) {
        if (event.type != QLatin1String("change"))
            Q_EMIT liveEvent(event.type, event.data);
    }
    applyLiveChanges(events);
    if (!m_streamId)
        return; // the changes ended the stream
    if (m_parser.overflowed()) {
        fail(QStringLiteral("The event stream sent a line too long to be an event."));
    }
}

void SyncEngine::applyLiveChanges(const QList<SseEvent>& events)
{
    // The changes that follow the cursor one by one are applied together, as
    // one page: one transaction and one look at the head for the lot, where
    // a change at a time would commit (and check the store) per change and
    // fall behind a busy centre.
    QList<QByteArray> batch;
    qint64 last = m_cursor;
    bool gap = false;
    for (const SseEvent& event : events) {
        if (event.type != QLatin1String("change"))
            continue;
        bool ok = false;
        const qint64 seq = event.lastEventId.toLongLong(&ok);
        if (!ok || seq <= last)
            continue; // already stored (a replay) or not a change we can place
        if (seq != last + 1 || m_pulling) {
            gap = true;
            break;
        }
        batch.append(event.data.toUtf8());
        last = seq;
    }
    if (!batch.isEmpty()) {
        const ChangeBatchResult result = m_applier->applyChanges(batch, m_cursor + 1);
        if (result.ok) {
            m_cursor = result.cursor;
            m_status.lastSyncAt = QDateTime::currentDateTimeUtc();
            publishStatus();
            reportChanges(result.customerIds, result.interactionIds);
            Q_EMIT caughtUp(m_cursor);
        } else {
            qCWarning(lcSync) << "live changes up to" << last << "not applied (" << result.error << "); reading the feed";
            gap = true;
        }
    }
    // A gap or changes that did not apply: the feed is the source of truth.
    if (gap)
        syncNow();
}

void SyncEngine::setScanFloor(std::optional<qint64> floor)
{
    m_scanFloor = floor;
    // "" rather than a null QString: sync_state.value is NOT NULL.
    ChangeApplier::setStateValue(m_store->db(), "scan_floor", floor ? QString::number(*floor) : QStringLiteral(""));
}

void SyncEngine::onStreamEnded(const HttpResponse& response)
{
    m_streamId = 0;
    m_streamOpen = false;
    if (response.transportOk() && response.status == 401) {
        dropToken();
    } else if (response.transportOk() && response.status == 410) {
        m_applier->beginResync();
        m_cursor = 0;
    }
    fail(QStringLiteral("Live events stopped: %1").arg(describe(response)));
}

void SyncEngine::fail(const QString& error, bool permanent)
{
    abortRequests();
    if (m_phase == Phase::Stopped)
        return;
    m_phase = Phase::Waiting;
    m_outbox->setPaused(true);
    ++m_failures;
    qint64 delay = m_options.backoffMaxMs;
    if (!permanent) {
        delay = m_options.backoffMinMs;
        for (int i = 1; i < m_failures && delay < m_options.backoffMaxMs; ++i)
            delay *= 2;
        delay = std::min<qint64>(delay, m_options.backoffMaxMs);
    }
    // Jitter: somewhere between half and all of the delay.
    delay = delay / 2 + qint64(QRandomGenerator::global()->bounded(double(delay / 2 + 1)));
    qCInfo(lcSync).noquote() << error << QStringLiteral("- retrying in %1 ms").arg(delay);
    m_status.lastError = error;
    m_status.retryAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    setState(SyncStatusSnapshot::State::Offline);
    m_retryTimer.start(int(delay));
}

void SyncEngine::dropToken()
{
    m_tokens.removeToken(account());
    if (m_transport)
        m_transport->setBearerToken({});
}

void SyncEngine::setState(SyncStatusSnapshot::State state)
{
    m_status.state = state;
    publishStatus();
}

void SyncEngine::publishStatus() { Q_EMIT statusChanged(m_status); }

void SyncEngine::reportChanges(const QSet<qint64>& customers, const QSet<qint64>& interactions)
{
    if (customers.isEmpty() && interactions.isEmpty())
        return;
    Q_EMIT changesApplied(sorted(customers), sorted(interactions));
}
