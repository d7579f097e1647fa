#include "BenchFigures.h"

#include <QFile>
#include <QSysInfo>
#include <algorithm>
#include <cstdlib>

namespace BenchFigures {

QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }

QString grouped(qint64 value)
{
    QString digits = QString::number(std::llabs(value));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QStringLiteral("-") + digits : digits;
}

QString micros(qint64 nanoseconds) { return number(double(nanoseconds) / 1000.0, 1) + QStringLiteral(" µs"); }

QString millis(qint64 nanoseconds) { return number(double(nanoseconds) / 1e6, 2) + QStringLiteral(" ms"); }

qint64 percentile(std::vector<qint64> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = std::size_t(p * double(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

} // namespace BenchFigures
