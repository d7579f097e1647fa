#pragma once

#include "ChangeRecord.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

class EventBroadcaster;
class HubClock;
class SqliteHubStorage;

struct NewCallback
{
    std::optional<qint64> customerId;
    QString phone; // E.164, already normalised
    qint64 dueAt = 0; // hub clock, UTC seconds
    qint64 queueId = 0;
    QString note;
};

// Scheduled callbacks, from promise to call. schedule() writes the request
// (the API command and the simulator both use it, inside their own
// transaction); when a callback falls due, a timer turns it into an outbound
// 'callback' interaction queued on its queue, so routing offers it to a
// ready agent with the skill like any inbound contact, and the callback row
// goes to 'dialing' with the interaction's id. InteractionWorkflow settles
// it when the call ends ('completed') or is given up ('failed').
//
// The timer is armed for the earliest due time on the hub clock, never
// polled in a loop, and at most a minute ahead so that rows written by
// another process (an import) are picked up too.
class CallbackScheduler : public QObject
{
    Q_OBJECT
public:
    CallbackScheduler(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock,
        QObject* parent = nullptr);

    void start();
    // Inside the caller's transaction; call rearm() after the commit.
    ChangeRecord schedule(const NewCallback& callback, qint64 now);
    void rearm();

private:
    void dialDue();

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
    QTimer m_timer;
};
