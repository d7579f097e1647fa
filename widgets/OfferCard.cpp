#include "OfferCard.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

OfferCard::OfferCard(qint64 interactionId, QWidget* parent)
    : QFrame(parent)
    , m_interactionId(interactionId)
{
    setObjectName(QStringLiteral("offer-%1").arg(interactionId));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_customer = new QLabel;
    m_customer->setObjectName(QStringLiteral("offerCustomer"));
    // Customer-written text: never markup.
    m_customer->setTextFormat(Qt::PlainText);
    QFont bold = m_customer->font();
    bold.setBold(true);
    m_customer->setFont(bold);
    m_detail = new QLabel;
    m_detail->setObjectName(QStringLiteral("offerDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_countdown = new QProgressBar;
    m_countdown->setObjectName(QStringLiteral("offerCountdown"));
    m_countdown->setTextVisible(false);
    m_countdown->setMaximumHeight(6);
    m_accept = new QPushButton(tr("Accept"));
    m_accept->setObjectName(QStringLiteral("acceptOfferButton"));
    m_accept->setDefault(true);
    m_decline = new QPushButton(tr("Decline"));
    m_decline->setObjectName(QStringLiteral("declineOfferButton"));
    connect(m_accept, &QPushButton::clicked, this, [this] { Q_EMIT acceptClicked(m_interactionId); });
    connect(m_decline, &QPushButton::clicked, this, [this] { Q_EMIT declineClicked(m_interactionId); });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setVerticalSpacing(3);
    layout->addWidget(m_customer, 0, 0, 1, 2);
    layout->addWidget(m_detail, 1, 0, 1, 2);
    layout->addWidget(m_countdown, 2, 0, 1, 2);
    layout->addWidget(m_accept, 3, 0);
    layout->addWidget(m_decline, 3, 1);
}

void OfferCard::setOffer(const QString& customer, const QString& detail, int secondsLeft)
{
    m_customer->setText(customer);
    m_detail->setText(detail);
    m_fullSeconds = std::max(m_fullSeconds, secondsLeft);
    m_countdown->setVisible(secondsLeft >= 0);
    m_countdown->setRange(0, std::max(1, m_fullSeconds));
    m_countdown->setValue(std::max(0, secondsLeft));
    m_accept->setAccessibleName(tr("Accept the offer from %1").arg(customer));
    m_decline->setAccessibleName(tr("Decline the offer from %1").arg(customer));
    setAccessibleName(tr("Offer: %1, %2").arg(customer, detail));
}
