#include "AgentPresence.h"

#include "store/Store.h"
#include "store/StoreError.h"

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcPresence, "unisono.presence", QtInfoMsg)

QString stateValue(Database& db, const char* key)
{
    Statement& st = db.cached("SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    const QString value = st.step() ? st.text(0) : QString();
    st.reset();
    return value;
}

} // namespace

AgentPresence::AgentPresence(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{ }

qint64 AgentPresence::signedInAgent(Store& store, const QString& login)
{
    if (stateValue(store.db(), "session_login") != login)
        return 0;
    return stateValue(store.db(), "agent_id").toLongLong();
}

qint64 AgentPresence::offlineAgent(Store& store, const QString& login)
{
    Statement& st
        = store.db().cached("SELECT id FROM agents ORDER BY login <> ?, role <> 'agent', id LIMIT 1");
    st.bind(1, login);
    const qint64 id = st.step() ? st.int64(0) : 0;
    st.reset();
    return id;
}

void AgentPresence::setAgent(qint64 agentId)
{
    m_agentId = agentId;
    refresh();
}

qint64 AgentPresence::secondsInState() const
{
    if (!m_since.isValid())
        return 0;
    return std::max<qint64>(0, m_since.secsTo(QDateTime::currentDateTimeUtc()));
}

void AgentPresence::refresh()
{
    bool known = false;
    QString name;
    AgentState::Value state = AgentState::LoggedOut;
    QString reason;
    QDateTime since;
    try {
        Statement& st = m_store.db().cached(
            "SELECT display_name, state, coalesce(state_reason, ''), state_since FROM agents WHERE id = ?");
        st.bind(1, m_agentId);
        if (m_agentId > 0 && st.step()) {
            known = true;
            name = st.text(0);
            state = AgentState::fromKey(st.text(1)).value_or(AgentState::LoggedOut);
            reason = st.text(2);
            if (!st.isNull(3))
                since = QDateTime::fromSecsSinceEpoch(st.int64(3), Qt::UTC);
        }
        st.reset();
    } catch (const StoreError& error) {
        qCWarning(lcPresence) << "could not read the agent's state:" << error.message();
        return;
    }
    if (known == m_known && name == m_displayName && state == m_state && reason == m_reason
        && since == m_since)
        return;
    m_known = known;
    m_displayName = name;
    m_state = state;
    m_reason = reason;
    m_since = since;
    Q_EMIT changed();
}

void AgentPresence::applyLiveEvent(const QString& type, const QJsonObject& data)
{
    if (type != QLatin1String("agent_state")
        || data.value(QStringLiteral("agentId")).toInteger() != m_agentId)
        return;
    // The change that goes with the event is in the store (it is sent first):
    // the row has the whole truth, including the name.
    refresh();
}
