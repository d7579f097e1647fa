#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <optional>

// The shift as GET /stats/trends describes it (hub/TrendStatistics.h): one
// point per bucket, the channel mix and the contact reasons. Times are hub
// seconds.
struct ShiftTrendsData
{
    struct Bucket
    {
        qint64 start = 0;
        qint64 offered = 0;
        qint64 answered = 0;
        qint64 abandoned = 0;
        qint64 waiting = 0;
        std::optional<double> serviceLevelPct;
        QMap<QString, double> sentimentByChannel;
        bool operator==(const Bucket& other) const = default;
    };
    qint64 windowStart = 0;
    qint64 generatedAt = 0;
    qint64 bucketSeconds = 0;
    QList<Bucket> buckets;
    QList<QPair<QString, qint64>> channels; // most offered first
    QList<QPair<QString, qint64>> contactReasons; // most frequent first
    QList<QPair<QString, qint64>> dispositions;

    static ShiftTrendsData fromJson(const QJsonObject& object);
    bool operator==(const ShiftTrendsData& other) const = default;
};
