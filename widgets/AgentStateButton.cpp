#include "AgentStateButton.h"

#include "workspace/AgentPresence.h"

#include <QMenu>
#include <QPainter>
#include <QPixmap>

namespace {

QColor stateColor(AgentState::Value state)
{
    switch (state) {
    case AgentState::Ready:
        return QColor(0x2e, 0x9d, 0x4f);
    case AgentState::Busy:
        return QColor(0xd9, 0x8a, 0x1c);
    case AgentState::AfterCallWork:
        return QColor(0x3b, 0x7d, 0xd8);
    case AgentState::NotReady:
        return QColor(0xc8, 0x3c, 0x3c);
    case AgentState::LoggedOut:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

// A dot in the state's colour: the state reads at a glance, and the words say it for those who cannot tell
// colours.
QIcon stateIcon(AgentState::Value state)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stateColor(state));
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    return QIcon(pixmap);
}

} // namespace

AgentStateButton::AgentStateButton(QWidget* parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("agentStateButton"));
    setAccessibleName(tr("My state"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("agentStateMenu"));
    const auto add
        = [this](QMenu* menu, AgentState::Value state, const QString& reason, const QString& text) {
              QAction* action = menu->addAction(stateIcon(state), text);
              action->setData(QStringList { AgentState::key(state), reason });
              action->setObjectName(
                  QStringLiteral("state-%1%2")
                      .arg(AgentState::key(state), reason.isEmpty() ? QString() : QLatin1Char('-') + reason));
              connect(action, &QAction::triggered, this,
                  [this, state, reason] { Q_EMIT stateChosen(state, reason); });
              m_actions.append(action);
              return action;
          };
    add(m_menu, AgentState::Ready, {}, AgentState::label(AgentState::Ready));
    QMenu* notReady
        = m_menu->addMenu(stateIcon(AgentState::NotReady), AgentState::label(AgentState::NotReady));
    notReady->setObjectName(QStringLiteral("notReadyMenu"));
    for (const QString& reason : AgentState::notReadyReasons())
        add(notReady, AgentState::NotReady, reason, AgentState::reasonLabel(reason));
    add(m_menu, AgentState::AfterCallWork, {}, AgentState::label(AgentState::AfterCallWork));
    m_menu->addSeparator();
    add(m_menu, AgentState::LoggedOut, {}, AgentState::label(AgentState::LoggedOut));
    setMenu(m_menu);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &AgentStateButton::refresh);
    refresh();
}

QAction* AgentStateButton::action(AgentState::Value state, const QString& reason) const
{
    for (QAction* action : m_actions) {
        if (action->data().toStringList() == QStringList { AgentState::key(state), reason })
            return action;
    }
    return nullptr;
}

QString AgentStateButton::duration(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const QString minutesSeconds = QStringLiteral("%1:%2")
                                       .arg(seconds / 60 % 60, hours > 0 ? 2 : 1, 10, QLatin1Char('0'))
                                       .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return hours > 0 ? QStringLiteral("%1:%2").arg(hours).arg(minutesSeconds) : minutesSeconds;
}

void AgentStateButton::setPresence(AgentPresence* presence)
{
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_presence = presence;
    if (m_presence)
        connect(m_presence, &AgentPresence::changed, this, &AgentStateButton::refresh);
    refresh();
}

void AgentStateButton::refresh()
{
    if (!m_presence || !m_presence->isKnown()) {
        m_tick.stop();
        setIcon(stateIcon(AgentState::LoggedOut));
        setText(tr("Signing in…"));
        setToolTip(tr("Your state shows once this desk knows who you are."));
        setEnabled(m_presence && m_presence->agentId() > 0);
        return;
    }
    setEnabled(true);
    if (!m_tick.isActive())
        m_tick.start();
    const AgentState::Value state = m_presence->state();
    QString words = AgentState::label(state);
    if (!m_presence->reason().isEmpty() && (state == AgentState::NotReady || state == AgentState::Busy))
        words = tr("%1 (%2)").arg(words, AgentState::reasonLabel(m_presence->reason()));
    const QString text = tr("%1 · %2").arg(words, duration(m_presence->secondsInState()));
    setIcon(stateIcon(state));
    setText(text);
    setAccessibleDescription(text);
    setToolTip(tr("%1 is %2. Change your state here (Ready: Ctrl+Shift+R, Not ready: Ctrl+Shift+N).")
                   .arg(m_presence->displayName(), words.toLower()));
}
