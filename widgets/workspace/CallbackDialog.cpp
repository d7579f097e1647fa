#include "CallbackDialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

CallbackDialog::CallbackDialog(const QString& phone, const QDateTime& due, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("callbackDialog"));
    setWindowTitle(tr("Schedule Callback"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_phone = new QLineEdit(phone);
    m_phone->setObjectName(QStringLiteral("callbackPhone"));
    m_phone->setAccessibleName(tr("Phone number"));
    form->addRow(tr("&Phone"), m_phone);
    m_due = new QDateTimeEdit(due);
    m_due->setObjectName(QStringLiteral("callbackDue"));
    m_due->setAccessibleName(tr("Call back at"));
    m_due->setCalendarPopup(true);
    m_due->setMinimumDateTime(QDateTime::currentDateTime());
    form->addRow(tr("&When"), m_due);
    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("callbackNote"));
    m_note->setAccessibleName(tr("Note for the callback"));
    m_note->setTabChangesFocus(true);
    form->addRow(tr("&Note"), m_note);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("callbackError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_schedule = buttons->addButton(tr("Schedule"), QDialogButtonBox::AcceptRole);
    m_schedule->setObjectName(QStringLiteral("scheduleCallback"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CallbackDialog::scheduleRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    const auto update = [this] { m_schedule->setEnabled(!m_phone->text().trimmed().isEmpty()); };
    connect(m_phone, &QLineEdit::textChanged, this, update);
    update();
}

QString CallbackDialog::phone() const
{
    return m_phone->text().trimmed();
}

QDateTime CallbackDialog::due() const
{
    return m_due->dateTime();
}

QString CallbackDialog::note() const
{
    return m_note->toPlainText();
}

void CallbackDialog::showError(const QString& error)
{
    m_error->setText(error);
}
