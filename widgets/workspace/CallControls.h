#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

// The controls of the interaction in front: answer (accept), hold/resume
// for calls, transfer to a queue or an agent, end, and the time on it,
// ticking live. End never
// acts at one press or one stray key: it first asks, in place, to confirm
// (Escape or "Keep the call" takes it back). The controls only ask: the
// session performs the actions.
class CallControls : public QWidget
{
    Q_OBJECT

public:
    explicit CallControls(QWidget* parent = nullptr);

    // The interaction's status as the store has it (offered, active, held,
    // wrap_up, ended), when the time on it started (UTC seconds; 0: none)
    // and whether it is a call (hold is for calls only).
    void setCall(const QString& status, qint64 startedAt, bool voice);
    // Filled by the session just before it shows.
    QMenu* transferMenu() const { return m_transferMenu; }
    bool isConfirmingEnd() const;

public Q_SLOTS:
    void toggleHold();
    void showTransferMenu();
    // Asks to confirm; the second step is the confirm button.
    void askToEnd();
    void cancelEnd();

Q_SIGNALS:
    void answerRequested();
    void holdRequested();
    void resumeRequested();
    void endRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void tick();

    QString m_status;
    qint64 m_startedAt = 0;
    QLabel* m_timer = nullptr;
    QPushButton* m_answer = nullptr;
    QPushButton* m_hold = nullptr;
    QToolButton* m_transfer = nullptr;
    QMenu* m_transferMenu = nullptr;
    QPushButton* m_end = nullptr;
    QWidget* m_confirm = nullptr;
    QPushButton* m_confirmEnd = nullptr;
    QPushButton* m_keep = nullptr;
    QTimer* m_clock = nullptr;
};
