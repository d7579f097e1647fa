#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

// One agent as the supervisor board shows them: who (from GET /agents),
// their state (agent_state events), what they have in hand and how their day
// went (GET /stats/agents and agent_stats events). Times are hub seconds.
struct AgentRecord
{
    qint64 id = 0;
    QString name;
    QString login;
    QString role;
    qint64 siteId = 0;
    QString team;
    QStringList skills;
    QString state;
    QString reason;
    qint64 stateSince = 0;

    // The interaction in hand; interactionId 0 when none.
    qint64 interactionId = 0;
    QString channel;
    QString interactionStatus;
    qint64 customerId = 0;
    QString customerName;
    qint64 interactionSince = 0; // answered, else offered

    // Today.
    qint64 handled = 0;
    std::optional<double> averageHandleTime;
    std::optional<double> averageCsat;
    std::optional<double> firstContactResolutionPct;
    std::optional<double> averageSentiment;

    // A row of GET /api/v1/agents.
    static AgentRecord fromAgentJson(const QJsonObject& agent);
    // An agent_state event: {agentId, state, reason, since}.
    void applyState(const QJsonObject& event);
    // A row of GET /stats/agents or of an agent_stats event.
    void applyStats(const QJsonObject& row);

    bool operator==(const AgentRecord& other) const = default;
};

// Reads a JSON number that may be null or absent.
std::optional<double> optionalNumber(const QJsonValue& value);
