#include "TicketDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

TicketDialog::TicketDialog(const QString& subject, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ticketDialog"));
    setWindowTitle(tr("Create Ticket"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_subject = new QLineEdit(subject);
    m_subject->setObjectName(QStringLiteral("ticketSubject"));
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setMaxLength(500);
    form->addRow(tr("&Subject"), m_subject);
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("ticketDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    form->addRow(tr("&Description"), m_description);
    m_priority = new QComboBox;
    m_priority->setObjectName(QStringLiteral("ticketPriority"));
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->addItem(tr("Low"), QStringLiteral("low"));
    m_priority->addItem(tr("Normal"), QStringLiteral("normal"));
    m_priority->addItem(tr("High"), QStringLiteral("high"));
    m_priority->addItem(tr("Urgent"), QStringLiteral("urgent"));
    m_priority->setCurrentIndex(1);
    form->addRow(tr("&Priority"), m_priority);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("ticketError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = buttons->addButton(tr("Create Ticket"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createTicket"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TicketDialog::createRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    const auto update = [this] { m_create->setEnabled(!m_subject->text().trimmed().isEmpty()); };
    connect(m_subject, &QLineEdit::textChanged, this, update);
    update();
}

QString TicketDialog::subject() const
{
    return m_subject->text().trimmed();
}

QString TicketDialog::description() const
{
    return m_description->toPlainText();
}

QString TicketDialog::priority() const
{
    return m_priority->currentData().toString();
}

void TicketDialog::showError(const QString& error)
{
    m_error->setText(error);
}
