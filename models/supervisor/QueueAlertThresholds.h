#pragma once

// When a queue raises an alert on the supervisor's banner. A zero turns a
// check off. The minimum counts keep a quiet queue from alarming on its
// first contacts of the day (one abandon out of two is 50 %).
struct QueueAlertThresholds
{
    bool serviceLevelBelowTarget = true; // against the queue's own target
    int longestWaitSeconds = 120;
    double abandonedPct = 10.0;
    // Social queues: share of recent contacts (15 min) with a negative sentiment.
    double socialNegativePct = 40.0;
    int minimumContacts = 10; // offered (or counted for the SL) before SL and abandonment alert
    int minimumRecentSentiments = 3; // recent contacts with a sentiment before the spike alert
    bool operator==(const QueueAlertThresholds& other) const = default;
};
