#include "ReplyComposer.h"

#include "KeyboardShortcuts.h"
#include "workspace/CannedResponseModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ReplyComposer::ReplyComposer(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("replyComposer"));
    m_responses = new CannedResponseModel(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto* tools = new QHBoxLayout;
    m_canned = new QComboBox;
    m_canned->setObjectName(QStringLiteral("cannedResponses"));
    m_canned->setAccessibleName(tr("Canned responses"));
    m_canned->setToolTip(
        KeyboardShortcuts::withKeys(tr("Canned responses"), KeyboardShortcuts::Id::CannedResponse));
    m_canned->setModel(m_responses);
    tools->addWidget(m_canned, 1);
    m_insert = new QPushButton(tr("Insert"));
    m_insert->setObjectName(QStringLiteral("insertCanned"));
    m_insert->setAccessibleName(tr("Insert the canned response"));
    connect(m_insert, &QPushButton::clicked, this, [this] { insertCanned(m_canned->currentIndex()); });
    // Enter on the list inserts, so the whole choice works from the keyboard.
    connect(m_canned, &QComboBox::activated, this, &ReplyComposer::insertCanned);
    tools->addWidget(m_insert);
    layout->addLayout(tools);

    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("replyEditor"));
    m_editor->setAccessibleName(tr("Reply"));
    m_editor->setPlaceholderText(tr("Write the reply…"));
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ReplyComposer::updateState);
    layout->addWidget(m_editor, 1);

    auto* bottom = new QHBoxLayout;
    m_warning = new QLabel;
    m_warning->setObjectName(QStringLiteral("replyWarning"));
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setWordWrap(true);
    bottom->addWidget(m_warning, 1);
    m_send = new QPushButton(tr("Send"));
    m_send->setObjectName(QStringLiteral("sendReply"));
    m_send->setAccessibleName(tr("Send the reply"));
    m_send->setToolTip(KeyboardShortcuts::withKeys(tr("Send the reply"), KeyboardShortcuts::Id::SendReply));
    connect(m_send, &QPushButton::clicked, this, &ReplyComposer::send);
    bottom->addWidget(m_send);
    layout->addLayout(bottom);
    updateState();
}

void ReplyComposer::setContext(const QString& language, const QHash<QString, QString>& values)
{
    m_language = language;
    m_values = values;
}

QString ReplyComposer::text() const
{
    return m_editor->toPlainText();
}

void ReplyComposer::clear()
{
    m_editor->clear();
}

void ReplyComposer::insertText(const QString& text)
{
    m_editor->insertPlainText(text);
    focusEditor();
}

void ReplyComposer::insertCanned(int row)
{
    if (row < 0)
        return;
    insertText(m_responses->filled(row, m_language, m_values));
}

void ReplyComposer::focusEditor()
{
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

void ReplyComposer::focusCanned()
{
    m_canned->setFocus(Qt::ShortcutFocusReason);
    m_canned->showPopup();
}

void ReplyComposer::send()
{
    if (!m_send->isEnabled())
        return;
    Q_EMIT sendRequested(text().trimmed());
}

void ReplyComposer::updateState()
{
    const QString typed = text();
    const QStringList missing = CannedResponseModel::unfilled(typed);
    m_warning->setText(missing.isEmpty() ? QString()
                                         : tr("Replace %1 before sending: there is no value for it.")
                                               .arg(missing.join(QStringLiteral(", "))));
    m_send->setEnabled(!typed.trimmed().isEmpty() && missing.isEmpty());
}
