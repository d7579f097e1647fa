#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

// Draws the icon an item model names in one of its roles ("vip",
// "channel-voice"). Models stay free of resources and widgets; the icons live
// with the widgets, in :/icons.
class IconNameDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // Right suits markers after a name ("Giulia Rossi ★") so names stay aligned;
    // Left suits a column where every row has an icon.
    IconNameDelegate(int iconNameRole, QStyleOptionViewItem::Position position, QObject* parent = nullptr);

    static QIcon icon(const QString& name);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    int m_iconNameRole;
    QStyleOptionViewItem::Position m_position;
};
