#include "CustomerSessionPage.h"

#include "context/CustomerContextPanel.h"
#include "context/MergeDialog.h"
#include "context/NewCustomerCard.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "workspace/AgentActions.h"
#include "workspace/InteractionPanel.h"
#include "workspace/ReplyComposer.h"

#include <QLoggingCategory>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
Q_LOGGING_CATEGORY(lcSessionPage, "unisono.session", QtInfoMsg)
}

CustomerSessionPage::CustomerSessionPage(
    Store& store, AgentActions& actions, qint64 customerId, QWidget* parent)
    : SessionPage(customerId, parent)
    , m_store(store)
    , m_actions(actions)
{
    m_interaction = new InteractionPanel(m_store, m_actions, customerId);
    m_context = new CustomerContextPanel(m_store, customerId);
    m_newCustomer = new NewCustomerCard(m_store);
    m_side = new QStackedWidget;
    m_side->setObjectName(QStringLiteral("sessionSide"));
    m_side->addWidget(m_context);
    m_side->addWidget(m_newCustomer);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("sessionSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_interaction);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 460, 540 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // Knowledge follows the conversation; an article goes into the reply.
    connect(m_interaction, &InteractionPanel::conversationChanged, m_context,
        &CustomerContextPanel::setConversationText);
    connect(m_context, &CustomerContextPanel::insertIntoReply, m_interaction->composer(),
        &ReplyComposer::insertText);
    connect(m_newCustomer, &NewCustomerCard::linkIdentityRequested, this, &CustomerSessionPage::linkIdentity);
    connect(m_context, &CustomerContextPanel::mergeRequested, this, &CustomerSessionPage::openMergeDialog);
    connect(m_context, &CustomerContextPanel::undoMergeRequested, this, &CustomerSessionPage::undoMerge);

    loadTitle();
    m_interaction->setInteraction(0);
}

SessionPageFactory CustomerSessionPage::factory(AgentActions& actions)
{
    return [&actions](Store& store, qint64 customerId) -> SessionPage* {
        return new CustomerSessionPage(store, actions, customerId);
    };
}

QString CustomerSessionPage::title() const
{
    return m_title;
}

void CustomerSessionPage::loadTitle()
{
    QString title = m_unknownTitle;
    if (customerId() > 0) {
        try {
            const std::optional<Customer> customer = m_store.customer(customerId());
            // Erased or merged away since the session opened: say so, show nothing stale.
            title = customer ? customer->displayName : tr("Customer no longer exists");
        } catch (const StoreError& error) {
            qCWarning(lcSessionPage) << "could not read customer" << customerId() << ":" << error.message();
            return;
        }
    }
    if (title != m_title) {
        m_title = title;
        Q_EMIT titleChanged();
    }
}

bool CustomerSessionPage::startSession(qint64 customerId)
{
    // Only a page that has been no one's: what the constructor does with a customer.
    if (this->customerId() != 0 || customerId <= 0 || m_side->currentWidget() != m_context)
        return false;
    setCustomerId(customerId);
    m_context->setCustomer(customerId);
    m_interaction->setCustomer(customerId);
    loadTitle();
    m_interaction->setInteraction(0);
    return true;
}

void CustomerSessionPage::showInteraction(qint64 interactionId)
{
    m_interaction->setInteraction(interactionId);
}

void CustomerSessionPage::showUnknownContact(
    IdentityKind kind, const QString& value, const QString& network, const QString& nameHint)
{
    if (customerId() > 0)
        return;
    m_newCustomer->setUnknownIdentity(kind, value, network, nameHint);
    m_side->setCurrentWidget(m_newCustomer);
    m_unknownTitle = nameHint.trimmed().isEmpty() ? tr("Unknown: %1").arg(value)
                                                  : tr("Unknown: %1").arg(nameHint.trimmed());
    loadTitle();
}

void CustomerSessionPage::linkIdentity(
    qint64 linkTo, const QString& kind, const QString& value, const QString& network)
{
    const std::optional<IdentityKind> identityKind = identityKindFromKey(kind);
    if (!identityKind)
        return;
    const AgentActions::Result result = m_actions.linkIdentity(linkTo, *identityKind, value, network);
    if (!result) {
        qCInfo(lcSessionPage).noquote() << "link refused:" << result.error;
        m_newCustomer->setToolTip(result.error);
        return;
    }
    // The card did its job: the session is now this customer's, every panel with it.
    followCustomer(linkTo);
}

void CustomerSessionPage::followCustomer(qint64 customerId)
{
    setCustomerId(customerId);
    m_context->setCustomer(customerId);
    m_interaction->setCustomer(customerId);
    m_side->setCurrentWidget(m_context);
    m_unknownTitle.clear();
    loadTitle();
}

void CustomerSessionPage::openMergeDialog(qint64 candidateId)
{
    if (customerId() <= 0 || candidateId <= 0)
        return;
    auto* dialog = new MergeDialog(m_store, customerId(), candidateId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergeDialog::mergeRequested, this, [this, dialog] {
        const qint64 survivorId = dialog->survivorId();
        const AgentActions::Result result = m_actions.mergeCustomers(survivorId, dialog->mergedId(), dialog->fields());
        if (!result) {
            dialog->showError(result.error);
            return;
        }
        dialog->accept();
        // Merged into the duplicate: this session goes on as the survivor's.
        if (survivorId != customerId())
            followCustomer(survivorId);
    });
    dialog->open();
}

void CustomerSessionPage::undoMerge(qint64 mergedId)
{
    const AgentActions::Result result = m_actions.undoMerge(mergedId);
    if (!result)
        m_context->showMergeMessage(result.error);
}

void CustomerSessionPage::applyStoreChanges(
    const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    if (customerIds.contains(customerId()))
        loadTitle();
    m_context->refresh(customerIds, interactionIds);
    if (customerIds.contains(customerId()) || interactionIds.contains(m_interaction->interactionId())
        || m_interaction->interactionId() == 0)
        m_interaction->setInteraction(m_interaction->interactionId());
}

void CustomerSessionPage::setOlderHistorySource(bool available)
{
    // Connected only when someone answers: the panel tells the timeline,
    // so a desk working offline says "the start of the history on this desk".
    disconnect(m_context, &CustomerContextPanel::olderHistoryWanted, this, &SessionPage::olderHistoryWanted);
    if (available)
        connect(m_context, &CustomerContextPanel::olderHistoryWanted, this, &SessionPage::olderHistoryWanted);
}

void CustomerSessionPage::olderHistoryFetched(qint64 customerId, int received, int total)
{
    m_context->olderHistoryFetched(customerId, received, total);
}

void CustomerSessionPage::olderHistoryFailed(qint64 customerId, const QString& error)
{
    m_context->olderHistoryFailed(customerId, error);
}
