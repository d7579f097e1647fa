#pragma once

#include "domain/Identity.h"

#include <QModelIndex>
#include <QWidget>

class ContextListView;
class CustomerMatchModel;
class QLabel;
class QPushButton;
class Store;

// The card a screen pop shows for a phone number, email address or social
// handle that belongs to no customer: the identity itself and the existing
// customers it most likely belongs to, so the agent links it to the right
// one (double-click, Enter, or select and press Link) instead of creating a
// duplicate. The card only asks: linkIdentityRequested goes to whoever
// performs agent actions, and the card shows the data it is given as plain
// text.
class NewCustomerCard : public QWidget
{
    Q_OBJECT

public:
    explicit NewCustomerCard(Store& store, QWidget* parent = nullptr);

    // nameHint is a name the channel gave with the identity (caller id, an
    // email's From, a profile name); network is the social network of a handle.
    void setUnknownIdentity(IdentityKind kind, const QString& rawValue, const QString& network = QString(),
        const QString& nameHint = QString());

Q_SIGNALS:
    // Link this identity (kind as the store writes it: "phone", "email",
    // "social"; value as it arrived; network for social handles) to the customer.
    void linkIdentityRequested(qint64 customerId, const QString& kind, const QString& value, const QString& network);

private:
    QModelIndex chosen() const;
    void linkCurrent();
    void updateButton();

    CustomerMatchModel* m_matches = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_nameHint = nullptr;
    QLabel* m_matchesHeading = nullptr;
    ContextListView* m_list = nullptr;
    QPushButton* m_link = nullptr;
};
