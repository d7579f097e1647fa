#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

class Store;

// What a session page needs to know about the interaction in front and
// cannot get from the context panel's models: its live state (status,
// channel, answered time, disposition), where it can be transferred, the
// values canned responses fill in, and the wrap-up codes to choose from.
// A plain reader of the local store on the GUI thread: indexed lookups only.
class ActiveInteraction
{
public:
    struct State
    {
        qint64 id = 0;
        qint64 customerId = 0;
        std::optional<qint64> agentId;
        QString channel;
        QString status;
        QString subject;
        QString language;
        qint64 offeredAt = 0;
        std::optional<qint64> answeredAt;
        QString disposition;
        QString contactReason;
    };
    struct Choice
    {
        qint64 id = 0;
        QString name;
    };
    struct Code
    {
        QString key;
        QString label;
    };

    explicit ActiveInteraction(Store& store);

    // The interaction's state; nullopt when it is not in the store.
    std::optional<State> read(qint64 interactionId) const;
    // The customer's interaction the agent is handling now (offered, active,
    // held or in wrap-up, newest first), or 0.
    qint64 liveInteractionOf(qint64 customerId, qint64 agentId) const;
    // Where a transfer can go: every queue, and ready agents other than this one.
    QList<Choice> queues() const;
    QList<Choice> readyAgents(qint64 exceptAgentId) const;
    // The values a canned response fills in for this customer and agent.
    QHash<QString, QString> placeholderValues(qint64 customerId, qint64 agentId, qint64 interactionId) const;

    // The outcomes and reasons the backend's reports group by.
    static QList<Code> dispositions();
    static QList<Code> contactReasons();
    // The label people read for a stored disposition (including the outcomes
    // the system sets, such as "abandoned") or contact reason key; empty when
    // the key is not one this desk knows.
    static QString dispositionLabel(const QString& key);
    static QString contactReasonLabel(const QString& key);
    static bool isLive(const QString& status);
    static bool isWritten(const QString& channel);

private:
    Store& m_store;
};
