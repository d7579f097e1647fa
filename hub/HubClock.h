#pragma once

#include <QtGlobal>

// The time of the contact centre as the hub sees it. At speed 1 it is the
// wall clock; with --sim-speed X it runs X times faster from the moment the
// hub started, so a test can watch an afternoon of simulated traffic in
// seconds while every timestamp, wait and handle time stays consistent
// (they are all read from this one clock). Tokens and idempotency keys keep
// using the wall clock: they are about real clients, not the simulation.
class HubClock
{
public:
    explicit HubClock(double speed = 1.0);

    double speed() const { return m_speed; }
    qint64 nowMs() const;
    qint64 nowSecs() const { return nowMs() / 1000; }
    // Real milliseconds a timer must wait for `clockMs` of hub time to pass.
    int realDelayMs(qint64 clockMs) const;

private:
    qint64 m_originMs;
    double m_speed;
};
