#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// A callback for the customer in the session: the number to call, when,
// and a note for whoever calls. The session schedules it (AgentActions) and
// shows here why it was refused, if it was.
class CallbackDialog : public QDialog
{
    Q_OBJECT

public:
    CallbackDialog(const QString& phone, const QDateTime& due, QWidget* parent = nullptr);

    QString phone() const;
    QDateTime due() const;
    QString note() const;
    void showError(const QString& error);

Q_SIGNALS:
    void scheduleRequested();

private:
    QLineEdit* m_phone = nullptr;
    QDateTimeEdit* m_due = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_schedule = nullptr;
};
