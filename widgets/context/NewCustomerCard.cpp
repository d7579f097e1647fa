#include "NewCustomerCard.h"

#include "ContextListView.h"
#include "context/CustomerMatchModel.h"
#include "identity/PhoneNormalizer.h"
#include "context/SocialActivityModel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel* plainLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

NewCustomerCard::NewCustomerCard(Store& store, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("newCustomerCard"));
    m_matches = new CustomerMatchModel(store, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);

    m_heading = plainLabel(QStringLiteral("newCustomerHeading"));
    m_heading->setTextInteractionFlags(Qt::NoTextInteraction);
    m_heading->setEnabled(false);
    layout->addWidget(m_heading);

    m_value = plainLabel(QStringLiteral("unknownIdentity"));
    QFont big = m_value->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_value->setFont(big);
    layout->addWidget(m_value);

    m_nameHint = plainLabel(QStringLiteral("unknownNameHint"));
    layout->addWidget(m_nameHint);
    layout->addSpacing(8);

    m_matchesHeading = plainLabel(QStringLiteral("matchesHeading"));
    QFont bold = m_matchesHeading->font();
    bold.setBold(true);
    m_matchesHeading->setFont(bold);
    m_matchesHeading->setTextInteractionFlags(Qt::NoTextInteraction);
    m_matchesHeading->setText(tr("Closest existing customers"));
    layout->addWidget(m_matchesHeading);

    m_list = new ContextListView;
    m_list->setObjectName(QStringLiteral("customerMatches"));
    m_list->setAccessibleName(tr("Closest existing customers"));
    m_list->setPlaceholderText(tr("No existing customer looks like this one."));
    m_list->setModel(m_matches);
    m_list->setAlternatingRowColors(false);
    m_list->setToolTip(tr("Double-click or press Enter to link to that customer"));
    layout->addWidget(m_list, 1);

    m_link = new QPushButton;
    m_link->setObjectName(QStringLiteral("linkIdentity"));
    layout->addWidget(m_link, 0, Qt::AlignRight);

    connect(m_link, &QPushButton::clicked, this, &NewCustomerCard::linkCurrent);
    connect(m_list, &QListView::activated, this, &NewCustomerCard::linkCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NewCustomerCard::updateButton);
    connect(m_matches, &QAbstractItemModel::modelReset, this, &NewCustomerCard::updateButton);
    updateButton();
}

void NewCustomerCard::setUnknownIdentity(
    IdentityKind kind, const QString& rawValue, const QString& network, const QString& nameHint)
{
    m_matches->setIdentity(kind, rawValue, network, nameHint);
    const QString value = m_matches->normalizedValue();
    switch (kind) {
    case IdentityKind::Phone:
        m_heading->setText(tr("Unknown caller"));
        m_value->setText(value.isEmpty() ? rawValue : PhoneNormalizer::formatInternational(value));
        break;
    case IdentityKind::Email:
        m_heading->setText(tr("New email sender"));
        m_value->setText(value.isEmpty() ? rawValue : value);
        break;
    case IdentityKind::Social:
        m_heading->setText(tr("New social handle"));
        m_value->setText(tr("@%1 on %2")
                .arg(value.isEmpty() ? rawValue : value, SocialActivityModel::networkLabel(m_matches->network())));
        break;
    case IdentityKind::Crm:
    case IdentityKind::Chat:
        m_heading->setText(tr("Unknown contact"));
        m_value->setText(rawValue);
        break;
    }
    QStringList lines;
    if (!nameHint.trimmed().isEmpty())
        lines << tr("Introduced as: %1").arg(nameHint.trimmed());
    lines << (value.isEmpty() ? tr("This is not a valid %1, so it cannot be linked.")
                                    .arg(QLatin1String(identityKindKey(kind)))
                              : tr("Not linked to any customer yet."));
    m_nameHint->setText(lines.join(QLatin1Char('\n')));
    updateButton();
}

QModelIndex NewCustomerCard::chosen() const
{
    // The selected candidate, not merely the current one: a list given focus
    // makes its first row current, and a hasty Enter must not link a stranger.
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

void NewCustomerCard::updateButton()
{
    const QModelIndex current = chosen();
    const bool canLink = current.isValid() && !m_matches->normalizedValue().isEmpty();
    m_link->setEnabled(canLink);
    // A name is data: an "&" in it must not become a keyboard mnemonic.
    QString name = current.data(Qt::DisplayRole).toString();
    name.replace(QLatin1Char('&'), QLatin1String("&&"));
    m_link->setText(canLink ? tr("&Link to %1").arg(name)
                            : tr("&Link to the selected customer"));
}

void NewCustomerCard::linkCurrent()
{
    const QModelIndex current = chosen();
    if (!current.isValid() || m_matches->normalizedValue().isEmpty())
        return;
    Q_EMIT linkIdentityRequested(current.data(CustomerMatchModel::CustomerIdRole).toLongLong(),
        QString::fromLatin1(identityKindKey(m_matches->kind())), m_matches->rawValue(), m_matches->network());
}
