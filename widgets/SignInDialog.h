#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

// Who signs in where: the hub's address (empty for the local demo hub
// Unisono starts itself), the user and the password. It remembers nothing
// itself — the shell prefills it from the settings (the last address and
// user; the demo account for the local hub) — and it checks only what it
// can see: an address must be http(s) with a host. Signing in is the sync
// engine's job: meanwhile the dialog says so (setBusy), and a refusal comes
// back in words (showError) with the fields as they were.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget* parent = nullptr);

    void prefill(const QString& address, const QString& user, const QString& password);
    // Empty for the local demo hub.
    QUrl address() const;
    QString user() const;
    QString password() const;

    void setBusy(bool busy, const QString& message = QString());
    void showError(const QString& message);

Q_SIGNALS:
    // The fields are valid and the agent asked to sign in.
    void submitted();

private:
    void submit();

    QLineEdit* m_address = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_signIn = nullptr;
};
