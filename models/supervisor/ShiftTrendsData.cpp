#include "ShiftTrendsData.h"

#include "AgentRecord.h"

#include <QJsonArray>

namespace {

QList<QPair<QString, qint64>> counts(const QJsonArray& list, const QString& nameKey, const QString& countKey)
{
    QList<QPair<QString, qint64>> result;
    for (const QJsonValue& entry : list)
        result.append(
            { entry.toObject().value(nameKey).toString(), entry.toObject().value(countKey).toInteger() });
    return result;
}

} // namespace

ShiftTrendsData ShiftTrendsData::fromJson(const QJsonObject& object)
{
    ShiftTrendsData data;
    data.windowStart = object.value(QStringLiteral("windowStart")).toInteger();
    data.generatedAt = object.value(QStringLiteral("generatedAt")).toInteger();
    data.bucketSeconds = object.value(QStringLiteral("bucketSeconds")).toInteger();
    for (const QJsonValue& value : object.value(QStringLiteral("buckets")).toArray()) {
        const QJsonObject b = value.toObject();
        Bucket bucket;
        bucket.start = b.value(QStringLiteral("start")).toInteger();
        bucket.offered = b.value(QStringLiteral("offered")).toInteger();
        bucket.answered = b.value(QStringLiteral("answered")).toInteger();
        bucket.abandoned = b.value(QStringLiteral("abandoned")).toInteger();
        bucket.waiting = b.value(QStringLiteral("waiting")).toInteger();
        bucket.serviceLevelPct = optionalNumber(b.value(QStringLiteral("serviceLevelPct")));
        const QJsonObject sentiment = b.value(QStringLiteral("sentiment")).toObject();
        for (auto it = sentiment.begin(); it != sentiment.end(); ++it) {
            if (it.value().isDouble())
                bucket.sentimentByChannel.insert(it.key(), it.value().toDouble());
        }
        data.buckets.append(bucket);
    }
    data.channels = counts(object.value(QStringLiteral("channels")).toArray(), QStringLiteral("channel"),
        QStringLiteral("offered"));
    data.contactReasons = counts(object.value(QStringLiteral("contactReasons")).toArray(),
        QStringLiteral("reason"), QStringLiteral("count"));
    data.dispositions = counts(object.value(QStringLiteral("dispositions")).toArray(),
        QStringLiteral("disposition"), QStringLiteral("count"));
    return data;
}
