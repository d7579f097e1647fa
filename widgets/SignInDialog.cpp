#include "SignInDialog.h"

#include "IconNameDelegate.h"
#include "sync/HubAddress.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SignInDialog::SignInDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Unisono"));
    setWindowIcon(IconNameDelegate::icon(QStringLiteral("unisono")));
    m_address = new QLineEdit;
    m_address->setObjectName(QStringLiteral("hubAddressField"));
    m_address->setPlaceholderText(tr("Local demo hub"));
    m_address->setToolTip(
        tr("The hub's address, such as https://hub.example.com:8443. Leave it empty to use the "
           "demo hub Unisono starts on this computer."));
    m_address->setAccessibleName(tr("Hub address"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("userField"));
    m_user->setAccessibleName(tr("User"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("signInMessage"));
    // Quotes the server's words: never markup.
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Hub address:"), m_address);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    m_signIn = new QPushButton(tr("Sign in"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    QPushButton* quit = buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SignInDialog::prefill(const QString& address, const QString& user, const QString& password)
{
    m_address->setText(address);
    m_user->setText(user);
    m_password->setText(password);
    // Straight to what is missing.
    (user.isEmpty() ? m_user : password.isEmpty() ? m_password : static_cast<QLineEdit*>(m_user))->setFocus();
}

QUrl SignInDialog::address() const
{
    return m_address->text().trimmed().isEmpty() ? QUrl()
                                                 : HubAddress::parse(m_address->text()).value_or(QUrl());
}

QString SignInDialog::user() const
{
    return m_user->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

void SignInDialog::submit()
{
    if (!m_address->text().trimmed().isEmpty() && !HubAddress::parse(m_address->text())) {
        showError(
            tr("\"%1\" is not a hub address: write it as https://hub.example.com:8443, or leave it empty for "
               "the local demo hub.")
                .arg(m_address->text().trimmed()));
        m_address->setFocus();
        return;
    }
    if (user().isEmpty() || password().isEmpty()) {
        showError(tr("Both the user and the password are needed."));
        (user().isEmpty() ? m_user : m_password)->setFocus();
        return;
    }
    Q_EMIT submitted();
}

void SignInDialog::setBusy(bool busy, const QString& message)
{
    for (QWidget* field : { static_cast<QWidget*>(m_address), static_cast<QWidget*>(m_user),
             static_cast<QWidget*>(m_password), static_cast<QWidget*>(m_signIn) })
        field->setEnabled(!busy);
    m_message->setText(message.isEmpty() && busy ? tr("Signing in…") : message);
    m_message->setStyleSheet(QString());
    m_message->setVisible(busy || !message.isEmpty());
}

void SignInDialog::showError(const QString& message)
{
    setBusy(false);
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("color: #c83c3c;"));
    m_message->setVisible(true);
}
