#pragma once

#include <QString>
#include <vector>

// Formatting and statistics shared by the benches.
namespace BenchFigures {

QString number(double value, int decimals = 0);
// 1234567 -> "1,234,567": figures in the README are read at a glance.
QString grouped(qint64 value);
QString micros(qint64 nanoseconds);
QString millis(qint64 nanoseconds);
// Nearest-rank percentile, p in [0, 1]; 0 for no samples.
qint64 percentile(std::vector<qint64> samples, double p);
// The CPU's model name, so a table says which machine produced it.
QString cpuModel();

} // namespace BenchFigures
