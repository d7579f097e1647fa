#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

class EventBroadcaster;
class HubClock;
class QueueStatistics;
class SqliteHubStorage;
struct ChangeRecord;

// What each agent and team did, for supervisors: GET /api/v1/stats/agents
// over a period (by default the statistics window, "today"), and the live
// `agent_stats` event for the agents whose work changed. Per agent:
//
//   handled         interactions they answered that have ended (wrap-up
//                   done), offered in the period
//   averageHandleTime     mean handle_seconds of those (s)
//   firstContactResolutionPct  of the handled ones with a known customer,
//                   the share not closed as follow_up, escalated,
//                   callback_scheduled or transferred and after which the
//                   customer did not get in touch again (inbound, any
//                   channel) within 7 days — so far, for recent contacts
//   averageCsat, averageSentiment over the handled ones that have them
//   current         the interaction the agent has in hand now (offered,
//                   active, held or in wrap-up) with its customer's name, or
//                   null, whatever the period: the board shows it live
//
// Teams (site + team name) add up their agents' figures. The event carries
// the same rows for "today", at most four times a second, only to
// supervisors and admins, and only when an interaction changed: agent_state
// already says when an agent's state moves.
class AgentStatistics : public QObject
{
    Q_OBJECT
public:
    AgentStatistics(SqliteHubStorage& storage, EventBroadcaster& events, const HubClock& clock,
        const QueueStatistics& window, QObject* parent = nullptr);

    // from = 0: the statistics window's start; to = 0: now (hub clock).
    QJsonObject agents(qint64 from, qint64 to);

    // A follower of FCR looks this far ahead for a repeat contact.
    static constexpr qint64 kRepeatWindowSeconds = 7 * 24 * 3600;

private:
    struct Totals
    {
        qint64 handled = 0, handleCount = 0, handleSum = 0, fcrBase = 0, fcrResolved = 0;
        qint64 csatCount = 0, sentimentCount = 0;
        double csatSum = 0, sentimentSum = 0;
        void add(const Totals& other);
        void writeTo(QJsonObject& object) const;
    };
    // Agent rows for the period; only these agents when `only` is given.
    QJsonArray agentRows(qint64 from, qint64 to, const QSet<qint64>* only, QHash<QString, Totals>* teams,
        QHash<QString, QJsonObject>* teamKeys);
    QHash<qint64, QJsonObject> currentInteractions(const QSet<qint64>* only);
    void follow(const ChangeRecord& change);
    void publishChanged();

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    const HubClock& m_clock;
    const QueueStatistics& m_window;
    // Who holds each live interaction, so a requeue or an abandon (which
    // clears agentId) still refreshes the agent it left.
    QHash<qint64, qint64> m_liveOwner;
    QSet<qint64> m_dirty;
    QTimer m_tick;
};
