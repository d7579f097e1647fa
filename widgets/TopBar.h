#pragma once

#include <QPointer>
#include <QWidget>

class AgentPresence;
class AgentStateButton;
class QLineEdit;
class QToolButton;
class SyncStatus;
class SyncStatusLabel;

// The strip across the top of the desk: the global search (Ctrl+K), the
// agent's own state with its selector and time in state, the sync status
// (online, offline with its live retry countdown, changes waiting) with a
// button to the changes the server refused, and the agent's account menu
// (sign out). It shows models and says what the agent asked for.
class TopBar : public QWidget
{
    Q_OBJECT

public:
    explicit TopBar(QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    AgentStateButton* stateButton() const { return m_state; }
    QToolButton* rejectedButton() const { return m_rejected; }

    void setPresence(AgentPresence* presence);
    // Null: the desk works offline on purpose.
    void setSyncStatus(SyncStatus* status, const QString& backend);

Q_SIGNALS:
    void rejectedListRequested();
    void signOutRequested();

private:
    void refreshRejected();
    void refreshAccount();

    QLineEdit* m_search = nullptr;
    AgentStateButton* m_state = nullptr;
    SyncStatusLabel* m_sync = nullptr;
    QToolButton* m_rejected = nullptr;
    QToolButton* m_account = nullptr;
    QPointer<SyncStatus> m_status;
    QPointer<AgentPresence> m_presence;
};
