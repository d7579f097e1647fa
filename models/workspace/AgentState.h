#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

// An agent's availability as the backend names it, with the words the desk
// shows for it. Busy is set by routing (an offer or a contact in progress),
// never chosen by the agent; the other four are what the state selector offers.
class AgentState
{
    Q_DECLARE_TR_FUNCTIONS(AgentState)

public:
    enum Value { Ready, NotReady, AfterCallWork, LoggedOut, Busy };

    static QString key(Value state);
    static std::optional<Value> fromKey(const QString& key);
    static QString label(Value state);
    // What an agent may pick, in the selector's order.
    static QList<Value> selectable();
    // The reason codes for not ready, as the backend stores them, and their labels.
    static QStringList notReadyReasons();
    // A reason code's words; an unknown reason (the backend's own, "Missed offer") as it is.
    static QString reasonLabel(const QString& reason);
};
