#pragma once

#include <QList>
#include <QString>

// The plain "figure | value | note" table every bench prints, so figures
// from different benches read (and paste into the README) the same way.
class BenchTable
{
public:
    void add(const QString& figure, const QString& value, const QString& note = QString());
    void section(const QString& title);
    void print() const;

private:
    struct Row
    {
        QString figure;
        QString value;
        QString note;
        bool isSection = false;
    };
    QList<Row> m_rows;
};
