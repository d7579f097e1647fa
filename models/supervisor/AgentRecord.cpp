#include "AgentRecord.h"

std::optional<double> optionalNumber(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

AgentRecord AgentRecord::fromAgentJson(const QJsonObject& agent)
{
    AgentRecord record;
    record.id = agent.value(QStringLiteral("id")).toInteger();
    record.name = agent.value(QStringLiteral("displayName")).toString();
    record.login = agent.value(QStringLiteral("login")).toString();
    record.role = agent.value(QStringLiteral("role")).toString();
    record.siteId = agent.value(QStringLiteral("siteId")).toInteger();
    record.team = agent.value(QStringLiteral("team")).toString();
    record.skills
        = agent.value(QStringLiteral("skills")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    record.state = agent.value(QStringLiteral("state")).toString();
    record.reason = agent.value(QStringLiteral("stateReason")).toString();
    record.stateSince = agent.value(QStringLiteral("stateSince")).toInteger();
    return record;
}

void AgentRecord::applyState(const QJsonObject& event)
{
    state = event.value(QStringLiteral("state")).toString();
    reason = event.value(QStringLiteral("reason")).toString();
    stateSince = event.value(QStringLiteral("since")).toInteger();
}

void AgentRecord::applyStats(const QJsonObject& row)
{
    const QJsonObject current = row.value(QStringLiteral("current")).toObject();
    interactionId = current.value(QStringLiteral("interactionId")).toInteger();
    channel = current.value(QStringLiteral("channel")).toString();
    interactionStatus = current.value(QStringLiteral("status")).toString();
    customerId = current.value(QStringLiteral("customerId")).toInteger();
    customerName = current.value(QStringLiteral("customerName")).toString();
    const QJsonValue answered = current.value(QStringLiteral("answeredAt"));
    interactionSince
        = answered.isDouble() ? answered.toInteger() : current.value(QStringLiteral("offeredAt")).toInteger();
    handled = row.value(QStringLiteral("handled")).toInteger();
    averageHandleTime = optionalNumber(row.value(QStringLiteral("averageHandleTime")));
    averageCsat = optionalNumber(row.value(QStringLiteral("averageCsat")));
    firstContactResolutionPct = optionalNumber(row.value(QStringLiteral("firstContactResolutionPct")));
    averageSentiment = optionalNumber(row.value(QStringLiteral("averageSentiment")));
}
