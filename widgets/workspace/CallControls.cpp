#include "CallControls.h"

#include "KeyboardShortcuts.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

CallControls::CallControls(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("callControls"));
    setAccessibleName(tr("Call controls"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_timer = new QLabel;
    m_timer->setObjectName(QStringLiteral("callTimer"));
    m_timer->setAccessibleName(tr("Time on the interaction"));
    m_timer->setTextFormat(Qt::PlainText);
    QFont mono = m_timer->font();
    mono.setBold(true);
    mono.setStyleHint(QFont::Monospace);
    m_timer->setFont(mono);
    layout->addWidget(m_timer);

    m_answer = new QPushButton(tr("Answer"));
    m_answer->setObjectName(QStringLiteral("answerCall"));
    m_answer->setAccessibleName(tr("Answer or accept"));
    m_answer->setToolTip(
        KeyboardShortcuts::withKeys(tr("Answer or accept"), KeyboardShortcuts::Id::AcceptOffer));
    connect(m_answer, &QPushButton::clicked, this, &CallControls::answerRequested);
    layout->addWidget(m_answer);

    m_hold = new QPushButton(tr("Hold"));
    m_hold->setObjectName(QStringLiteral("holdCall"));
    connect(m_hold, &QPushButton::clicked, this, &CallControls::toggleHold);
    layout->addWidget(m_hold);

    m_transferMenu = new QMenu(this);
    m_transferMenu->setObjectName(QStringLiteral("transferMenu"));
    m_transfer = new QToolButton;
    m_transfer->setObjectName(QStringLiteral("transferCall"));
    m_transfer->setText(tr("Transfer"));
    m_transfer->setAccessibleName(tr("Transfer the interaction"));
    m_transfer->setToolTip(
        KeyboardShortcuts::withKeys(tr("Transfer to a queue or an agent"), KeyboardShortcuts::Id::Transfer));
    m_transfer->setMenu(m_transferMenu);
    m_transfer->setPopupMode(QToolButton::InstantPopup);
    layout->addWidget(m_transfer);

    m_end = new QPushButton(tr("End…"));
    m_end->setObjectName(QStringLiteral("endCall"));
    m_end->setAccessibleName(tr("End the interaction"));
    m_end->setToolTip(KeyboardShortcuts::withKeys(
        tr("End the interaction (asks to confirm)"), KeyboardShortcuts::Id::EndInteraction));
    connect(m_end, &QPushButton::clicked, this, &CallControls::askToEnd);
    layout->addWidget(m_end);

    // The confirmation takes the End button's place: a second, deliberate
    // step. The safe choice has the focus, so a stray Enter keeps the call.
    m_confirm = new QWidget;
    m_confirm->setObjectName(QStringLiteral("endConfirmation"));
    auto* confirmLayout = new QHBoxLayout(m_confirm);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    auto* question = new QLabel(tr("End this interaction?"));
    confirmLayout->addWidget(question);
    m_confirmEnd = new QPushButton(tr("Yes, end it"));
    m_confirmEnd->setObjectName(QStringLiteral("confirmEndCall"));
    m_confirmEnd->setAccessibleName(tr("Confirm ending the interaction"));
    m_confirmEnd->setAutoDefault(false);
    connect(m_confirmEnd, &QPushButton::clicked, this, [this] {
        m_confirm->hide();
        m_end->show();
        Q_EMIT endRequested();
    });
    confirmLayout->addWidget(m_confirmEnd);
    m_keep = new QPushButton(tr("Keep it going"));
    m_keep->setObjectName(QStringLiteral("keepCall"));
    m_keep->setAccessibleName(tr("Keep the interaction going"));
    connect(m_keep, &QPushButton::clicked, this, &CallControls::cancelEnd);
    confirmLayout->addWidget(m_keep);
    m_confirm->hide();
    layout->addWidget(m_confirm);
    layout->addStretch(1);

    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &CallControls::tick);
    setCall(QString(), 0, true);
}

void CallControls::setCall(const QString& status, qint64 startedAt, bool voice)
{
    m_status = status;
    m_startedAt = startedAt;
    const bool offered = status == QLatin1String("offered");
    const bool inProgress = status == QLatin1String("active") || status == QLatin1String("held");
    m_answer->setVisible(offered);
    m_answer->setText(voice ? tr("Answer") : tr("Accept"));
    // Only a call can be put on hold: a chat simply waits.
    m_hold->setVisible(voice);
    m_hold->setEnabled(inProgress);
    const bool held = status == QLatin1String("held");
    m_hold->setText(held ? tr("Resume") : tr("Hold"));
    m_hold->setAccessibleName(held ? tr("Resume the call") : tr("Put the call on hold"));
    m_hold->setToolTip(KeyboardShortcuts::withKeys(
        held ? tr("Resume the call") : tr("Put the call on hold"), KeyboardShortcuts::Id::HoldResume));
    m_transfer->setEnabled(inProgress);
    m_end->setEnabled(inProgress);
    if (!inProgress)
        cancelEnd();
    if (inProgress && startedAt > 0)
        m_clock->start();
    else
        m_clock->stop();
    tick();
}

void CallControls::tick()
{
    if (m_startedAt <= 0 || m_status.isEmpty() || m_status == QLatin1String("offered")) {
        m_timer->setText(m_status == QLatin1String("offered") ? tr("Ringing") : QString());
        return;
    }
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentSecsSinceEpoch() - m_startedAt);
    const QString clock = seconds >= 3600 ? QStringLiteral("%1:%2:%3")
                                                .arg(seconds / 3600)
                                                .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                                                .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                                          : QStringLiteral("%1:%2")
                                                .arg(seconds / 60, 2, 10, QLatin1Char('0'))
                                                .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    m_timer->setText(m_status == QLatin1String("held") ? tr("%1 (on hold)").arg(clock) : clock);
}

void CallControls::toggleHold()
{
    if (m_hold->isHidden())
        return;
    if (m_status == QLatin1String("held"))
        Q_EMIT resumeRequested();
    else if (m_status == QLatin1String("active"))
        Q_EMIT holdRequested();
}

void CallControls::showTransferMenu()
{
    if (m_transfer->isEnabled())
        m_transfer->showMenu();
}

bool CallControls::isConfirmingEnd() const
{
    return !m_confirm->isHidden();
}

void CallControls::askToEnd()
{
    if (!m_end->isEnabled())
        return;
    m_end->hide();
    m_confirm->show();
    m_keep->setFocus(Qt::OtherFocusReason);
}

void CallControls::cancelEnd()
{
    const bool wasAsking = isConfirmingEnd();
    m_confirm->hide();
    m_end->show();
    if (wasAsking && m_end->isEnabled())
        m_end->setFocus(Qt::OtherFocusReason);
}

void CallControls::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && isConfirmingEnd()) {
        cancelEnd();
        return;
    }
    QWidget::keyPressEvent(event);
}
