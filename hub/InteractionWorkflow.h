#pragma once

#include "ChangeRecord.h"

#include <QList>
#include <QString>
#include <optional>

class ApiError;
class SqliteHubStorage;

// An interaction as routing and the commands need it.
struct InteractionRow
{
    qint64 id = 0;
    QString status;
    QString channel;
    std::optional<qint64> customerId;
    std::optional<qint64> queueId;
    std::optional<qint64> agentId;
    QString language;
    qint64 offeredAt = 0;
    std::optional<qint64> answeredAt;
    std::optional<qint64> endedAt;
    QString disposition;
    QString contactReason;
};

// Where a contact came from, as the PBX, widget or gateway named it.
struct ContactIdentity
{
    QString kind; // phone, email, social, crm, chat
    QString value;
    QString network;
    QString name;
};

struct NewInteraction
{
    QString channel;
    bool inbound = true;
    std::optional<qint64> customerId;
    qint64 queueId = 0;
    QString subject;
    QString language;
    std::optional<qint64> ticketId; // a social ticket's contact
    // Kept for the offer (interaction_contacts): an unknown caller's desk links it.
    std::optional<ContactIdentity> from;
};

// The life of an interaction and of the agent handling it, as SQL on the
// domain tables, whoever drives it (an agent's command, routing, the
// simulator):
//
//   queued -> offered -> active <-> held -> wrap_up -> ended
//     ^          |          |                  (wrapUp: needs disposition
//     +----------+----------+ transfer          and contact reason)
//   queued/offered --end--> abandoned (the customer hung up or left)
//
// The agent follows: ready -> busy "ringing" (offered) -> busy (active/held)
// -> after_call_work (wrap_up) -> ready. The schema has no reserved state,
// so ringing is busy with the reason "ringing".
//
// Every method runs inside the caller's transaction, checks the transition
// (ApiError 409 with what to do instead) and returns the feed changes it wrote.
class InteractionWorkflow
{
public:
    explicit InteractionWorkflow(SqliteHubStorage& storage);

    std::optional<InteractionRow> find(qint64 id);
    InteractionRow require(qint64 id); // 404 when unknown
    // The queue for a new interaction: the one with this channel, skill and
    // language, relaxing language then skill; nullopt if no queue takes the channel.
    std::optional<qint64> queueFor(const QString& channel, const QString& skill, const QString& language);
    // The interaction an agent is busy with (offered, active, held, wrap_up).
    std::optional<InteractionRow> liveInteractionOf(qint64 agentId);

    ChangeRecord create(const NewInteraction& interaction, qint64 now);
    QList<ChangeRecord> offer(qint64 interactionId, qint64 agentId, qint64 now);
    // Back to the queue after a decline or a missed offer; the agent goes to agentState.
    QList<ChangeRecord> withdrawOffer(
        const InteractionRow& interaction, const QString& agentState, const QString& agentReason, qint64 now);
    QList<ChangeRecord> accept(const InteractionRow& interaction, qint64 now);
    QList<ChangeRecord> hold(const InteractionRow& interaction, qint64 now);
    QList<ChangeRecord> resume(const InteractionRow& interaction, qint64 now);
    // Into a queue again (the same or another), releasing the agent.
    QList<ChangeRecord> requeue(const InteractionRow& interaction, qint64 queueId, qint64 now);
    QList<ChangeRecord> end(const InteractionRow& interaction, qint64 now);
    QList<ChangeRecord> wrapUp(const InteractionRow& interaction, qint64 now);
    // What the simulator records when a contact finishes.
    QList<ChangeRecord> setOutcome(qint64 interactionId, const QString& disposition, const QString& contactReason,
        std::optional<int> csat, std::optional<double> sentiment, qint64 now);
    ChangeRecord addMessage(qint64 interactionId, const QString& author, const QString& authorName,
        const QString& text, qint64 now);
    ChangeRecord setAgentState(qint64 agentId, const QString& state, const QString& reason, qint64 now);
    QString agentState(qint64 agentId);

    static bool isLive(const QString& status);

private:
    ChangeRecord updateInteraction(const char* sql, qint64 id, qint64 now);
    // A callback's call is over: its callbacks row follows (completed or failed).
    void settleCallback(const InteractionRow& interaction, const QString& status, qint64 now,
        QList<ChangeRecord>* changes);
    static ApiError conflict(const InteractionRow& interaction, const QString& action);

    SqliteHubStorage& m_storage;
};
