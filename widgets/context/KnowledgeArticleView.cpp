#include "KnowledgeArticleView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

KnowledgeArticleView::KnowledgeArticleView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);

    auto* header = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    header->addWidget(m_title, 1);
    auto* close = new QToolButton;
    close->setObjectName(QStringLiteral("articleClose"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close the article (Esc)"));
    close->setAccessibleName(tr("Close article"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &KnowledgeArticleView::closeRequested);
    header->addWidget(close, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_meta = new QLabel;
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setEnabled(false);
    layout->addWidget(m_meta);

    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("articleBody"));
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Article text"));
    layout->addWidget(m_body, 1);

    m_insert = new QPushButton(tr("&Insert into reply"));
    m_insert->setObjectName(QStringLiteral("insertIntoReply"));
    m_insert->setToolTip(tr("Adds the selected passage, or the whole article, to the reply you are writing"));
    connect(m_insert, &QPushButton::clicked, this, [this] { Q_EMIT insertRequested(textToInsert()); });
    connect(m_body, &QPlainTextEdit::selectionChanged, this, [this] {
        m_insert->setText(m_body->textCursor().hasSelection() ? tr("&Insert selection into reply")
                                                              : tr("&Insert into reply"));
    });
    layout->addWidget(m_insert, 0, Qt::AlignRight);

    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &KnowledgeArticleView::closeRequested);
}

void KnowledgeArticleView::showArticle(const QString& title, const QString& meta, const QString& body)
{
    m_title->setText(title);
    m_meta->setText(meta);
    m_meta->setVisible(!meta.isEmpty());
    m_body->setPlainText(body);
}

QString KnowledgeArticleView::textToInsert() const
{
    const QTextCursor cursor = m_body->textCursor();
    // QTextCursor hands paragraphs back as U+2029; a reply wants newlines.
    if (cursor.hasSelection())
        return cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return m_body->toPlainText();
}
