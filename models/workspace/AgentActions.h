#pragma once

#include "AgentState.h"
#include "domain/Identity.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class Database;
class Store;

// Everything an agent does, in one place and one shape (DESIGN.md: every
// write goes first into the local outbox, in the same transaction as its
// local effect). Each action checks what the backend would check, so a
// mistake is answered at once in words; then writes its effect into the
// store — the state selector, My work and the session show it immediately,
// online or not — and its command into the outbox, together. The sync engine
// delivers the commands in order per entity with their Idempotency-Key;
// what the backend refuses comes back through the outbox (rejected) with
// its reason, and discarding it undoes the effect (LocalEffects).
//
// Rows the backend will number (a reply, a note, a ticket, a callback, an
// identity) are written with a temporary negative id that takes the
// backend's id when it answers. The acting agent is set once signed in
// (setAgent); actions on one's own work need it.
//
// Lives on the GUI thread with the store the window reads; commandQueued()
// tells the sync engine (on its thread) there is something to send.
class AgentActions : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        // The command's Idempotency-Key.
        QString key;
        // The row the action made (negative until the backend numbers it), if any.
        qint64 id = 0;
        // Why the action was not taken, for the agent.
        QString error;
        explicit operator bool() const { return ok; }
    };

    struct TicketDraft
    {
        qint64 customerId = 0;
        QString subject;
        QString description;
        QString priority = QStringLiteral("normal");
        std::optional<qint64> queueId;
        std::optional<qint64> interactionId;
    };

    // Absent fields keep their value.
    struct TicketChange
    {
        std::optional<QString> status;
        std::optional<QString> priority;
        std::optional<QString> subject;
        std::optional<QString> description;
        // assignTo: set with assigneeId (nullopt hands the ticket back to its queue).
        bool assign = false;
        std::optional<qint64> assigneeId;
    };

    struct CallbackRequest
    {
        qint64 customerId = 0;
        QString phone;
        qint64 dueAt = 0; // UTC seconds
        std::optional<qint64> queueId;
        QString note;
    };

    explicit AgentActions(Store& store, QObject* parent = nullptr);

    // The agent whose work this desk does (0: nobody signed in yet).
    void setAgent(qint64 agentId);
    qint64 agentId() const { return m_agentId; }
    // A desk that sends nothing (--offline) refuses every action with this reason.
    void setUnavailable(const QString& reason) { m_unavailable = reason; }

    Result setState(AgentState::Value state, const QString& reason = QString());

    Result acceptOffer(qint64 interactionId);
    Result declineOffer(qint64 interactionId);
    Result hold(qint64 interactionId);
    Result resume(qint64 interactionId);
    Result transferToQueue(qint64 interactionId, qint64 queueId);
    Result transferToAgent(qint64 interactionId, qint64 agentId);
    Result end(qint64 interactionId);
    Result reply(qint64 interactionId, const QString& text);
    Result addNote(qint64 interactionId, const QString& text);
    Result setDisposition(qint64 interactionId, const QString& disposition, const QString& contactReason);
    Result finishWrapUp(qint64 interactionId);

    Result createTicket(const TicketDraft& draft);
    Result updateTicket(qint64 ticketId, const TicketChange& change);
    Result scheduleCallback(const CallbackRequest& request);

    // Moves everything of mergedId's to survivorId. `fields` names the side
    // kept per field in the feed's names ({"city": "merged"}, as the
    // backend's merge takes it); unnamed fields follow MergeFields::proposed.
    // The command names every field's side, so the backend does what the desk shows.
    Result mergeCustomers(qint64 survivorId, qint64 mergedId, const QJsonObject& fields = {});
    // Undoes this desk's merge of mergedId (the merge record is kept locally).
    Result undoMerge(qint64 mergedId);
    Result linkIdentity(
        qint64 customerId, IdentityKind kind, const QString& value, const QString& network = QString());

Q_SIGNALS:
    // Something is in the outbox: the sync engine should deliver.
    void commandQueued();
    // An action's local effect is in the store: these views refresh.
    void storeChanged(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);

private:
    // What an action writes besides its command; returns the command.
    struct Command
    {
        QString entityKind;
        QString entityId;
        QString name;
        QByteArray method = "POST";
        QString path;
        QJsonObject body;
        QJsonObject local;
        bool barrier = false;
        qint64 createdId = 0;
        QList<qint64> customers;
        QList<qint64> interactions;
    };
    struct Live
    {
        qint64 id = 0;
        QString status;
        QString channel;
        std::optional<qint64> agentId;
        std::optional<qint64> customerId;
        QString disposition;
        QString contactReason;
    };

    // Runs write in one transaction with the command it returns; StoreError
    // and refusals (thrown as Refusal) become the Result's error.
    Result run(const std::function<Command()>& write);
    [[noreturn]] static void refuse(const QString& why);
    void requireAgent() const;
    Live interaction(qint64 id);
    Live ownInteraction(qint64 id, const QString& action);
    QJsonObject updateAgentState(qint64 agentId, AgentState::Value state, const QString& reason);
    Command interactionCommand(const Live& interaction, const QString& name, const QString& pathSuffix,
        const QJsonObject& body, const QJsonArray& updated);
    Result writeMessage(qint64 interactionId, const QString& text, bool note);
    bool exists(const char* table, qint64 id);
    QString agentName();

    Store& m_store;
    Database& m_db;
    qint64 m_agentId = 0;
    QString m_unavailable;
};
