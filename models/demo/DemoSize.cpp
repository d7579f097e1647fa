#include "DemoSize.h"

#include <array>

namespace {

// Agents grow slower than customers: a large centre handles more contacts
// per agent because more of them are self-served or asynchronous.
DemoSize make(const char* name, qint64 customers, qint64 interactions, int agents, qint64 social,
    int transcriptDays, const char* description)
{
    DemoSize size;
    size.name = QString::fromLatin1(name);
    size.customers = customers;
    size.interactions = interactions;
    size.agents = agents;
    size.socialActivities = social;
    size.transcriptDays = transcriptDays;
    size.description = QString::fromLatin1(description);
    return size;
}

const std::array<DemoSize, 5>& all()
{
    static const std::array<DemoSize, 5> sizes {
        make("tiny", 60, 600, 14, 120, 3 * 365, "60 customers, 600 interactions: for tests"),
        make("small", 2'000, 40'000, 40, 3'000, 3 * 365,
            "2,000 customers, 40,000 interactions: the quick-start default"),
        make("medium", 50'000, 500'000, 250, 40'000, 3 * 365, "50,000 customers, 500,000 interactions"),
        make("large", 200'000, 2'000'000, 700, 150'000, 365,
            "200,000 customers, 2 million interactions; transcripts for the last year"),
        make("huge", 1'000'000, 10'000'000, 2'000, 600'000, 90,
            "1 million customers, 10 million interactions; transcripts for the last 90 days: for benchmarks"),
    };
    return sizes;
}

} // namespace

std::optional<DemoSize> DemoSize::byName(const QString& name)
{
    const QString wanted = name.trimmed().toLower();
    for (const DemoSize& size : all())
        if (size.name == wanted)
            return size;
    return std::nullopt;
}

QStringList DemoSize::names()
{
    QStringList result;
    for (const DemoSize& size : all())
        result << size.name;
    return result;
}

DemoSize DemoSize::defaultSize()
{
    return *byName(QStringLiteral("small"));
}
