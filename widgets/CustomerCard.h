#pragma once

#include "domain/Customer.h"
#include "domain/Identity.h"

#include <QList>
#include <QWidget>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QStackedLayout;
class QVBoxLayout;

// The customer's profile at a glance: who they are, what they are worth, what
// they consented to, the CRM's fields and every way they reach us. It shows
// the data it is given and never reads the store, so any screen (search,
// screen pop, supervisor drill-down) can reuse it. Everything customers or
// other systems wrote is shown as plain text: data never becomes markup.
class CustomerCard : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerCard(QWidget* parent = nullptr);

    void setCustomer(const Customer& customer, const QList<Identity>& identities);
    // Shows the "no customer selected" state.
    void clear();
    // 0 when no customer is shown.
    qint64 customerId() const { return m_customerId; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Below this width (a side panel) the card stacks its columns.
    static constexpr int kNarrowWidth = 620;

    QWidget* buildProfile();
    void fillIdentities(const QList<Identity>& identities);
    void fillCrmFields();

    qint64 m_customerId = 0;
    QStackedLayout* m_stack = nullptr;
    QWidget* m_profile = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_vipBadge = nullptr;
    QLabel* m_tierBadge = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_language = nullptr;
    QLabel* m_lifetimeValue = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_customerSince = nullptr;
    QLabel* m_consents = nullptr;
    QGridLayout* m_identities = nullptr;
    QGridLayout* m_crmFields = nullptr;
    QBoxLayout* m_columns = nullptr;
    // Label rows kept from one customer to the next (see fillIdentities).
    struct IdentityRow
    {
        QLabel* kind;
        QLabel* value;
        QLabel* meta;
    };
    QList<IdentityRow> m_identityRows;
    QLabel* m_noIdentities = nullptr;
    struct CrmField
    {
        QLabel* name;
        QLabel* value;
    };
    QList<CrmField> m_crmPool;
    int m_crmFieldsPerRow = 3;
    QLabel* m_noCrmFields = nullptr;
    QString m_crmFieldsJson;
    bool m_narrow = false;
};
