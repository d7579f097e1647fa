#include "SyncStatusLabel.h"

#include "sync/SyncStatus.h"

#include <QLocale>
#include <QTextDocument>

SyncStatusLabel::SyncStatusLabel(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("syncStatus"));
    // Errors quote servers and proxies (an HTML error page, say): never markup.
    setTextFormat(Qt::PlainText);
    refresh();
}

void SyncStatusLabel::setStatus(SyncStatus* status, const QString& backend)
{
    if (m_status)
        disconnect(m_status, nullptr, this, nullptr);
    m_status = status;
    m_backend = backend;
    if (m_status)
        connect(m_status, &SyncStatus::changed, this, &SyncStatusLabel::refresh);
    refresh();
}

void SyncStatusLabel::refresh()
{
    if (!m_status) {
        setText(tr("Working offline"));
        setToolTip(Qt::convertFromPlainText(
            tr("Started with --offline: this desk works from its local database and neither sends nor "
               "receives changes."),
            Qt::WhiteSpaceNormal));
        return;
    }
    const QLocale locale;
    const QDateTime lastSync = m_status->lastSyncAt().toLocalTime();
    QStringList parts;
    switch (m_status->state()) {
    case SyncStatus::State::Online:
        parts << (lastSync.isValid()
                ? tr("Online · synced %1").arg(locale.toString(lastSync.time(), QLocale::ShortFormat))
                : tr("Online"));
        break;
    case SyncStatus::State::Connecting:
        parts << tr("Connecting…");
        break;
    case SyncStatus::State::Offline:
        parts << (m_status->retryInSeconds() > 0
                ? tr("Offline — retrying in %1 s").arg(m_status->retryInSeconds())
                : tr("Offline"));
        break;
    }
    // The agent's own work comes before anything else the bar could say.
    if (m_status->pendingOutbox() > 0)
        parts << tr("%n change(s) waiting to send", nullptr, m_status->pendingOutbox());
    if (m_status->rejectedOutbox() > 0)
        parts << tr("%n change(s) refused by the server", nullptr, m_status->rejectedOutbox());
    setText(parts.join(QStringLiteral(" · ")));

    QStringList lines;
    if (!m_backend.isEmpty())
        lines << tr("Synchronising with %1").arg(m_backend);
    lines << (lastSync.isValid() ? tr("Last complete sync: %1").arg(locale.toString(lastSync, QLocale::LongFormat))
                                 : tr("Not synchronised yet"));
    if (!m_status->lastError().isEmpty())
        lines << tr("Last problem: %1").arg(m_status->lastError());
    if (m_status->pendingOutbox() > 0)
        lines << tr("Changes made on this desk are kept and sent as soon as the connection is back.");
    setToolTip(Qt::convertFromPlainText(lines.join(QLatin1Char('\n')), Qt::WhiteSpaceNormal));
}
