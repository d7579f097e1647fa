#pragma once

#include <QHash>
#include <QWidget>

class MyWorkModel;
class OfferCard;
class QLabel;
class QListView;
class QVBoxLayout;

// The left column: the agent's own work. Offers ringing come first, each a
// card with its countdown and Accept / Decline; then the interactions in
// progress (with unread badges), the tickets assigned and the callbacks due,
// as lists. Activating an item (click, Enter) asks for its customer's
// session. It shows MyWorkModels and says what the agent chose; the shell
// turns that into actions.
class MyWorkPanel : public QWidget
{
    Q_OBJECT

public:
    MyWorkPanel(MyWorkModel* offers, MyWorkModel* active, MyWorkModel* tickets, MyWorkModel* callbacks,
        QWidget* parent = nullptr);

    OfferCard* offerCard(qint64 interactionId) const { return m_cards.value(interactionId); }
    // The first offer ringing, 0 when none: what the accept shortcut answers.
    qint64 firstOffer() const;
    // Gives the keyboard to the first offer, else to the work in progress.
    void focusFirst();

Q_SIGNALS:
    void acceptRequested(qint64 interactionId);
    void declineRequested(qint64 interactionId);
    void openRequested(qint64 customerId, qint64 interactionId);

private:
    QListView* addList(QVBoxLayout* layout, MyWorkModel* model, const QString& name, const QString& title);
    void syncOffers();
    void updateHeader(MyWorkModel* model);

    MyWorkModel* m_offers;
    QWidget* m_offerBox = nullptr;
    QListView* m_activeList = nullptr;
    QVBoxLayout* m_offerLayout = nullptr;
    QHash<qint64, OfferCard*> m_cards;
    QHash<MyWorkModel*, QLabel*> m_headers;
    QHash<MyWorkModel*, QString> m_titles;
    QHash<MyWorkModel*, QListView*> m_views;
};
