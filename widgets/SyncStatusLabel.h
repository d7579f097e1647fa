#pragma once

#include <QLabel>
#include <QPointer>

class SyncStatus;

// The status bar's word on sync: "Online · synced 12:04", "Connecting…",
// "Offline — retrying in 12 s", how many of the agent's changes wait to be
// sent, and in the tooltip the backend, the last complete sync and the last
// problem in words. It follows a SyncStatus (which lives on the GUI thread
// and is fed by the sync engine), so it never talks to the sync thread.
class SyncStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit SyncStatusLabel(QWidget* parent = nullptr);

    // Follows status from now on; backend names what is synced with ("the
    // local demo hub", a URL). A null status means the desk was started to
    // work offline on purpose, which is not a problem and says so.
    void setStatus(SyncStatus* status, const QString& backend);

private:
    void refresh();

    QPointer<SyncStatus> m_status;
    QString m_backend;
};
