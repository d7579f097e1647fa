#include "ClassificationReport.h"

#include <algorithm>

ClassificationReport::ClassificationReport(QStringList classes)
    : m_classes(std::move(classes))
    , m_counts(std::size_t(m_classes.size()), std::vector<int>(std::size_t(m_classes.size()), 0))
{ }

void ClassificationReport::add(int truth, int predicted)
{
    ++m_counts[std::size_t(truth)][std::size_t(predicted)];
    ++m_total;
}

double ClassificationReport::accuracy() const
{
    int right = 0;
    for (std::size_t c = 0; c < m_counts.size(); ++c)
        right += m_counts[c][c];
    return m_total ? double(right) / m_total : 0;
}

double ClassificationReport::macroF1() const
{
    double sum = 0;
    int classes = 0;
    const std::size_t n = m_counts.size();
    for (std::size_t c = 0; c < n; ++c) {
        int truth = 0, predicted = 0;
        for (std::size_t k = 0; k < n; ++k) {
            truth += m_counts[c][k];
            predicted += m_counts[k][c];
        }
        if (truth == 0 && predicted == 0)
            continue;
        ++classes;
        const int right = m_counts[c][c];
        if (right > 0)
            sum += 2.0 * right / double(truth + predicted);
    }
    return classes ? sum / classes : 0;
}

QStringList ClassificationReport::confusionLines(const QString& title) const
{
    int width = 9;
    for (const QString& name : m_classes)
        width = std::max(width, int(name.size()));
    const QString corner = title + QStringLiteral(" (truth \\ predicted)");
    const int first = std::max(int(corner.size()), width);
    QStringList lines;
    QString header = corner.leftJustified(first);
    for (const QString& name : m_classes)
        header += QStringLiteral(" | ") + name.rightJustified(width);
    lines.append(header);
    for (std::size_t r = 0; r < m_counts.size(); ++r) {
        QString line = m_classes.at(qsizetype(r)).leftJustified(first);
        for (const int count : m_counts[r])
            line += QStringLiteral(" | ") + QString::number(count).rightJustified(width);
        lines.append(line);
    }
    return lines;
}
