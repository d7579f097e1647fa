#pragma once

#include "ChangeRecord.h"
#include "InteractionWorkflow.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class EventBroadcaster;
class HubClock;
class SqliteHubStorage;

// Routing: puts each queued interaction in front of an agent. An interaction
// is offered to the ready agent who has the queue's skill and has been idle
// longest (since they last became ready or finished a contact), preferring
// agents who speak its language; the offer goes to that agent alone as an
// SSE `offer` event and the agent rings (busy/"ringing") until they accept,
// decline or the offer times out. A declined or missed offer goes back to
// the queue and on to the next agent; whoever missed it is set not ready
// ("Missed offer", as contact centres do so a desk left alone stops
// ringing), whoever declined it becomes ready again but is not offered the
// same interaction for a while.
//
// The router follows the change stream (EventBroadcaster::changePublished)
// rather than being called by each command, so an agent made ready by any
// path (their own command, wrap-up, the simulator) is seen the same way.
// Offers are written like any other change (interaction + agent rows in one
// transaction); the pending offers and idle times are memory, rebuilt at
// start (offers left from a previous run go back to their queue).
class Router : public QObject
{
    Q_OBJECT
public:
    Router(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock, int offerTimeoutMs,
        QObject* parent = nullptr);

    // Recovers from the previous run and routes what is waiting.
    void start();
    // Routing runs once after the current event (many changes, one pass).
    void scheduleDispatch();
    // After a command wrote an offer itself (a transfer to an agent).
    void offerMade(qint64 interactionId, qint64 agentId);
    // Not to be offered this interaction again soon (after a decline).
    void exclude(qint64 interactionId, qint64 agentId);
    int offerTimeoutMs() const { return m_offerTimeoutMs; }
    // When the pending offer of an interaction expires (hub clock, ms), or 0.
    qint64 offerExpiresAt(qint64 interactionId) const;

    // Whether an agent qualifies for a queue. agents.skills is a comma list
    // of topic skills (billing, technical...) and optionally channel
    // capabilities (voice, chat, email, social): when an agent lists any
    // capability, they must have the queue channel's one. Queues whose skill
    // is only a channel family ("social", "outbound" for callbacks,
    // "community" for the forum) take anyone with that capability.
    static bool qualifies(const QStringList& agentSkills, const QString& queueSkill, const QString& queueChannel);

Q_SIGNALS:
    // An offer went out (also to simulated agents, who have no SSE stream).
    void offered(qint64 interactionId, qint64 agentId, qint64 customerId);

private:
    struct Offer
    {
        qint64 agentId = 0;
        qint64 expiresAtMs = 0;
    };
    void follow(const ChangeRecord& change);
    void dispatch();
    void expireOffers();
    void armExpiryTimer();
    void publishOffer(qint64 interactionId, qint64 agentId);
    bool excluded(qint64 interactionId, qint64 agentId, qint64 nowMs) const;

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
    InteractionWorkflow m_workflow;
    int m_offerTimeoutMs;
    QHash<qint64, Offer> m_offers; // by interaction
    QHash<qint64, QHash<qint64, qint64>> m_exclusions; // interaction -> agent -> until (ms)
    QHash<qint64, QString> m_agentStates;
    // When each agent became idle, and a counter that breaks ties in order.
    QHash<qint64, QPair<qint64, quint64>> m_idleSince;
    quint64 m_idleCounter = 0;
    QTimer m_expiry;
    bool m_dispatchPending = false;
    bool m_dispatching = false;
};
