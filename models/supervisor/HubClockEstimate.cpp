#include "HubClockEstimate.h"

#include <algorithm>
#include <cmath>

void HubClockEstimate::observe(qint64 hubSeconds)
{
    if (hubSeconds <= 0)
        return;
    if (!m_timer.isValid())
        m_timer.start();
    const qint64 localMs = m_timer.elapsed();
    if (m_firstHub == 0) {
        m_firstHub = hubSeconds;
        m_firstLocalMs = localMs;
    }
    m_latestHub = hubSeconds;
    m_latestLocalMs = localMs;
    // Stamps are whole seconds: a rate from less than five seconds of
    // observation would be mostly rounding.
    const qint64 spanMs = m_latestLocalMs - m_firstLocalMs;
    if (spanMs >= 5000)
        m_rate = std::max(0.01, double(m_latestHub - m_firstHub) * 1000.0 / double(spanMs));
}

qint64 HubClockEstimate::now() const
{
    if (!isValid())
        return 0;
    const double sinceMs = double(m_timer.elapsed() - m_latestLocalMs);
    const qint64 estimate = m_latestHub + qint64(std::floor(sinceMs * m_rate / 1000.0));
    m_lastAnswer = std::max(m_lastAnswer, estimate);
    return m_lastAnswer;
}
