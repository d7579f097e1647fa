#pragma once

#include <QFrame>

class AlertMonitor;
class QLabel;
class QPushButton;

// The red strip across the top of the supervisor view while any queue is in
// alert: how many, and the latest ones in a line. Hidden when all is well.
// "Show" asks the view to bring the alert list forward.
class AlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlertBanner(AlertMonitor& alerts, QWidget* parent = nullptr);

    QString text() const;

Q_SIGNALS:
    void showRequested();

private:
    void update(int count, const QString& summary);

    QLabel* m_text;
    QPushButton* m_show;
};
