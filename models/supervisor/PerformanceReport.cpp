#include "PerformanceReport.h"

#include "AgentRecord.h"

#include <QJsonArray>

namespace {

PerformanceReport::Row row(const QJsonObject& o)
{
    PerformanceReport::Row row;
    row.agentId = o.value(QStringLiteral("agentId")).toInteger();
    row.team = o.value(QStringLiteral("team")).toString();
    row.name = row.agentId ? o.value(QStringLiteral("displayName")).toString() : row.team;
    row.siteId = o.value(QStringLiteral("siteId")).toInteger();
    row.agents = o.value(QStringLiteral("agents")).toInteger();
    row.handled = o.value(QStringLiteral("handled")).toInteger();
    row.averageHandleTime = optionalNumber(o.value(QStringLiteral("averageHandleTime")));
    row.firstContactResolutionPct = optionalNumber(o.value(QStringLiteral("firstContactResolutionPct")));
    row.averageCsat = optionalNumber(o.value(QStringLiteral("averageCsat")));
    row.averageSentiment = optionalNumber(o.value(QStringLiteral("averageSentiment")));
    return row;
}

} // namespace

PerformanceReport PerformanceReport::fromJson(const QJsonObject& object)
{
    PerformanceReport report;
    report.from = object.value(QStringLiteral("windowStart")).toInteger();
    report.to = object.value(QStringLiteral("windowEnd")).toInteger();
    for (const QJsonValue& value : object.value(QStringLiteral("agents")).toArray()) {
        if (value.toObject().value(QStringLiteral("role")).toString() == QLatin1String("agent"))
            report.agents.append(row(value.toObject()));
    }
    for (const QJsonValue& value : object.value(QStringLiteral("teams")).toArray())
        report.teams.append(row(value.toObject()));
    return report;
}
