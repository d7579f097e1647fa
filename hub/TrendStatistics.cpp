#include "TrendStatistics.h"

#include "HubClock.h"
#include "QueueStatistics.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <cmath>
#include <vector>

namespace {

struct Bucket
{
    qint64 offered = 0, answered = 0, abandoned = 0, withinTarget = 0, slDenominator = 0, waiting = 0;
    QMap<QString, QPair<double, qint64>> sentiment; // channel -> sum, count
};

QJsonValue rounded(double numerator, qint64 denominator, double scale, double precision)
{
    if (denominator <= 0)
        return QJsonValue(QJsonValue::Null);
    return std::round(numerator * scale / double(denominator) * precision) / precision;
}

QJsonArray countsByName(const QHash<QString, qint64>& counts, const QString& nameKey)
{
    QList<QPair<QString, qint64>> sorted;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sorted.append({ it.key(), it.value() });
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QJsonArray list;
    for (const auto& [name, count] : sorted)
        list.append(QJsonObject { { nameKey, name }, { QStringLiteral("count"), count } });
    return list;
}

} // namespace

TrendStatistics::TrendStatistics(
    SqliteHubStorage& storage, const HubClock& clock, const QueueStatistics& window)
    : m_storage(storage)
    , m_clock(clock)
    , m_window(window)
{ }

QJsonObject TrendStatistics::trends(qint64 bucketSeconds)
{
    const qint64 start = m_window.windowStart();
    const qint64 now = m_clock.nowSecs();
    const qint64 bucketCount = std::max<qint64>(1, (now - start) / bucketSeconds + 1);
    std::vector<Bucket> buckets(static_cast<std::size_t>(bucketCount));
    const auto bucketOf
        = [&](qint64 time) { return std::clamp<qint64>((time - start) / bucketSeconds, 0, bucketCount - 1); };
    QHash<QString, qint64> channels, reasons, dispositions;

    Statement& st = m_storage.db().cached(
        "SELECT i.offered_at, i.answered_at, i.ended_at, i.status, i.channel, i.sentiment, "
        "coalesce(i.contact_reason, ''), coalesce(i.disposition, ''), coalesce(q.service_level_seconds, 0), "
        "i.wait_seconds FROM interactions i LEFT JOIN queues q ON q.id = i.queue_id WHERE i.offered_at >= "
        "?1");
    st.bind(1, start);
    while (st.step()) {
        const qint64 offeredAt = st.int64(0);
        const std::optional<qint64> answeredAt = st.optInt64(1);
        const std::optional<qint64> endedAt = st.optInt64(2);
        const QString status = st.text(3);
        const QString channel = st.text(4);
        const qint64 target = st.int64(8);
        Bucket& bucket = buckets[std::size_t(bucketOf(offeredAt))];
        ++bucket.offered;
        ++channels[channel];
        if (!st.text(6).isEmpty())
            ++reasons[st.text(6)];
        if (!st.text(7).isEmpty())
            ++dispositions[st.text(7)];
        // The service level as QueueStatistics counts it, per arrival bucket.
        if (answeredAt) {
            ++bucket.answered;
            ++bucket.slDenominator;
            if (st.optInt64(9).value_or(*answeredAt - offeredAt) <= target)
                ++bucket.withinTarget;
        } else if (status == QLatin1String("abandoned")) {
            ++bucket.abandoned;
            if (st.optInt64(9).value_or(endedAt.value_or(offeredAt) - offeredAt) >= target)
                ++bucket.slDenominator;
        } else if ((status == QLatin1String("queued") || status == QLatin1String("offered"))
            && now - offeredAt >= target) {
            ++bucket.slDenominator;
        }
        // Waiting at the end of every bucket between its arrival and its answer (or end).
        const qint64 leftAt = answeredAt ? *answeredAt : endedAt ? *endedAt : now + 1;
        for (qint64 k = bucketOf(offeredAt); k < bucketCount; ++k) {
            const qint64 bucketEnd = std::min(start + (k + 1) * bucketSeconds, now);
            if (bucketEnd < offeredAt)
                continue;
            if (bucketEnd >= leftAt)
                break;
            ++buckets[std::size_t(k)].waiting;
        }
        if (!st.isNull(5) && endedAt) {
            auto& [sum, count] = buckets[std::size_t(bucketOf(*endedAt))].sentiment[channel];
            sum += st.real(5);
            ++count;
        }
    }
    st.reset();

    QJsonArray bucketList;
    for (qint64 k = 0; k < bucketCount; ++k) {
        const Bucket& b = buckets[std::size_t(k)];
        QJsonObject sentiment;
        for (auto it = b.sentiment.cbegin(); it != b.sentiment.cend(); ++it)
            sentiment.insert(it.key(), rounded(it.value().first, it.value().second, 1.0, 100.0));
        bucketList.append(QJsonObject {
            { QStringLiteral("start"), start + k * bucketSeconds },
            { QStringLiteral("offered"), b.offered },
            { QStringLiteral("answered"), b.answered },
            { QStringLiteral("abandoned"), b.abandoned },
            { QStringLiteral("answeredWithinTarget"), b.withinTarget },
            { QStringLiteral("serviceLevelDenominator"), b.slDenominator },
            { QStringLiteral("serviceLevelPct"),
                rounded(double(b.withinTarget), b.slDenominator, 100.0, 10.0) },
            { QStringLiteral("waiting"), b.waiting },
            { QStringLiteral("sentiment"), sentiment },
        });
    }
    QJsonArray channelList;
    for (const QJsonValue& entry : countsByName(channels, QStringLiteral("channel")))
        channelList.append(QJsonObject { { QStringLiteral("channel"), entry[QStringLiteral("channel")] },
            { QStringLiteral("offered"), entry[QStringLiteral("count")] } });
    return QJsonObject {
        { QStringLiteral("windowStart"), start },
        { QStringLiteral("generatedAt"), now },
        { QStringLiteral("bucketSeconds"), bucketSeconds },
        { QStringLiteral("buckets"), bucketList },
        { QStringLiteral("channels"), channelList },
        { QStringLiteral("contactReasons"), countsByName(reasons, QStringLiteral("reason")) },
        { QStringLiteral("dispositions"), countsByName(dispositions, QStringLiteral("disposition")) },
    };
}
