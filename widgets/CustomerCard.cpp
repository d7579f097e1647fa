#include "CustomerCard.h"

#include "DataLabel.h"
#include "identity/PhoneNormalizer.h"
#include "itemmodels/CustomerListModel.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedLayout>
#include <QTextDocument>
#include <QVBoxLayout>
#include <map>

namespace {

// Every label that shows data goes through here: customer-written text must
// never be interpreted as markup, and agents copy numbers and addresses.
DataLabel* plainLabel(const QString& text = QString())
{
    return new DataLabel(text);
}

DataLabel* secondaryLabel(const QString& text = QString())
{
    DataLabel* label = plainLabel(text);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QLabel* sectionHeading(const QString& text)
{
    DataLabel* label = secondaryLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setCopyable(false);
    return label;
}

QLabel* fieldName(const QString& text)
{
    DataLabel* label = secondaryLabel(text);
    label->setCopyable(false);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// Rows of labels are kept from one customer to the next (see
// CustomerCard::setCustomer), and the rows a customer does not need are
// collapsed to no height and emptied rather than hidden: creating labels, and
// showing hidden ones, were most of a screen pop's cost.
void setRowCollapsed(QLabel* label, bool collapsed)
{
    label->setMaximumHeight(collapsed ? 0 : QWIDGETSIZE_MAX);
    if (collapsed)
        label->clear();
}

QString joinNonEmpty(const QStringList& parts, const QString& separator)
{
    QStringList kept;
    for (const QString& part : parts)
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    return kept.join(separator);
}

QString tierLabel(const QString& tier)
{
    if (tier == QLatin1String("standard"))
        return CustomerCard::tr("Standard");
    if (tier == QLatin1String("silver"))
        return CustomerCard::tr("Silver");
    if (tier == QLatin1String("gold"))
        return CustomerCard::tr("Gold");
    if (tier == QLatin1String("platinum"))
        return CustomerCard::tr("Platinum");
    return tier;
}

QString languageLabel(const QString& code)
{
    const QLocale locale(code);
    if (code.isEmpty() || locale.language() == QLocale::C)
        return code;
    return CustomerCard::tr("%1 (%2)").arg(CustomerListModel::languageLabel(code), code);
}

QString identityLabel(const Identity& identity)
{
    // "Instagram" says more than "Social"; social identities still group together.
    if (identity.kind == IdentityKind::Social && !identity.network.isEmpty())
        return identity.network.at(0).toUpper() + identity.network.mid(1);
    switch (identity.kind) {
    case IdentityKind::Phone:
        return CustomerCard::tr("Phone");
    case IdentityKind::Email:
        return CustomerCard::tr("Email");
    case IdentityKind::Social:
        return CustomerCard::tr("Social");
    case IdentityKind::Crm:
        return CustomerCard::tr("CRM id");
    case IdentityKind::Chat:
        return CustomerCard::tr("Chat id");
    }
    return {};
}

// CRM keys are whatever the CRM calls them ("account_manager",
// "paymentMethod"); agents read "Account manager" and "Payment method".
QString humanizeKey(const QString& key)
{
    QString text;
    for (int i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (c == QLatin1Char('_') || c == QLatin1Char('-')) {
            text += QLatin1Char(' ');
        } else if (c.isUpper() && i > 0 && key.at(i - 1).isLower()) {
            text += QLatin1Char(' ');
            text += c.toLower();
        } else {
            text += c;
        }
    }
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString jsonValueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? CustomerCard::tr("Yes") : CustomerCard::tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("—");
}

QString consentText(const Customer& c)
{
    // A mark and the word, not colour alone: these decide what the agent may say or record.
    const auto mark = [](bool given) { return given ? QStringLiteral("✓") : QStringLiteral("✗"); };
    return CustomerCard::tr("%1 Call recording     %2 Marketing     %3 Profiling")
        .arg(mark(c.consentRecording), mark(c.consentMarketing), mark(c.consentProfiling));
}

} // namespace

CustomerCard::CustomerCard(QWidget* parent)
    : QWidget(parent)
{
    m_stack = new QStackedLayout(this);

    auto* empty = new QLabel(tr("Select a customer to see their profile."));
    empty->setObjectName(QStringLiteral("cardPlaceholder"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    auto* scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    // Wrapping long values beats a sideways scroll bar on a card read at a glance.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_profile = buildProfile();
    scroll->setWidget(m_profile);
    m_stack->addWidget(scroll);

    clear();
}

QWidget* CustomerCard::buildProfile()
{
    auto* profile = new QWidget;
    auto* layout = new QVBoxLayout(profile);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);

    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    m_name = plainLabel();
    m_name->setObjectName(QStringLiteral("cardName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    header->addWidget(m_name);

    m_vipBadge = new QLabel(tr("VIP"));
    m_vipBadge->setObjectName(QStringLiteral("vipBadge"));
    m_vipBadge->setToolTip(tr("VIP customer: follow the VIP handling guidelines"));
    // Explicit colours on both text and background stay readable on light and dark themes.
    m_vipBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #fbeec1; color: #6b4e00; border: 1px solid #d9b44a;"
                       " border-radius: 3px; padding: 0px 6px; font-weight: bold; }"));
    header->addWidget(m_vipBadge);

    DataLabel* tierBadge = plainLabel();
    tierBadge->setCopyable(false);
    m_tierBadge = tierBadge;
    m_tierBadge->setObjectName(QStringLiteral("tierBadge"));
    m_tierBadge->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 3px;"
                                              " padding: 0px 6px; }"));
    header->addWidget(m_tierBadge);
    header->addStretch(1);
    layout->addLayout(header);

    m_subtitle = secondaryLabel();
    m_subtitle->setObjectName(QStringLiteral("cardSubtitle"));
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_subtitle);
    // Consent sits under the name, where it is read before the call is recorded.
    m_consents = plainLabel();
    m_consents->setObjectName(QStringLiteral("consents"));
    m_consents->setToolTip(tr("What the customer has consented to"));
    layout->addWidget(m_consents);
    layout->addSpacing(6);

