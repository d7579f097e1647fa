#pragma once

#include <QString>
#include <QStringList>

// Two customers the duplicate finder thinks may be one person: how likely, in
// [0, 1], and why, in words an agent reads before merging them.
struct DuplicatePair
{
    qint64 first = 0; // the lower customer id
    qint64 second = 0;
    double score = 0;
    QStringList reasons;
};
