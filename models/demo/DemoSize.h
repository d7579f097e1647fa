#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// How much demo data to generate, chosen by one name (--demo-size tiny,
// small, ...). Everything else the generator makes (tickets, callbacks,
// messages) follows from these counts and the seed.
struct DemoSize
{
    QString name;
    qint64 customers = 0;
    // Interactions over the whole history, on every channel.
    qint64 interactions = 0;
    int agents = 0;
    // Social posts, likes, follows... beyond those answered as interactions.
    qint64 socialActivities = 0;
    // Days of history before the reference time.
    int historyDays = 3 * 365;
    // Only text interactions newer than this carry their messages. A real
    // centre archives old transcripts, and storing them all for the bigger
    // sizes would make the database mostly message bodies (10 million
    // interactions would bring some 25 million messages).
    int transcriptDays = 3 * 365;
    QString description;

    // tiny, small, medium, large, huge; nullopt for any other name.
    static std::optional<DemoSize> byName(const QString& name);
    static QStringList names();
    // The quick-start default.
    static DemoSize defaultSize();
};
