#include "ActiveInteraction.h"

#include "store/Store.h"

#include <QCoreApplication>

ActiveInteraction::ActiveInteraction(Store& store)
    : m_store(store)
{ }

std::optional<ActiveInteraction::State> ActiveInteraction::read(qint64 interactionId) const
{
    Statement& st = m_store.db().cached(
        "SELECT id, coalesce(customer_id, 0), agent_id, channel, status, coalesce(subject, ''), "
        "coalesce(language, ''), offered_at, answered_at, coalesce(disposition, ''), "
        "coalesce(contact_reason, '') "
        "FROM interactions WHERE id = ?");
    st.bind(1, interactionId);
    std::optional<State> state;
    if (st.step()) {
        state = State { st.int64(0), st.int64(1), st.optInt64(2), st.text(3), st.text(4), st.text(5),
            st.text(6), st.int64(7), st.optInt64(8), st.text(9), st.text(10) };
    }
    st.reset();
    return state;
}

qint64 ActiveInteraction::liveInteractionOf(qint64 customerId, qint64 agentId) const
{
    if (agentId <= 0)
        return 0;
    // Through the partial index on an agent's live interactions.
    Statement& st = m_store.db().cached(
        "SELECT id FROM interactions WHERE agent_id = ? AND status IN ('offered','active','held','wrap_up') "
        "AND customer_id = ? ORDER BY offered_at DESC, id DESC LIMIT 1");
    st.bind(1, agentId).bind(2, customerId);
    const qint64 id = st.step() ? st.int64(0) : 0;
    st.reset();
    return id;
}

QList<ActiveInteraction::Choice> ActiveInteraction::queues() const
{
    QList<Choice> choices;
    Statement& st = m_store.db().cached("SELECT id, name FROM queues ORDER BY name");
    while (st.step())
        choices.append({ st.int64(0), st.text(1) });
    st.reset();
    return choices;
}

QList<ActiveInteraction::Choice> ActiveInteraction::readyAgents(qint64 exceptAgentId) const
{
    QList<Choice> choices;
    Statement& st = m_store.db().cached("SELECT id, display_name FROM agents WHERE state = 'ready' AND id <> "
                                        "? ORDER BY display_name LIMIT 200");
    st.bind(1, exceptAgentId);
    while (st.step())
        choices.append({ st.int64(0), st.text(1) });
    st.reset();
    return choices;
}

QHash<QString, QString> ActiveInteraction::placeholderValues(
    qint64 customerId, qint64 agentId, qint64 interactionId) const
{
    QHash<QString, QString> values;
    Statement& customer
        = m_store.db().cached("SELECT first_name, last_name, display_name FROM customers WHERE id = ?");
    customer.bind(1, customerId);
    if (customer.step()) {
        values.insert(QStringLiteral("firstName"), customer.text(0));
        values.insert(QStringLiteral("lastName"), customer.text(1));
        values.insert(QStringLiteral("customerName"), customer.text(2));
    }
    customer.reset();
    Statement& agent = m_store.db().cached("SELECT display_name FROM agents WHERE id = ?");
    agent.bind(1, agentId);
    if (agent.step())
        values.insert(QStringLiteral("agentName"), agent.text(0));
    agent.reset();
    // The ticket the customer is most likely talking about: the open one
    // last touched. One the backend has not numbered yet (negative) has no
    // number to give the customer.
    Statement& ticket = m_store.db().cached(
        "SELECT id FROM tickets WHERE customer_id = ? AND status NOT IN ('solved','closed') AND id > 0 "
        "ORDER BY updated_at DESC, id DESC LIMIT 1");
    ticket.bind(1, customerId);
    if (ticket.step())
        values.insert(QStringLiteral("ticketId"), QString::number(ticket.int64(0)));
    ticket.reset();
    if (interactionId > 0)
        values.insert(QStringLiteral("interactionId"), QString::number(interactionId));
    return values;
}

