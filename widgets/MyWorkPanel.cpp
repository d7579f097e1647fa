#include "MyWorkPanel.h"

#include "OfferCard.h"
#include "WorkItemDelegate.h"
#include "workspace/MyWorkModel.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

MyWorkPanel::MyWorkPanel(
    MyWorkModel* offers, MyWorkModel* active, MyWorkModel* tickets, MyWorkModel* callbacks, QWidget* parent)
    : QWidget(parent)
    , m_offers(offers)
{
    setObjectName(QStringLiteral("myWork"));
    setAccessibleName(tr("My work"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto* offersHeader = new QLabel;
    offersHeader->setObjectName(QStringLiteral("offersHeader"));
    m_headers.insert(offers, offersHeader);
    m_titles.insert(offers, tr("Offers"));
    layout->addWidget(offersHeader);
    m_offerBox = new QWidget;
    m_offerBox->setObjectName(QStringLiteral("offerList"));
    m_offerLayout = new QVBoxLayout(m_offerBox);
    m_offerLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offerBox);
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(offers, signal, this, &MyWorkPanel::syncOffers);
    connect(offers, &QAbstractItemModel::modelReset, this, &MyWorkPanel::syncOffers);
    connect(offers, &QAbstractItemModel::dataChanged, this, &MyWorkPanel::syncOffers);

    m_activeList = addList(layout, active, QStringLiteral("activeList"), tr("In progress"));
    layout->addWidget(m_activeList, 3);
    layout->addWidget(addList(layout, tickets, QStringLiteral("ticketList"), tr("My tickets")), 2);
    layout->addWidget(addList(layout, callbacks, QStringLiteral("callbackList"), tr("Callbacks due")), 1);
    // Empty lists fold away; what is left keeps to the top.
    layout->addStretch(0);
    syncOffers();
}

QListView* MyWorkPanel::addList(
    QVBoxLayout* layout, MyWorkModel* model, const QString& name, const QString& title)
{
    auto* header = new QLabel;
    header->setObjectName(name + QStringLiteral("Header"));
    m_headers.insert(model, header);
    m_titles.insert(model, title);
    layout->addWidget(header);
    auto* view = new QListView;
    view->setObjectName(name);
    view->setAccessibleName(title);
    view->setModel(model);
    view->setItemDelegate(new WorkItemDelegate(view));
    view->setUniformItemSizes(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(view, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openRequested(index.data(MyWorkModel::CustomerIdRole).toLongLong(),
            index.data(MyWorkModel::InteractionIdRole).toLongLong());
    });
    connect(view, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT openRequested(index.data(MyWorkModel::CustomerIdRole).toLongLong(),
            index.data(MyWorkModel::InteractionIdRole).toLongLong());
    });
    m_views.insert(model, view);
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, [this, model] { updateHeader(model); });
    connect(model, &QAbstractItemModel::modelReset, this, [this, model] { updateHeader(model); });
    updateHeader(model);
    return view;
}

void MyWorkPanel::updateHeader(MyWorkModel* model)
{
    QLabel* header = m_headers.value(model);
    header->setText(QStringLiteral("%1 (%2)").arg(m_titles.value(model)).arg(model->rowCount()));
    if (QListView* view = m_views.value(model))
        view->setVisible(model->rowCount() > 0);
    QFont font = header->font();
    font.setBold(true);
    header->setFont(font);
}

qint64 MyWorkPanel::firstOffer() const
{
    return m_offers->rowCount() > 0 ? m_offers->itemAt(0).id : 0;
}

void MyWorkPanel::focusFirst()
{
    if (OfferCard* card = m_cards.value(firstOffer()))
        card->acceptButton()->setFocus(Qt::ShortcutFocusReason);
    else
        m_activeList->setFocus(Qt::ShortcutFocusReason);
}

void MyWorkPanel::syncOffers()
{
    QSet<qint64> present;
    for (int row = 0; row < m_offers->rowCount(); ++row) {
        const QModelIndex index = m_offers->index(row, 0);
        const qint64 id = index.data(MyWorkModel::IdRole).toLongLong();
        present.insert(id);
        OfferCard* card = m_cards.value(id);
        if (!card) {
            card = new OfferCard(id);
            connect(card, &OfferCard::acceptClicked, this, &MyWorkPanel::acceptRequested);
            connect(card, &OfferCard::declineClicked, this, &MyWorkPanel::declineRequested);
            m_cards.insert(id, card);
        }
        // Ringing order: the first offer is the one the shortcut answers.
        m_offerLayout->insertWidget(row, card);
        card->setOffer(index.data(MyWorkModel::TitleRole).toString(),
            index.data(MyWorkModel::DetailRole).toString(), index.data(MyWorkModel::SecondsLeftRole).toInt());
        card->setVisible(true);
    }
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        it.value()->deleteLater();
        it = m_cards.erase(it);
    }
    m_offerBox->setVisible(!m_cards.isEmpty());
    updateHeader(m_offers);
}
