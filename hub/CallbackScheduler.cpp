#include "CallbackScheduler.h"

#include "EventBroadcaster.h"
#include "HubClock.h"
#include "HubLogging.h"
#include "InteractionWorkflow.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <algorithm>

namespace {
// Real milliseconds between looks when nothing is due sooner.
constexpr int kMaxSleepMs = 60 * 1000;
}

CallbackScheduler::CallbackScheduler(
    SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_events(events)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CallbackScheduler::dialDue);
}

void CallbackScheduler::start()
{
    dialDue();
}

ChangeRecord CallbackScheduler::schedule(const NewCallback& callback, qint64 now)
{
    Database& db = m_storage.db();
    db.cached("INSERT INTO callbacks(customer_id, phone, queue_id, requested_at, due_at, note) "
              "VALUES (?, ?, ?, ?, ?, coalesce(?, ''))")
        .bind(1, callback.customerId)
        .bind(2, callback.phone)
        .bind(3, callback.queueId)
        .bind(4, now)
        .bind(5, callback.dueAt)
        .bind(6, callback.note)
        .run();
    return m_storage.recordUpsert(QStringLiteral("callback"), db.lastInsertId(), now);
}

void CallbackScheduler::rearm()
{
    const qint64 next = m_storage.db().scalar(
        "SELECT coalesce(min(due_at), -1) FROM callbacks WHERE status = 'scheduled'");
    if (next < 0) {
        m_timer.start(kMaxSleepMs);
        return;
    }
    const qint64 waitMs = next * 1000 - m_clock.nowMs();
    m_timer.start(std::min(kMaxSleepMs, m_clock.realDelayMs(waitMs)));
}

void CallbackScheduler::dialDue()
{
    struct Due
    {
        qint64 id;
        std::optional<qint64> customerId;
        std::optional<qint64> queueId;
        QString note;
        QString language;
    };
    const qint64 now = m_clock.nowSecs();
    QList<Due> due;
    Statement& st = m_storage.db().cached(
        "SELECT cb.id, cb.customer_id, cb.queue_id, cb.note, coalesce(c.language, '') FROM callbacks cb "
        "LEFT JOIN customers c ON c.id = cb.customer_id WHERE cb.status = 'scheduled' AND cb.due_at <= ? "
        "ORDER BY cb.due_at, cb.id LIMIT 500");
    st.bind(1, now);
    while (st.step())
        due.append({ st.int64(0), st.optInt64(1), st.optInt64(2), st.text(3), st.text(4) });
    st.reset();
    if (!due.isEmpty()) {
        InteractionWorkflow workflow(m_storage);
        int failed = 0;
        const QList<ChangeRecord> changes = m_storage.runInternal([&] {
            QList<ChangeRecord> written;
            for (const Due& callback : due) {
                const std::optional<qint64> queue = callback.queueId
                    ? callback.queueId
                    : workflow.queueFor(QStringLiteral("callback"), QString(), callback.language);
                if (!queue) {
                    // No queue makes outbound calls any more: nobody could take it.
                    m_storage.db()
                        .cached("UPDATE callbacks SET status = 'failed', version = version + 1 WHERE id = ?")
                        .bind(1, callback.id)
                        .run();
                    written.append(m_storage.recordUpsert(QStringLiteral("callback"), callback.id, now));
                    ++failed;
                    continue;
                }
                NewInteraction interaction;
                interaction.channel = QStringLiteral("callback");
                interaction.inbound = false;
                interaction.customerId = callback.customerId;
                interaction.queueId = *queue;
                interaction.subject = callback.note.isEmpty() ? QStringLiteral("Callback") : callback.note.left(500);
                interaction.language = callback.language;
                const ChangeRecord created = workflow.create(interaction, now);
                written.append(created);
                m_storage.db()
                    .cached("UPDATE callbacks SET status = 'dialing', interaction_id = ?, queue_id = ?, "
                            "version = version + 1 WHERE id = ?")
                    .bind(1, created.entityId)
                    .bind(2, *queue)
                    .bind(3, callback.id)
                    .run();
                written.append(m_storage.recordUpsert(QStringLiteral("callback"), callback.id, now));
            }
            return written;
        });
        qCInfo(lcHubRouting) << "dialing" << due.size() - failed << "due callbacks" << failed << "without a queue";
        m_events.publishChanges(changes);
    }
    rearm();
}
