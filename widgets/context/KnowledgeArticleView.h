#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// One knowledge-base article opened beside the customer context: read it,
// select a passage, and send the passage (or the whole article) to the reply
// being written. The body is plain text in a read-only editor, so the agent
// can select and copy but nothing in it is ever interpreted as markup.
class KnowledgeArticleView : public QWidget
{
    Q_OBJECT

public:
    explicit KnowledgeArticleView(QWidget* parent = nullptr);

    void showArticle(const QString& title, const QString& meta, const QString& body);
    // The selected passage, or the whole body when nothing is selected.
    QString textToInsert() const;

Q_SIGNALS:
    void insertRequested(const QString& text);
    void closeRequested();

private:
    QLabel* m_title = nullptr;
    QLabel* m_meta = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QPushButton* m_insert = nullptr;
};
