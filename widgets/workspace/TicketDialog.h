#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// A new ticket for the customer in the session: subject, description and
// priority. The dialog only collects them; the session creates the ticket
// (AgentActions) and shows here why it was refused, if it was.
class TicketDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TicketDialog(const QString& subject, QWidget* parent = nullptr);

    QString subject() const;
    QString description() const;
    // The store's key: low, normal, high, urgent.
    QString priority() const;
    void showError(const QString& error);

Q_SIGNALS:
    void createRequested();

private:
    QLineEdit* m_subject = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_priority = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_create = nullptr;
};
