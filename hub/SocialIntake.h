#pragma once

#include "ChangeRecord.h"
#include "SocialTicketRules.h"
#include "analysis/TextAnalyzer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

class SqliteHubStorage;

// One event a social network (or the simulator) reports: a post, mention,
// comment, direct message, like, share, tag or follow.
struct SocialEvent
{
    QString network;
    QString kind;
    QString externalId; // the network's id; (network, externalId) is unique
    QString handle; // normalised: lower case, no leading '@'
    qint64 followers = 0;
    QString text; // exactly as written (HTML, RTL marks and all); empty for a like or a follow
    QString url;
    std::optional<qint64> postedAt;
    QString parentExternalId; // what a comment or reply answers, on the same network

    // Reads and checks a webhook body; throws ApiError 400 naming the field.
    static SocialEvent fromJson(const QByteArray& body);
    // Whether this kind carries words to store, analyse and answer.
    static bool hasText(const QString& kind);
};

// What the hub does with a social event, whoever reports it (the webhook
// POST /api/v1/social/events or the simulator): stores it once, links the
// author to the customer who owns the handle, reads its language, sentiment
// and intent with TextAnalyzer, and asks the ticket rules whether it needs
// an answer. If so it opens a ticket on the social queue of the author's
// language with an inbound social interaction of that ticket, which routing
// then offers like any other. Runs inside the caller's transaction.
class SocialIntake
{
public:
    struct Outcome
    {
        QList<ChangeRecord> changes; // feed order; the social activity is last
        qint64 activityId = 0;
        std::optional<qint64> customerId;
        std::optional<qint64> ticketId;
        std::optional<qint64> interactionId;
        QString rule; // the ticket rule that matched
        bool duplicate = false; // already received: nothing was written
    };

    explicit SocialIntake(SqliteHubStorage& storage);

    Outcome receive(const SocialEvent& event, qint64 now);

    const SocialTicketRules& rules() const { return m_rules; }
    // Validated already; call inside a transaction.
    void replaceRules(const SocialTicketRules& rules, const QString& login, qint64 now);

    // A reply to a ticketed social interaction goes back on the network: an
    // outbound social interaction of the ticket (ended at once, by the
    // agent) and the reply itself as social activity under the original
    // post. Returns no changes when the interaction has no social ticket.
    QList<ChangeRecord> postReply(qint64 interactionId, std::optional<qint64> agentId, const QString& text, qint64 now);

private:
    SqliteHubStorage& m_storage;
    TextAnalyzer m_analyzer;
    SocialTicketRules m_rules;
};
