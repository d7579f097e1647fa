#pragma once

#include "workspace/ActiveInteraction.h"

#include <QWidget>
#include <optional>

class AgentActions;
class CallControls;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class ReplyComposer;
class Store;
class TranscriptModel;
class WrapUpPanel;

// The interaction the agent is handling, in the session's centre: what it
// is and how long it has run; the call controls (answer, hold, transfer,
// end with a confirmation); the transcript of a written contact (plain
// text, payment data masked); the reply composer with canned responses;
// notes, disposition and contact reason, wrap-up; a ticket or a callback.
// Every action goes through AgentActions, so its effect shows at once and
// its command waits in the outbox; a refusal is said here, in words.
class InteractionPanel : public QWidget
{
    Q_OBJECT

public:
    InteractionPanel(Store& store, AgentActions& actions, qint64 customerId, QWidget* parent = nullptr);

    // Shows this interaction (0: the customer's live one for this agent, if any).
    void setInteraction(qint64 interactionId);
    qint64 interactionId() const { return m_interactionId; }
    // The store changed: reads the interaction and its messages again.
    void refresh();
    // The customer became known (an unknown caller was linked).
    void setCustomer(qint64 customerId);
    ReplyComposer* composer() const { return m_composer; }

Q_SIGNALS:
    // What the customer wrote so far changed: knowledge suggestions follow it.
    void conversationChanged(const QString& text);

private:
    void buildActions();
    void fillTransferMenu();
    void report(const QString& what, bool ok, const QString& error);
    void answer();
    void sendReply(const QString& text);
    void addNote(const QString& text);
    void finishWrapUp(const QString& disposition, const QString& contactReason);
    void createTicket();
    void scheduleCallback();
    void updateView();

    Store& m_store;
    AgentActions& m_actions;
    ActiveInteraction m_reader;
    qint64 m_customerId = 0;
    qint64 m_interactionId = 0;
    std::optional<ActiveInteraction::State> m_state;

    TranscriptModel* m_transcript = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_notice = nullptr;
    CallControls* m_controls = nullptr;
    QListView* m_transcriptView = nullptr;
    ReplyComposer* m_composer = nullptr;
    WrapUpPanel* m_wrapUp = nullptr;
    QPushButton* m_ticket = nullptr;
    QPushButton* m_callback = nullptr;
};
