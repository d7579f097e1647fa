#include "ContextListView.h"

#include "ContextItemDelegate.h"

#include <QPainter>

ContextListView::ContextListView(QWidget* parent)
    : QListView(parent)
{
    setItemDelegate(new ContextItemDelegate(this));
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideRight);
}

void ContextListView::setPlaceholderText(const QString& text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

bool ContextListView::showsPlaceholder() const
{
    return !model() || model()->rowCount(rootIndex()) == 0;
}

void ContextListView::paintEvent(QPaintEvent* event)
{
    QListView::paintEvent(event);
    if (!showsPlaceholder() || m_placeholder.isEmpty())
        return;
    // drawText never interprets markup; the text is ours anyway.
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
        m_placeholder);
}
