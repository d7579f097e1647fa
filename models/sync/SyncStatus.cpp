#include "SyncStatus.h"

SyncStatus::SyncStatus(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncStatusSnapshot>();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (retryInSeconds() == 0)
            m_countdown.stop();
        Q_EMIT changed();
    });
}

int SyncStatus::retryInSeconds() const
{
    if (!m_snapshot.retryAt.isValid())
        return 0;
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_snapshot.retryAt);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

void SyncStatus::update(const SyncStatusSnapshot& snapshot)
{
    if (snapshot == m_snapshot)
        return;
    m_snapshot = snapshot;
    if (m_snapshot.retryAt.isValid())
        m_countdown.start();
    else
        m_countdown.stop();
    Q_EMIT changed();
}
