#pragma once

#include "SessionPage.h"
#include "domain/Identity.h"

class AgentActions;
class CustomerContextPanel;
class InteractionPanel;
class NewCustomerCard;
class QSplitter;
class QStackedWidget;

// A customer session: the interaction being handled on the left (call
// controls, transcript, composer, notes, wrap-up) and everything about the
// customer on the right (CustomerContextPanel), filled together on a
// screen pop. A contact from an unknown number or handle opens with the
// new-customer card on the right instead; linking it to a customer
// (AgentActions::linkIdentity) turns the card into that customer's context.
// The context's duplicates are merged through MergeDialog and undone from
// the context, both through AgentActions; a session whose customer was
// merged into another follows the survivor.
// Older history is asked for through olderHistoryWanted only once the desk
// has somewhere to fetch it from (setOlderHistorySource).
class CustomerSessionPage : public SessionPage
{
    Q_OBJECT

public:
    CustomerSessionPage(Store& store, AgentActions& actions, qint64 customerId, QWidget* parent = nullptr);

    // The factory SessionTabs uses: pages that act through these actions.
    static SessionPageFactory factory(AgentActions& actions);

    QString title() const override;
    void showInteraction(qint64 interactionId) override;
    void applyStoreChanges(const QList<qint64>& customerIds, const QList<qint64>& interactionIds) override;
    void showUnknownContact(
        IdentityKind kind, const QString& value, const QString& network, const QString& nameHint) override;
    void setOlderHistorySource(bool available) override;
    void olderHistoryFetched(qint64 customerId, int received, int total) override;
    void olderHistoryFailed(qint64 customerId, const QString& error) override;
    bool startSession(qint64 customerId) override;

    CustomerContextPanel* contextPanel() const { return m_context; }
    InteractionPanel* interactionPanel() const { return m_interaction; }

private:
    void loadTitle();
    void linkIdentity(qint64 customerId, const QString& kind, const QString& value, const QString& network);
    void openMergeDialog(qint64 candidateId);
    void undoMerge(qint64 mergedId);
    // The session is now this customer's, every panel with it.
    void followCustomer(qint64 customerId);

    Store& m_store;
    AgentActions& m_actions;
    InteractionPanel* m_interaction = nullptr;
    QStackedWidget* m_side = nullptr;
    CustomerContextPanel* m_context = nullptr;
    NewCustomerCard* m_newCustomer = nullptr;
    QSplitter* m_splitter = nullptr;
    QString m_title;
    QString m_unknownTitle;
};
