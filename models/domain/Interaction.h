#pragma once

#include "Channel.h"

#include <QString>
#include <optional>

// One contact on one channel: a call, an email thread, a chat, a post answered...
struct Interaction
{
    qint64 id = 0;
    std::optional<qint64> customerId;
    Channel channel = Channel::Voice;
    bool inbound = true;
    QString status = QStringLiteral("ended");
    std::optional<qint64> queueId;
    std::optional<qint64> agentId;
    std::optional<qint64> siteId;
    QString subject;
    QString language;
    qint64 offeredAt = 0;
    std::optional<qint64> answeredAt;
    std::optional<qint64> endedAt;
    std::optional<qint64> waitSeconds;
    std::optional<qint64> handleSeconds;
    QString disposition;
    QString contactReason;
    std::optional<double> sentiment; // -1 .. 1
    std::optional<qint64> csat;      // 1 .. 5
    std::optional<double> revenue;
    // Filled by queries that join: the names an agent reads.
    QString queueName;
    QString agentName;
};
