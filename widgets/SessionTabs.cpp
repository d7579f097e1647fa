#include "SessionTabs.h"

#include <QLabel>
#include <QStackedLayout>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

namespace {
// Long names are elided in the tab and shown whole in its tooltip.
constexpr int kTitleChars = 28;
} // namespace

SessionTabs::SessionTabs(Store& store, SessionPageFactory factory, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_factory(std::move(factory))
{
    m_placeholder
        = new QLabel(tr("No customer session is open.\n\nFind a customer with Ctrl+K, or accept an offer "
                        "from My work: their session opens here."));
    m_placeholder->setObjectName(QStringLiteral("noSessionLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setAccessibleName(tr("Customer sessions"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setElideMode(Qt::ElideRight);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &SessionTabs::closeSession);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const SessionPage* page = currentPage();
        Q_EMIT currentCustomerChanged(page ? page->customerId() : 0);
    });
}

SessionTabs::~SessionTabs() = default;

int SessionTabs::count() const
{
    return m_tabs->count();
}

SessionPage* SessionTabs::page(int index) const
{
    return qobject_cast<SessionPage*>(m_tabs->widget(index));
}

SessionPage* SessionTabs::currentPage() const
{
    return qobject_cast<SessionPage*>(m_tabs->currentWidget());
}

int SessionTabs::indexOfCustomer(qint64 customerId) const
{
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (page(index)->customerId() == customerId)
            return index;
    }
    return -1;
}

SessionPage* SessionTabs::openCustomer(qint64 customerId, qint64 interactionId)
{
    if (customerId <= 0)
        return nullptr;
    int index = indexOfCustomer(customerId);
    if (index < 0)
        index = m_tabs->indexOf(addPage(customerId, QStringLiteral("session-%1").arg(customerId)));
    SessionPage* shown = page(index);
    m_tabs->setCurrentIndex(index);
    if (interactionId != 0)
        shown->showInteraction(interactionId);
    return shown;
}

SessionPage* SessionTabs::openUnknownContact(qint64 interactionId, IdentityKind kind, const QString& value,
    const QString& network, const QString& nameHint)
{
    const QString name = QStringLiteral("session-unknown-%1").arg(interactionId);
    SessionPage* shown = nullptr;
    for (int index = 0; index < m_tabs->count() && !shown; ++index) {
        if (page(index)->objectName() == name)
            shown = page(index);
    }
    if (!shown) {
        shown = addPage(0, name);
        shown->showUnknownContact(kind, value, network, nameHint);
        shown->showInteraction(interactionId);
    }
    m_tabs->setCurrentWidget(shown);
    return shown;
}

SessionPage* SessionTabs::addPage(qint64 customerId, const QString& objectName)
{
    SessionPage* page = nullptr;
    if (m_spare && customerId > 0 && m_spare->startSession(customerId))
        page = m_spare.release();
    else
        page = m_factory(m_store, customerId);
    m_spare.reset();
    page->setObjectName(objectName);
    page->setOlderHistorySource(m_historySource);
    connect(page, &SessionPage::titleChanged, this, [this, page] { updateTitle(page); });
    connect(page, &SessionPage::olderHistoryWanted, this, &SessionTabs::olderHistoryWanted);
    m_tabs->addTab(page, QString());
    updateTitle(page);
    m_stack->setCurrentWidget(m_tabs);
    prepareSpare();
    return page;
}

void SessionTabs::prepareSpare()
{
    // Only once a session has opened: a desk that never opens one (and its
    // start-up) does not pay for a page.
    if (m_spareScheduled)
        return;
    m_spareScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_spareScheduled = false;
        if (m_spare)
            return;
        m_spare.reset(m_factory(m_store, 0));
        m_spare->ensurePolished();
    });
}

void SessionTabs::setOlderHistorySource(bool available)
{
    m_historySource = available;
    for (int index = 0; index < m_tabs->count(); ++index)
        page(index)->setOlderHistorySource(available);
}

void SessionTabs::olderHistoryFetched(qint64 customerId, int received, int total)
{
    for (int index = 0; index < m_tabs->count(); ++index)
        page(index)->olderHistoryFetched(customerId, received, total);
}

void SessionTabs::olderHistoryFailed(qint64 customerId, const QString& error)
{
    for (int index = 0; index < m_tabs->count(); ++index)
        page(index)->olderHistoryFailed(customerId, error);
}

void SessionTabs::updateTitle(SessionPage* page)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    const QString title = page->title();
    QString shown = title.size() > kTitleChars ? title.left(kTitleChars - 1) + QChar(0x2026) : title;
    // A customer's name is text, never a mnemonic: "Rossi & Figli" keeps its ampersand.
    shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
    m_tabs->setTabText(index, shown);
    m_tabs->setTabToolTip(index, title);
}

void SessionTabs::closeSession(int index)
{
    QWidget* page = m_tabs->widget(index);
    if (!page)
        return;
    m_tabs->removeTab(index);
    page->deleteLater();
    showPlaceholderIfEmpty();
}

void SessionTabs::nextSession(int step)
{
    if (m_tabs->count() < 2)
        return;
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + m_tabs->count()) % m_tabs->count());
}

void SessionTabs::showPlaceholderIfEmpty()
{
    if (m_tabs->count() == 0) {
        m_stack->setCurrentWidget(m_placeholder);
        Q_EMIT currentCustomerChanged(0);
    }
}

void SessionTabs::applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    for (int index = 0; index < m_tabs->count(); ++index)
        page(index)->applyStoreChanges(customerIds, interactionIds);
}
