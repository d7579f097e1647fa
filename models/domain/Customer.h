#pragma once

#include <QString>

// A customer's profile as the agent sees it on the card.
struct Customer
{
    qint64 id = 0;
    QString firstName;
    QString lastName;
    QString displayName;
    QString company;
    QString language = QStringLiteral("it");
    QString tier = QStringLiteral("standard");
    bool vip = false;
    double lifetimeValue = 0;
    QString city;
    QString address;
    QString country;
    bool consentMarketing = false;
    bool consentRecording = false;
    bool consentProfiling = false;
    QString crmFields = QStringLiteral("{}"); // JSON object of CRM-specific fields
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};
