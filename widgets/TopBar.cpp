#include "TopBar.h"

#include "AgentStateButton.h"
#include "IconNameDelegate.h"
#include "SyncStatusLabel.h"
#include "sync/SyncStatus.h"
#include "workspace/AgentPresence.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

TopBar::TopBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("topBar"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search customers"));
    m_search->setPlaceholderText(tr("Search name, phone, email, handle, id… (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(IconNameDelegate::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setToolTip(tr("Find a customer (Ctrl+K). Phone numbers match in any format."));
    m_search->setMinimumWidth(280);

    m_state = new AgentStateButton;
    m_sync = new SyncStatusLabel;
    m_rejected = new QToolButton;
    m_rejected->setObjectName(QStringLiteral("rejectedButton"));
    m_rejected->setAccessibleName(tr("Changes the server refused"));
    m_rejected->setStyleSheet(QStringLiteral("QToolButton { color: #c83c3c; font-weight: bold; }"));
    m_rejected->hide();
    connect(m_rejected, &QToolButton::clicked, this, &TopBar::rejectedListRequested);

    m_account = new QToolButton;
    m_account->setObjectName(QStringLiteral("accountButton"));
    m_account->setAccessibleName(tr("Account"));
    m_account->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_account);
    QAction* signOut = menu->addAction(tr("Sign out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut, &QAction::triggered, this, &TopBar::signOutRequested);
    m_account->setMenu(menu);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->addWidget(m_search, 2);
    layout->addStretch(1);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_sync);
    layout->addWidget(m_rejected);
    layout->addSpacing(12);
    layout->addWidget(m_account);
    refreshAccount();
}

void TopBar::setPresence(AgentPresence* presence)
{
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_presence = presence;
    m_state->setPresence(presence);
    if (m_presence)
        connect(m_presence, &AgentPresence::changed, this, &TopBar::refreshAccount);
    refreshAccount();
}

void TopBar::setSyncStatus(SyncStatus* status, const QString& backend)
{
    if (m_status)
        disconnect(m_status, nullptr, this, nullptr);
    m_status = status;
    m_sync->setStatus(status, backend);
    if (m_status)
        connect(m_status, &SyncStatus::changed, this, &TopBar::refreshRejected);
    refreshRejected();
}

void TopBar::refreshRejected()
{
    const int rejected = m_status ? m_status->rejectedOutbox() : 0;
    m_rejected->setVisible(rejected > 0);
    m_rejected->setText(tr("%n refused", nullptr, rejected));
    m_rejected->setToolTip(
        tr("The server refused %n of your changes: see why, and send again or discard.", nullptr, rejected));
}

void TopBar::refreshAccount()
{
    const QString name = m_presence && m_presence->isKnown() ? m_presence->displayName() : QString();
    m_account->setText(name.isEmpty() ? tr("Account") : name);
    m_account->setToolTip(name.isEmpty() ? tr("Sign out") : tr("Signed in as %1").arg(name));
}
