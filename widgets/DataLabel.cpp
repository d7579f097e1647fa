#include "DataLabel.h"

DataLabel::DataLabel(const QString& text, QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setText(text);
}

void DataLabel::setCopyable(bool copyable)
{
    m_copyable = copyable;
    if (!copyable)
        setTextInteractionFlags(Qt::NoTextInteraction);
}

void DataLabel::enterEvent(QEnterEvent* event)
{
    if (m_copyable && textInteractionFlags() == Qt::NoTextInteraction)
        setTextInteractionFlags(Qt::TextSelectableByMouse);
    QLabel::enterEvent(event);
}
