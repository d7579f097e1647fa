#pragma once

#include <QList>
#include <QtGlobal>
#include <random>
#include <span>

// The demo generator's only source of chance. std::mt19937_64 is specified
// bit for bit by the standard, but std::uniform_int_distribution and friends
// are not (libstdc++, libc++ and MSVC give different numbers), so every
// draw goes through these small helpers: the same seed gives the same demo
// data on every platform.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed);

    quint64 next() { return m_engine(); }
    // 0 <= result < n (n > 0). Modulo bias is below 2^-40 for every n we use.
    qint64 below(qint64 n) { return qint64(next() % quint64(n)); }
    // lo <= result <= hi.
    qint64 range(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    bool permille(int p) { return below(1000) < p; }
    // 0 <= result < 1 with 53 random bits: exact IEEE arithmetic, no libm.
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // A value in [lo, hi] rounded to `decimals` (0..4) places, so that the
    // text SQLite writes for it is short and the same everywhere.
    double real(double lo, double hi, int decimals = 2);
    // Roughly bell-shaped in [-1, 1] around 0: the mean of three draws.
    double bell() { return (unit() + unit() + unit()) * (2.0 / 3.0) - 1.0; }

    // Index chosen with probability weight[i] / sum(weights).
    int weighted(std::span<const int> weights);
    template <typename T> const T& pick(const QList<T>& list) { return list.at(below(list.size())); }
    template <typename T, std::size_t N> const T& pick(const T (&array)[N])
    {
        return array[below(qint64(N))];
    }

    // A 64-bit bijective mix (splitmix64's finaliser): distinct inputs give
    // distinct outputs, so mixed counters make unique, random-looking ids.
    static quint64 mix(quint64 x);

private:
    std::mt19937_64 m_engine;
};
