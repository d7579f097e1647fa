#pragma once

#include "workspace/AgentState.h"

#include <QPointer>
#include <QTimer>
#include <QToolButton>

class AgentPresence;
class QMenu;

// The agent's own state in the top bar — "Ready · 12:04", "Not ready
// (Lunch) · 3:10", "Busy (Chat) · 0:45" — with time in state ticking, and a
// menu to change it: Ready, Not ready with a reason, After-call work, Logged
// out. It shows an AgentPresence and says what the agent chose
// (stateChosen); the change itself is AgentActions' job.
class AgentStateButton : public QToolButton
{
    Q_OBJECT

public:
    explicit AgentStateButton(QWidget* parent = nullptr);

    void setPresence(AgentPresence* presence);
    // The menu entry that sets this state (for the not-ready reason: its entry).
    QAction* action(AgentState::Value state, const QString& reason = QString()) const;
    // "12:04" or "1:02:03"
    static QString duration(qint64 seconds);

Q_SIGNALS:
    void stateChosen(AgentState::Value state, const QString& reason);

private:
    void refresh();

    QPointer<AgentPresence> m_presence;
    QMenu* m_menu = nullptr;
    QList<QAction*> m_actions;
    QTimer m_tick;
};
