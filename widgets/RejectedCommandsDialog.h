#pragma once

#include <QDialog>

class QPushButton;
class QTableView;
class RejectedCommandsModel;

// The agent's changes the server refused, each with the server's reason,
// and what to do about each: send it again (after fixing what the reason
// says, or when the refusal was momentary) or discard it, which also takes
// its effect off this desk. Non-modal: the agent keeps working beside it.
class RejectedCommandsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RejectedCommandsDialog(RejectedCommandsModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void retryRequested(qint64 outboxId);
    void discardRequested(qint64 outboxId);

private:
    qint64 currentId() const;
    void updateButtons();

    RejectedCommandsModel* m_model;
    QTableView* m_view = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_discard = nullptr;
};
