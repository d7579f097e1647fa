#include "WrapUpPanel.h"

#include "KeyboardShortcuts.h"
#include "workspace/ActiveInteraction.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

void fill(QComboBox* box, const QList<ActiveInteraction::Code>& codes, const QString& prompt)
{
    box->addItem(prompt, QString());
    for (const ActiveInteraction::Code& code : codes)
        box->addItem(code.label, code.key);
}

void select(QComboBox* box, const QString& key)
{
    const int index = box->findData(key);
    if (!key.isEmpty() && index < 0)
        box->addItem(key, key); // a code set elsewhere (the backend, another desk)
    box->setCurrentIndex(key.isEmpty() ? 0 : box->findData(key));
}

} // namespace

WrapUpPanel::WrapUpPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("wrapUpPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("noteEditor"));
    m_note->setAccessibleName(tr("Internal note"));
    m_note->setPlaceholderText(tr("Internal note (not sent to the customer)…"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 5);
    connect(m_note, &QPlainTextEdit::textChanged, this, &WrapUpPanel::updateState);
    layout->addWidget(m_note);
    m_addNote = new QPushButton(tr("Add note"));
    m_addNote->setObjectName(QStringLiteral("addNote"));
    m_addNote->setAccessibleName(tr("Add the note"));
    m_addNote->setToolTip(KeyboardShortcuts::withKeys(tr("Write a note"), KeyboardShortcuts::Id::Note));
    connect(m_addNote, &QPushButton::clicked, this, &WrapUpPanel::addNote);
    layout->addWidget(m_addNote, 0, Qt::AlignRight);

    auto* form = new QFormLayout;
    m_disposition = new QComboBox;
    m_disposition->setObjectName(QStringLiteral("dispositionChoice"));
    m_disposition->setAccessibleName(tr("Disposition"));
    m_disposition->setToolTip(
        KeyboardShortcuts::withKeys(tr("Disposition"), KeyboardShortcuts::Id::Disposition));
    fill(m_disposition, ActiveInteraction::dispositions(), tr("Choose the outcome…"));
    m_reason = new QComboBox;
    m_reason->setObjectName(QStringLiteral("contactReasonChoice"));
    m_reason->setAccessibleName(tr("Contact reason"));
    fill(m_reason, ActiveInteraction::contactReasons(), tr("Choose why they contacted us…"));
    form->addRow(tr("&Disposition"), m_disposition);
    form->addRow(tr("Contact &reason"), m_reason);
    layout->addLayout(form);
    connect(m_disposition, &QComboBox::currentIndexChanged, this, &WrapUpPanel::updateState);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &WrapUpPanel::updateState);

    auto* bottom = new QHBoxLayout;
    m_why = new QLabel;
    m_why->setObjectName(QStringLiteral("wrapUpReason"));
    m_why->setTextFormat(Qt::PlainText);
    m_why->setWordWrap(true);
    m_why->setEnabled(false);
    bottom->addWidget(m_why, 1);
    m_finish = new QPushButton(tr("Finish wrap-up"));
    m_finish->setObjectName(QStringLiteral("finishWrapUp"));
    m_finish->setAccessibleName(tr("Finish wrap-up"));
    connect(m_finish, &QPushButton::clicked, this, &WrapUpPanel::finish);
    bottom->addWidget(m_finish);
    layout->addLayout(bottom);
    // Alone in the page (a call has no transcript), the panel stays together at the top.
    layout->addStretch(1);
    updateState();
}

void WrapUpPanel::setInteraction(
    const QString& status, const QString& disposition, const QString& contactReason)
{
    m_status = status;
    // What the agent already picked stays when the store has nothing yet.
    if (!disposition.isEmpty())
        select(m_disposition, disposition);
    if (!contactReason.isEmpty())
        select(m_reason, contactReason);
    updateState();
}

QString WrapUpPanel::disposition() const
{
    return m_disposition->currentData().toString();
}

QString WrapUpPanel::contactReason() const
{
    return m_reason->currentData().toString();
}

void WrapUpPanel::clearNote()
{
    m_note->clear();
}

void WrapUpPanel::clear()
{
    m_note->clear();
    m_disposition->setCurrentIndex(0);
    m_reason->setCurrentIndex(0);
}

void WrapUpPanel::focusNote()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
}

void WrapUpPanel::focusDisposition()
{
    m_disposition->setFocus(Qt::ShortcutFocusReason);
}

void WrapUpPanel::addNote()
{
    if (m_addNote->isEnabled())
        Q_EMIT noteRequested(m_note->toPlainText().trimmed());
}

void WrapUpPanel::finish()
{
    if (m_finish->isEnabled())
        Q_EMIT finishRequested(disposition(), contactReason());
}

void WrapUpPanel::updateState()
{
    m_addNote->setEnabled(!m_note->toPlainText().trimmed().isEmpty());
    QString why;
    if (m_status == QLatin1String("ended"))
        why = tr("Wrap-up is finished.");
    else if (m_status != QLatin1String("wrap_up"))
        why = tr("End the interaction first; then finish its wrap-up.");
    else if (disposition().isEmpty() && contactReason().isEmpty())
        why = tr("Choose a disposition and a contact reason to finish wrap-up.");
    else if (disposition().isEmpty())
        why = tr("Choose a disposition to finish wrap-up.");
    else if (contactReason().isEmpty())
        why = tr("Choose a contact reason to finish wrap-up.");
    m_why->setText(why);
    m_finish->setEnabled(why.isEmpty());
    m_finish->setToolTip(why.isEmpty()
            ? KeyboardShortcuts::withKeys(tr("Finish wrap-up"), KeyboardShortcuts::Id::FinishWrapUp)
            : why);
    m_finish->setAccessibleDescription(why);
}
