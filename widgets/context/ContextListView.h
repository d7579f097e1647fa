#pragma once

#include <QListView>

class ContextItemDelegate;

// A list of the customer context drawn by ContextItemDelegate, which says in
// words when it is empty ("No open tickets.") instead of showing a blank
// box. The words are painted in the viewport rather than shown in a label
// swapped in for the list: swapping widgets on every screen pop would lay
// the whole window out each time.
class ContextListView : public QListView
{
    Q_OBJECT

public:
    explicit ContextListView(QWidget* parent = nullptr);

    // Shown centred while the model has no rows.
    void setPlaceholderText(const QString& text);
    const QString& placeholderText() const { return m_placeholder; }
    // True when the placeholder is what the agent sees.
    bool showsPlaceholder() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_placeholder;
};
