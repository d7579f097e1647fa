#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Notes and the wrap-up of the interaction in front: an internal note
// (never sent to the customer), the disposition and the contact reason,
// and Finish wrap-up — which stays disabled, saying why, until the
// interaction has ended and both codes are chosen.
class WrapUpPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WrapUpPanel(QWidget* parent = nullptr);

    // The interaction's status and the codes the store has for it.
    void setInteraction(const QString& status, const QString& disposition, const QString& contactReason);
    QString disposition() const;
    QString contactReason() const;
    void clearNote();
    // Another interaction: no note, no codes chosen.
    void clear();

public Q_SLOTS:
    void focusNote();
    void focusDisposition();
    void addNote();
    void finish();

Q_SIGNALS:
    void noteRequested(const QString& text);
    void finishRequested(const QString& disposition, const QString& contactReason);

private:
    void updateState();

    QString m_status;
    QPlainTextEdit* m_note = nullptr;
    QPushButton* m_addNote = nullptr;
    QComboBox* m_disposition = nullptr;
    QComboBox* m_reason = nullptr;
    QLabel* m_why = nullptr;
    QPushButton* m_finish = nullptr;
};
