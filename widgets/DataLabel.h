#pragma once

#include <QLabel>

// A label that shows data: always plain text, so whatever a customer or
// another system wrote never becomes markup, and selectable with the mouse
// so agents can copy numbers and addresses. Selection is switched on when
// the pointer first enters: a selectable QLabel lays its text out as a
// rich-text document, which made filling and laying out a screen pop's
// labels several times costlier, for labels most of which are never touched.
class DataLabel : public QLabel
{
    Q_OBJECT

public:
    explicit DataLabel(const QString& text = QString(), QWidget* parent = nullptr);

    // Headings and field names are not data: they are not selected with it.
    void setCopyable(bool copyable);

protected:
    void enterEvent(QEnterEvent* event) override;

private:
    bool m_copyable = true;
};
