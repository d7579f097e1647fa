#include "CustomerSessionPage.h"

#include "CustomerCard.h"
#include "IconNameDelegate.h"
#include "TableStyle.h"
#include "itemmodels/InteractionListModel.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLoggingCategory>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
Q_LOGGING_CATEGORY(lcSessionPage, "unisono.session", QtInfoMsg)
}

CustomerSessionPage::CustomerSessionPage(Store& store, qint64 customerId, QWidget* parent)
    : SessionPage(customerId, parent)
    , m_store(store)
{
    m_card = new CustomerCard;
    m_card->setObjectName(QStringLiteral("customerCard"));
    m_interactions = new InteractionListModel(m_store, this);
    m_history = new QTableView;
    m_history->setObjectName(QStringLiteral("interactionList"));
    m_history->setAccessibleName(tr("Interaction history"));
    setUpHistory();

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_card);
    m_splitter->addWidget(m_history);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 280, 520 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    loadCustomer();
    m_interactions->setCustomer(customerId);
}

SessionPage* CustomerSessionPage::create(Store& store, qint64 customerId)
{
    return new CustomerSessionPage(store, customerId);
}

QString CustomerSessionPage::title() const
{
    return m_title;
}

void CustomerSessionPage::setUpHistory()
{
    m_history->setModel(m_interactions);
    TableStyle::apply(m_history);
    const int iconSide = m_history->fontMetrics().height();
    m_history->setItemDelegateForColumn(InteractionListModel::Channel,
        new IconNameDelegate(InteractionListModel::IconNameRole, QStyleOptionViewItem::Left, m_history));
    // The subject says most about a contact: it gets the room the others leave.
    m_history->horizontalHeader()->setStretchLastSection(false);
    m_history->horizontalHeader()->setSectionResizeMode(InteractionListModel::Subject, QHeaderView::Stretch);
    const QDateTime sample(QDate(2024, 12, 28), QTime(23, 58));
    TableStyle::fitColumn(m_history, InteractionListModel::When,
        { InteractionListModel::whenLabel(sample.toSecsSinceEpoch()),
            InteractionListModel::whenLabel(
                QDateTime(QDate::currentDate(), sample.time()).toSecsSinceEpoch()) });
    QStringList channels;
    for (const Channel channel : kAllChannels)
        channels << channelLabel(channel);
    TableStyle::fitColumn(m_history, InteractionListModel::Channel, channels, iconSide + 6);
    TableStyle::fitColumn(m_history, InteractionListModel::Direction, { tr("Outbound") });
    TableStyle::fitColumn(m_history, InteractionListModel::Queue, { QString(10, QLatin1Char('x')) });
    TableStyle::fitColumn(m_history, InteractionListModel::Agent, { QString(16, QLatin1Char('x')) });
    TableStyle::fitColumn(m_history, InteractionListModel::Disposition, { QString(14, QLatin1Char('x')) });
    TableStyle::fitColumn(m_history, InteractionListModel::Sentiment,
        { InteractionListModel::sentimentLabel(-1), InteractionListModel::sentimentLabel(1) });
    TableStyle::fitColumn(m_history, InteractionListModel::Csat, { InteractionListModel::csatStars(5) });
    // The queue matters least to the agent reading the history; the subject needs the room.
    m_history->hideColumn(InteractionListModel::Queue);
    TableStyle::addColumnChooser(m_history);
}

void CustomerSessionPage::loadCustomer()
{
    QString title;
    try {
        if (const std::optional<Customer> customer = m_store.customer(customerId())) {
            m_card->setCustomer(*customer, m_store.identities(customerId()));
            title = customer->displayName;
        } else {
            // Erased or merged away since the session opened: show nothing stale.
            m_card->clear();
            title = tr("Customer no longer exists");
        }
    } catch (const StoreError& error) {
        qCWarning(lcSessionPage) << "could not read customer" << customerId() << ":" << error.message();
        return;
    }
    if (title != m_title) {
        m_title = title;
        Q_EMIT titleChanged();
    }
}

void CustomerSessionPage::showInteraction(qint64 interactionId)
{
    m_interactionId = interactionId;
    if (interactionId == 0)
        return;
    for (int row = 0; row < m_interactions->rowCount(); ++row) {
        if (m_interactions->interactionAt(row).id == interactionId) {
            const QModelIndex index = m_interactions->index(row, InteractionListModel::Subject);
            m_history->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_history->scrollTo(index);
            return;
        }
    }
}

void CustomerSessionPage::applyStoreChanges(
    const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    if (customerIds.contains(customerId()))
        loadCustomer();
    m_interactions->refreshInteractions(customerIds, interactionIds);
    // A screen pop can come before its interaction is in the store.
    if (m_interactionId != 0 && interactionIds.contains(m_interactionId))
        showInteraction(m_interactionId);
}
