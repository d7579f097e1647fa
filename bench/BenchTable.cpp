#include "BenchTable.h"

#include <algorithm>
#include <cstdio>

void BenchTable::add(const QString& figure, const QString& value, const QString& note)
{
    m_rows.append(Row { figure, value, note, false });
}

void BenchTable::section(const QString& title) { m_rows.append(Row { title, QString(), QString(), true }); }

void BenchTable::print() const
{
    int figureWidth = 6, valueWidth = 5;
    for (const Row& row : m_rows) {
        if (row.isSection)
            continue;
        figureWidth = std::max(figureWidth, int(row.figure.size()));
        valueWidth = std::max(valueWidth, int(row.value.size()));
    }
    const auto line = [&](const QString& a, const QString& b, const QString& c) {
        std::printf("%s | %s | %s\n", qPrintable(a.leftJustified(figureWidth)), qPrintable(b.rightJustified(valueWidth)),
            qPrintable(c));
    };
    line(QStringLiteral("figure"), QStringLiteral("value"), QStringLiteral("note"));
    std::printf("%s-|-%s-|-%s\n", QByteArray(figureWidth, '-').constData(), QByteArray(valueWidth, '-').constData(),
        QByteArray(20, '-').constData());
    for (const Row& row : m_rows) {
        if (row.isSection)
            std::printf("%s\n", qPrintable(row.figure.toUpper()));
        else
            line(row.figure, row.value, row.note);
    }
    std::fflush(stdout);
}
