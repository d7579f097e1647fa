#pragma once

#include <QObject>
#include <QPointer>

class MyWorkModel;
class QSystemTrayIcon;
class QWidget;

// A desktop notification for each new offer, through the system tray where
// the desktop has one (an agent on another application still sees the
// offer ring); clicking it brings the desk to the front. Where there is no
// tray (offscreen, some kiosks) it stays silent: the offer card is the signal.
class OfferNotifier : public QObject
{
    Q_OBJECT

public:
    OfferNotifier(MyWorkModel* offers, QWidget* window, QObject* parent = nullptr);

private:
    void notify(const QList<qint64>& ids);

    MyWorkModel* m_offers;
    QPointer<QWidget> m_window;
    QSystemTrayIcon* m_tray = nullptr;
};
