#include "OfferNotifier.h"

#include "IconNameDelegate.h"
#include "workspace/MyWorkModel.h"

#include <QSystemTrayIcon>
#include <QWidget>

OfferNotifier::OfferNotifier(MyWorkModel* offers, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_offers(offers)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(IconNameDelegate::icon(QStringLiteral("unisono")), this);
        m_tray->setToolTip(tr("Unisono"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
    }
    connect(offers, &MyWorkModel::arrived, this, &OfferNotifier::notify);
}

void OfferNotifier::notify(const QList<qint64>& ids)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return;
    for (const qint64 id : ids) {
        const int row = m_offers->rowOfId(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_offers->index(row, 0);
        m_tray->showMessage(tr("New offer: %1").arg(index.data(MyWorkModel::TitleRole).toString()),
            index.data(MyWorkModel::DetailRole).toString(), QSystemTrayIcon::Information, 10000);
    }
}
