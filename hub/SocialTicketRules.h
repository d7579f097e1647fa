#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class Database;

// What the ticket rules look at in one social event.
struct SocialPostFacts
{
    QString network;
    QString kind;
    QString intent; // complaint, question, praise, other; empty without text
    std::optional<double> sentiment;
    qint64 followers = 0;
    QString tier; // the known customer's tier; empty for a stranger
    QString text;
};

// Which social events become tickets on the social queue, and how urgent.
// Rules are tried in order and the first whose every condition holds wins
// (an ordered list reads like a supervisor's checklist: "influencer
// complaints are urgent, then gold customers, then any complaint"). Within a
// condition a list means any of its values. Stored as JSON in hub_state so a
// supervisor changes them without a restart; every field is checked on PUT
// and a mistake names its path ("rules[2].when.minFollowers").
class SocialTicketRules
{
public:
    struct Rule
    {
        QString name;
        QString priority; // low, normal, high, urgent
        QStringList intents;
        QStringList networks;
        QStringList kinds;
        QStringList tiers; // "none" matches authors who are not customers
        QStringList keywords; // any, case-insensitive, anywhere in the text
        std::optional<double> maxSentiment;
        std::optional<double> minSentiment;
        std::optional<qint64> minFollowers;
    };
    struct Match
    {
        QString rule;
        QString priority;
    };

    // Throws ApiError 400 naming the first wrong field.
    static SocialTicketRules fromJson(const QJsonObject& document);
    // What a new hub starts with: complaints and questions need an answer.
    static SocialTicketRules defaults();
    static SocialTicketRules load(Database& db);
    void save(Database& db, const QString& login, qint64 now) const;

    QJsonObject toJson() const;
    std::optional<Match> evaluate(const SocialPostFacts& facts) const;
    // The account replies are posted from, per network it is the same name.
    const QString& replyHandle() const { return m_replyHandle; }
    // Who changed the rules last and when (empty/0 for the defaults).
    const QString& updatedBy() const { return m_updatedBy; }
    qint64 updatedAt() const { return m_updatedAt; }

    static const QStringList& networks();
    static const QStringList& kinds();

private:
    QList<Rule> m_rules;
    QString m_replyHandle;
    QString m_updatedBy;
    qint64 m_updatedAt = 0;
};
