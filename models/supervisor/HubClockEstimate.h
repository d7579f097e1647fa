#pragma once

#include <QElapsedTimer>

// The hub's clock as seen from the desk, for the times that tick on the
// board (time in state, call duration, longest wait). Every timestamp the
// hub sends is on its own clock, which is the wall clock in production but
// runs N times faster under --sim-speed; the desk's clock cannot be trusted
// to agree either way. So the estimate follows the hub's own "generatedAt"
// stamps: the latest one plus the time since, scaled by the rate observed
// between the first and the latest stamp (1 until a few seconds have been
// seen). It never goes backwards, so a ticking duration never shrinks.
class HubClockEstimate
{
public:
    // A timestamp the hub stamped "now" (hub seconds).
    void observe(qint64 hubSeconds);
    bool isValid() const { return m_latestHub > 0; }
    // Hub seconds now; 0 before any observation.
    qint64 now() const;
    double rate() const { return m_rate; }

private:
    QElapsedTimer m_timer;
    qint64 m_firstHub = 0;
    qint64 m_firstLocalMs = 0;
    qint64 m_latestHub = 0;
    qint64 m_latestLocalMs = 0;
    double m_rate = 1.0;
    mutable qint64 m_lastAnswer = 0;
};