namespace {

struct CodeText
{
    const char* key;
    const char* label;
};

// The keys are the backend's (and the demo data's); the labels are for people.
constexpr CodeText kDispositions[] { { "resolved", QT_TRANSLATE_NOOP("ActiveInteraction", "Resolved") },
    { "follow_up", QT_TRANSLATE_NOOP("ActiveInteraction", "Follow-up needed") },
    { "escalated", QT_TRANSLATE_NOOP("ActiveInteraction", "Escalated") },
    { "callback_scheduled", QT_TRANSLATE_NOOP("ActiveInteraction", "Callback scheduled") },
    { "transferred", QT_TRANSLATE_NOOP("ActiveInteraction", "Transferred") },
    { "information_sent", QT_TRANSLATE_NOOP("ActiveInteraction", "Information sent") },
    { "sale", QT_TRANSLATE_NOOP("ActiveInteraction", "Sale") },
    { "retained", QT_TRANSLATE_NOOP("ActiveInteraction", "Retained") },
    { "cancelled", QT_TRANSLATE_NOOP("ActiveInteraction", "Cancelled") } };

constexpr CodeText kContactReasons[] { { "billing", QT_TRANSLATE_NOOP("ActiveInteraction", "Billing") },
    { "technical_fault", QT_TRANSLATE_NOOP("ActiveInteraction", "Technical fault") },
    { "relocation", QT_TRANSLATE_NOOP("ActiveInteraction", "Moving home") },
    { "cancellation", QT_TRANSLATE_NOOP("ActiveInteraction", "Cancellation") },
    { "new_contract", QT_TRANSLATE_NOOP("ActiveInteraction", "New contract") },
    { "delivery", QT_TRANSLATE_NOOP("ActiveInteraction", "Delivery") },
    { "complaint", QT_TRANSLATE_NOOP("ActiveInteraction", "Complaint") },
    { "information", QT_TRANSLATE_NOOP("ActiveInteraction", "Information") },
    { "payment", QT_TRANSLATE_NOOP("ActiveInteraction", "Payment") },
    { "plan_change", QT_TRANSLATE_NOOP("ActiveInteraction", "Plan change") } };

// Outcomes no agent chooses: the system or the customer ended the contact.
constexpr CodeText kSystemOutcomes[] { { "abandoned", QT_TRANSLATE_NOOP("ActiveInteraction", "Abandoned") },
    { "no_answer", QT_TRANSLATE_NOOP("ActiveInteraction", "No answer") },
    { "notification_sent", QT_TRANSLATE_NOOP("ActiveInteraction", "Notification sent") },
    { "answered_by_community", QT_TRANSLATE_NOOP("ActiveInteraction", "Answered by the community") },
    { "self_served", QT_TRANSLATE_NOOP("ActiveInteraction", "Self-served") },
    { "transferred_to_agent", QT_TRANSLATE_NOOP("ActiveInteraction", "Transferred to an agent") } };

template <std::size_t N> QString label(const CodeText (&texts)[N], const QString& key)
{
    for (const CodeText& text : texts) {
        if (key == QLatin1String(text.key))
            return QCoreApplication::translate("ActiveInteraction", text.label);
    }
    return {};
}

template <std::size_t N> QList<ActiveInteraction::Code> codes(const CodeText (&texts)[N])
{
    QList<ActiveInteraction::Code> result;
    for (const CodeText& text : texts)
        result.append(
            { QLatin1String(text.key), QCoreApplication::translate("ActiveInteraction", text.label) });
    return result;
}

} // namespace

QList<ActiveInteraction::Code> ActiveInteraction::dispositions()
{
    return codes(kDispositions);
}

QList<ActiveInteraction::Code> ActiveInteraction::contactReasons()
{
    return codes(kContactReasons);
}

QString ActiveInteraction::dispositionLabel(const QString& key)
{
    const QString chosen = label(kDispositions, key);
    return chosen.isEmpty() ? label(kSystemOutcomes, key) : chosen;
}

QString ActiveInteraction::contactReasonLabel(const QString& key)
{
    return label(kContactReasons, key);
}

bool ActiveInteraction::isLive(const QString& status)
{
    return status == QLatin1String("offered") || status == QLatin1String("active")
        || status == QLatin1String("held") || status == QLatin1String("wrap_up");
}

bool ActiveInteraction::isWritten(const QString& channel)
{
    return channel == QLatin1String("email") || channel == QLatin1String("chat")
        || channel == QLatin1String("sms") || channel == QLatin1String("social");
}
