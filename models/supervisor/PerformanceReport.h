#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Agent performance against customer satisfaction over a period, as GET
// /stats/agents answers it: a row per agent and per team (site + team).
struct PerformanceReport
{
    struct Row
    {
        qint64 agentId = 0; // 0 for a team
        QString name; // the agent's, or the team's
        qint64 siteId = 0;
        QString team;
        qint64 agents = 0; // teams only
        qint64 handled = 0;
        std::optional<double> averageHandleTime;
        std::optional<double> firstContactResolutionPct;
        std::optional<double> averageCsat;
        std::optional<double> averageSentiment;
        bool operator==(const Row& other) const = default;
    };
    qint64 from = 0; // hub seconds
    qint64 to = 0;
    QList<Row> agents; // role "agent" only: supervisors take no contacts
    QList<Row> teams;

    static PerformanceReport fromJson(const QJsonObject& object);
};
