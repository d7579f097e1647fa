#include "QueueStats.h"

#include "AgentRecord.h"

#include <QJsonArray>

QueueStatsRow QueueStatsRow::fromJson(Kind kind, const QJsonObject& o)
{
    QueueStatsRow row;
    row.kind = kind;
    switch (kind) {
    case Kind::Queue:
        row.id = o.value(QStringLiteral("queueId")).toInteger();
        row.name = o.value(QStringLiteral("name")).toString();
        break;
    case Kind::Site:
        row.id = o.value(QStringLiteral("siteId")).toInteger();
        row.name = o.value(QStringLiteral("name")).toString();
        break;
    case Kind::All:
        break;
    }
    row.channel = o.value(QStringLiteral("channel")).toString();
    row.language = o.value(QStringLiteral("language")).toString();
    if (kind == Kind::Queue)
        row.siteId = o.value(QStringLiteral("siteId")).toInteger();
    row.serviceLevelTargetPct = o.value(QStringLiteral("serviceLevelTargetPct")).toInt();
    row.serviceLevelSeconds = o.value(QStringLiteral("serviceLevelSeconds")).toInt();
    row.waiting = o.value(QStringLiteral("waiting")).toInteger();
    row.longestWaitSeconds = o.value(QStringLiteral("longestWaitSeconds")).toInteger();
    row.offered = o.value(QStringLiteral("offered")).toInteger();
    row.answered = o.value(QStringLiteral("answered")).toInteger();
    row.abandoned = o.value(QStringLiteral("abandoned")).toInteger();
    row.abandonedPct = optionalNumber(o.value(QStringLiteral("abandonedPct")));
    row.averageSpeedOfAnswer = optionalNumber(o.value(QStringLiteral("averageSpeedOfAnswer")));
    row.serviceLevelDenominator = o.value(QStringLiteral("serviceLevelDenominator")).toInteger();
    row.serviceLevelPct = optionalNumber(o.value(QStringLiteral("serviceLevelPct")));
    row.averageHandleTime = optionalNumber(o.value(QStringLiteral("averageHandleTime")));
    row.averageCsat = optionalNumber(o.value(QStringLiteral("averageCsat")));
    row.averageSentiment = optionalNumber(o.value(QStringLiteral("averageSentiment")));
    row.recentSentimentCount = o.value(QStringLiteral("recentSentimentCount")).toInteger();
    row.recentNegativePct = optionalNumber(o.value(QStringLiteral("recentNegativePct")));
    return row;
}

QueueStatsSnapshot QueueStatsSnapshot::fromJson(const QJsonObject& object)
{
    QueueStatsSnapshot snapshot;
    snapshot.generatedAt = object.value(QStringLiteral("generatedAt")).toInteger();
    snapshot.windowStart = object.value(QStringLiteral("windowStart")).toInteger();
    if (object.value(QStringLiteral("all")).isObject())
        snapshot.rows.append(QueueStatsRow::fromJson(
            QueueStatsRow::Kind::All, object.value(QStringLiteral("all")).toObject()));
    for (const QJsonValue& site : object.value(QStringLiteral("sites")).toArray())
        snapshot.rows.append(QueueStatsRow::fromJson(QueueStatsRow::Kind::Site, site.toObject()));
    for (const QJsonValue& queue : object.value(QStringLiteral("queues")).toArray())
        snapshot.rows.append(QueueStatsRow::fromJson(QueueStatsRow::Kind::Queue, queue.toObject()));
    return snapshot;
}

const QueueStatsRow* QueueStatsSnapshot::find(QueueStatsRow::Kind kind, qint64 id) const
{
    for (const QueueStatsRow& row : rows) {
        if (row.kind == kind && row.id == id)
            return &row;
    }
    return nullptr;
}
