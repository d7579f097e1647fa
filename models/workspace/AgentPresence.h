#pragma once

#include "AgentState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

class Store;

// The signed-in agent as the top bar shows them: name, state, the reason of
// a not-ready state, and since when. It reads the agent's row in the local
// store (where AgentActions writes a change at once and sync brings the
// hub's word), and a live "agent_state" event for this agent refreshes it
// without waiting for anything else.
class AgentPresence : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString state READ stateKey NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(QDateTime since READ since NOTIFY changed)

public:
    explicit AgentPresence(Store& store, QObject* parent = nullptr);

    // The agent the sync engine signed in as on this store (sync_state), or 0.
    static qint64 signedInAgent(Store& store, const QString& login);
    // For a desk without a backend (--offline, screenshots): the agent this
    // login names, else the first agent — the demo hub signs its default
    // users in the same way.
    static qint64 offlineAgent(Store& store, const QString& login);

    void setAgent(qint64 agentId);
    qint64 agentId() const { return m_agentId; }
    QString displayName() const { return m_displayName; }
    AgentState::Value state() const { return m_state; }
    QString stateKey() const { return AgentState::key(m_state); }
    QString reason() const { return m_reason; }
    QDateTime since() const { return m_since; }
    // Whole seconds in the current state (never negative, whatever the clocks say).
    qint64 secondsInState() const;
    bool isKnown() const { return m_known; }

public Q_SLOTS:
    void refresh();
    void applyLiveEvent(const QString& type, const QJsonObject& data);

Q_SIGNALS:
    void changed();

private:
    Store& m_store;
    qint64 m_agentId = 0;
    bool m_known = false;
    QString m_displayName;
    AgentState::Value m_state = AgentState::LoggedOut;
    QString m_reason;
    QDateTime m_since;
};
