#pragma once

#include <QHash>
#include <QWidget>

class CannedResponseModel;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Where the agent writes the reply: plain text only (what is typed or
// pasted is sent as written, never as markup), canned responses that fill
// their placeholders from the profile and follow the customer's language,
// text from a knowledge article inserted at the cursor. Send is refused
// while a placeholder has no value, so "{ticketId}" never reaches a customer.
class ReplyComposer : public QWidget
{
    Q_OBJECT

public:
    explicit ReplyComposer(QWidget* parent = nullptr);

    // The customer's language ("it", "en"…) and the values placeholders take.
    void setContext(const QString& language, const QHash<QString, QString>& values);
    QString text() const;
    void clear();
    QComboBox* cannedList() const { return m_canned; }

public Q_SLOTS:
    // Puts text at the cursor (a canned response, an article).
    void insertText(const QString& text);
    // The canned response in this row, filled, at the cursor.
    void insertCanned(int row);
    void focusEditor();
    void focusCanned();
    void send();

Q_SIGNALS:
    void sendRequested(const QString& text);

private:
    void updateState();

    CannedResponseModel* m_responses = nullptr;
    QString m_language;
    QHash<QString, QString> m_values;
    QComboBox* m_canned = nullptr;
    QPushButton* m_insert = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_warning = nullptr;
    QPushButton* m_send = nullptr;
};
