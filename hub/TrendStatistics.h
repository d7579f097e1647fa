#pragma once

#include <QJsonObject>

class HubClock;
class QueueStatistics;
class SqliteHubStorage;

// The shift as time series, for the supervisor's charts (GET
// /api/v1/stats/trends): the statistics window ("today") cut into buckets of
// bucketSeconds, each with
//
//   offered, answered, abandoned   contacts that arrived in the bucket
//   answeredWithinTarget, serviceLevelDenominator, serviceLevelPct  the
//                   bucket's own service level, by QueueStatistics' rules
//   waiting         contacts waiting (queued or offered) at the bucket's
//                   end, or now for the bucket in progress
//   sentiment       {channel: mean sentiment} of contacts that ended in it
//
// and, over the whole window, the channel mix (contacts offered by channel)
// and why customers got in touch: counts by contact reason and by
// disposition, most frequent first. One pass over the window's
// interactions (interactions_by_time), so a poll every half minute is cheap.
class TrendStatistics
{
public:
    TrendStatistics(SqliteHubStorage& storage, const HubClock& clock, const QueueStatistics& window);

    QJsonObject trends(qint64 bucketSeconds);

private:
    SqliteHubStorage& m_storage;
    const HubClock& m_clock;
    const QueueStatistics& m_window;
};