    // Side by side: the card sits above the history, so height is scarce, and
    // identities need the width (emails are long, never wrapped).
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->setSpacing(24);

    auto* details = new QGridLayout;
    details->setHorizontalSpacing(12);
    details->setVerticalSpacing(3);
    details->addWidget(sectionHeading(tr("Profile")), 0, 0, 1, 2);
    const auto addField = [details](const QString& name, QLabel* value, bool wrap) {
        const int row = details->rowCount();
        value->setWordWrap(wrap);
        details->addWidget(fieldName(name), row, 0);
        details->addWidget(value, row, 1);
    };
    m_language = plainLabel();
    m_lifetimeValue = plainLabel();
    m_lifetimeValue->setObjectName(QStringLiteral("lifetimeValue"));
    m_address = plainLabel();
    m_customerSince = plainLabel();
    addField(tr("Language"), m_language, false);
    addField(tr("Lifetime value"), m_lifetimeValue, false);
    addField(tr("Address"), m_address, true);
    addField(tr("Customer since"), m_customerSince, false);
    details->setColumnStretch(1, 1);
    details->setRowStretch(details->rowCount(), 1);
    m_columns->addLayout(details, 2);

    auto* contact = new QVBoxLayout;
    contact->setSpacing(3);
    contact->addWidget(sectionHeading(tr("Reachable at")));
    m_identities = new QGridLayout;
    m_identities->setHorizontalSpacing(12);
    m_identities->setVerticalSpacing(3);
    contact->addLayout(m_identities);
    m_noIdentities = secondaryLabel();
    contact->addWidget(m_noIdentities);
    contact->addStretch(1);
    m_columns->addLayout(contact, 3);
    layout->addLayout(m_columns);

    // CRMs bring many short fields: across the full width, a few per row,
    // they take three lines instead of ten.
    layout->addSpacing(8);
    layout->addWidget(sectionHeading(tr("CRM")));
    m_crmFields = new QGridLayout;
    m_crmFields->setHorizontalSpacing(12);
    m_crmFields->setVerticalSpacing(3);
    layout->addLayout(m_crmFields);
    m_noCrmFields = secondaryLabel();
    layout->addWidget(m_noCrmFields);
    layout->addStretch(1);
    return profile;
}

void CustomerCard::setCustomer(const Customer& c, const QList<Identity>& identities)
{
    m_customerId = c.id;
    // Showing a widget in a visible window lays the window out on the spot
    // (Qt activates every parent layout first): widgets are shown before any
    // text changes, while the layout still holds, and rows are collapsed
    // rather than hidden (see setRowCollapsed).
    const QString subtitle = joinNonEmpty(
        { c.company, joinNonEmpty({ c.city, c.country }, QStringLiteral(", ")) }, QStringLiteral(" · "));
    m_vipBadge->setVisible(c.vip);
    m_subtitle->setVisible(!subtitle.isEmpty());
    m_name->setText(c.displayName);
    m_tierBadge->setText(tierLabel(c.tier));
    m_subtitle->setText(subtitle);

    const QLocale locale;
    m_language->setText(languageLabel(c.language));
    // The store keeps amounts in the centre's currency, which is the euro until
    // the backend says otherwise.
    m_lifetimeValue->setText(locale.toCurrencyString(c.lifetimeValue, QStringLiteral("€")));
    const QString address = joinNonEmpty({ c.address, c.city, c.country }, QStringLiteral(", "));
    m_address->setText(address.isEmpty() ? QStringLiteral("—") : address);
    m_customerSince->setText(c.createdAt > 0
            ? locale.toString(
                QDateTime::fromSecsSinceEpoch(c.createdAt).toLocalTime().date(), QLocale::ShortFormat)
            : QStringLiteral("—"));
    m_consents->setText(consentText(c));

    fillIdentities(identities);
    m_crmFieldsJson = c.crmFields;
    fillCrmFields();
    m_stack->setCurrentIndex(1);
}

void CustomerCard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // In a side panel the two columns and three CRM fields a row do not fit:
    // they stack, and the CRM fields go one a row.
    const bool narrow = width() < kNarrowWidth;
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    m_columns->setDirection(narrow ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_columns->setSpacing(narrow ? 8 : 24);
    if (m_customerId != 0)
        fillCrmFields();
}

