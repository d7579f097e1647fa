#include "HubClock.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

HubClock::HubClock(double speed)
    : m_originMs(QDateTime::currentMSecsSinceEpoch())
    , m_speed(speed > 0 ? speed : 1.0)
{
}

qint64 HubClock::nowMs() const
{
    const qint64 real = QDateTime::currentMSecsSinceEpoch();
    if (m_speed == 1.0)
        return real;
    return m_originMs + qint64(std::llround(double(real - m_originMs) * m_speed));
}

int HubClock::realDelayMs(qint64 clockMs) const
{
    const double real = std::ceil(double(std::max<qint64>(clockMs, 0)) / m_speed);
    return int(std::min(real, 24.0 * 3600 * 1000));
}
