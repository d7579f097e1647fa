#include "DemoRandom.h"

DemoRandom::DemoRandom(quint64 seed)
    : m_engine(seed)
{ }

double DemoRandom::real(double lo, double hi, int decimals)
{
    static constexpr qint64 kScale[] = { 1, 10, 100, 1000, 10000 };
    const qint64 scale = kScale[qBound(0, decimals, 4)];
    // Draw an integer number of hundredths (etc.) and divide once: the
    // result is the nearest double to a short decimal, never 0.30000000000000004.
    const qint64 lowUnits = qint64(lo * double(scale) + (lo < 0 ? -0.5 : 0.5));
    const qint64 highUnits = qint64(hi * double(scale) + (hi < 0 ? -0.5 : 0.5));
    return double(range(lowUnits, highUnits)) / double(scale);
}

int DemoRandom::weighted(std::span<const int> weights)
{
    qint64 total = 0;
    for (const int w : weights)
        total += w;
    qint64 r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i])
            return int(i);
        r -= weights[i];
    }
    return int(weights.size()) - 1;
}

quint64 DemoRandom::mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