void CustomerCard::clear()
{
    m_customerId = 0;
    m_stack->setCurrentIndex(0);
}

void CustomerCard::fillIdentities(const QList<Identity>& identities)
{
    m_noIdentities->setText(identities.isEmpty() ? tr("No phone, email or handle on record") : QString());
    setRowCollapsed(m_noIdentities, !identities.isEmpty());
    // Grouped by kind in a fixed order, whatever order the systems reported them in.
    std::map<IdentityKind, QList<Identity>> byKind;
    for (const Identity& identity : identities)
        byKind[identity.kind].append(identity);
    int row = 0;
    QString previousLabel;
    for (const auto& [kind, group] : byKind) {
        for (const Identity& identity : group) {
            if (row == m_identityRows.size()) {
                IdentityRow labels { fieldName(QString()), plainLabel(), secondaryLabel() };
                labels.value->setObjectName(QStringLiteral("identityValue"));
                m_identities->addWidget(labels.kind, row, 0);
                m_identities->addWidget(labels.value, row, 1);
                m_identities->addWidget(labels.meta, row, 2);
                m_identityRows.append(labels);
            }
            const IdentityRow& labels = m_identityRows.at(row);
            // The label once per group ("Phone" over two numbers), like an address book.
            const QString label = identityLabel(identity);
            labels.kind->setText(label != previousLabel ? label : QString());
            previousLabel = label;
            // Never wrapped: a phone number or an address split over two lines gets misread.
            labels.value->setText(identity.kind == IdentityKind::Phone
                    ? PhoneNormalizer::formatInternational(identity.value)
                    : identity.value);
            // Tooltips guess at rich text: escaped, so recorded text never becomes markup.
            labels.value->setToolTip(!identity.rawValue.isEmpty() && identity.rawValue != identity.value
                    ? Qt::convertFromPlainText(tr("As recorded: %1").arg(identity.rawValue))
                    : QString());
            QStringList meta { identity.source };
            if (identity.verified)
                meta << tr("verified");
            labels.meta->setText(joinNonEmpty(meta, QStringLiteral(" · ")));
            for (QLabel* l : { labels.kind, labels.value, labels.meta })
                setRowCollapsed(l, false);
            ++row;
        }
    }
    // Rows the last customer needed and this one does not: collapsed and
    // empty, so nothing stale can be seen or found in them.
    for (int unused = row; unused < m_identityRows.size(); ++unused) {
        for (QLabel* l : { m_identityRows.at(unused).kind, m_identityRows.at(unused).value,
                 m_identityRows.at(unused).meta })
            setRowCollapsed(l, true);
    }
    // The spare width goes after the source, which stays next to its value.
    m_identities->setColumnStretch(3, 1);
}

void CustomerCard::fillCrmFields()
{
    const QJsonObject fields = QJsonDocument::fromJson(m_crmFieldsJson.toUtf8()).object();
    m_noCrmFields->setText(fields.isEmpty() ? tr("No CRM fields") : QString());
    setRowCollapsed(m_noCrmFields, !fields.isEmpty());
    const int perRow = m_narrow ? 1 : 3;
    if (perRow != m_crmFieldsPerRow) {
        // The grid changes shape: every kept pair moves to its new cell.
        for (const CrmField& field : std::as_const(m_crmPool)) {
            m_crmFields->removeWidget(field.name);
            m_crmFields->removeWidget(field.value);
        }
        for (int column = 0; column < m_crmFields->columnCount(); ++column)
            m_crmFields->setColumnStretch(column, 0);
        m_crmFieldsPerRow = perRow;
        for (int index = 0; index < m_crmPool.size(); ++index) {
            m_crmFields->addWidget(m_crmPool.at(index).name, index / perRow, (index % perRow) * 2);
            m_crmFields->addWidget(m_crmPool.at(index).value, index / perRow, (index % perRow) * 2 + 1);
        }
        for (int column = 1; column < perRow * 2; column += 2)
            m_crmFields->setColumnStretch(column, 1);
    }
    int index = 0;
    for (auto it = fields.begin(); it != fields.end(); ++it, ++index) {
        if (index == m_crmPool.size()) {
            CrmField field { fieldName(QString()), plainLabel() };
            field.value->setWordWrap(true);
            m_crmFields->addWidget(field.name, index / perRow, (index % perRow) * 2);
            m_crmFields->addWidget(field.value, index / perRow, (index % perRow) * 2 + 1);
            m_crmPool.append(field);
        }
        const CrmField& field = m_crmPool.at(index);
        field.name->setText(humanizeKey(it.key()));
        field.value->setText(jsonValueText(it.value()));
        setRowCollapsed(field.name, false);
        setRowCollapsed(field.value, false);
    }
    for (int unused = index; unused < m_crmPool.size(); ++unused) {
        setRowCollapsed(m_crmPool.at(unused).name, true);
        setRowCollapsed(m_crmPool.at(unused).value, true);
    }
}
