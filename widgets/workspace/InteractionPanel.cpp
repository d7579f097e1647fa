#include "InteractionPanel.h"

#include "CallControls.h"
#include "CallbackDialog.h"
#include "KeyboardShortcuts.h"
#include "ReplyComposer.h"
#include "TicketDialog.h"
#include "WrapUpPanel.h"
#include "domain/Channel.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "workspace/AgentActions.h"
#include "workspace/TranscriptModel.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

Q_LOGGING_CATEGORY(lcInteraction, "unisono.interaction", QtInfoMsg)

// A callback proposed for an hour from now: a sensible default the agent changes.
constexpr qint64 kDefaultCallbackDelaySeconds = 3600;

QLabel* plainLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QString statusLabel(const QString& status)
{
    if (status == QLatin1String("offered"))
        return InteractionPanel::tr("ringing");
    if (status == QLatin1String("active"))
        return InteractionPanel::tr("in progress");
    if (status == QLatin1String("held"))
        return InteractionPanel::tr("on hold");
    if (status == QLatin1String("wrap_up"))
        return InteractionPanel::tr("wrap-up");
    if (status == QLatin1String("ended"))
        return InteractionPanel::tr("ended");
    if (status == QLatin1String("queued"))
        return InteractionPanel::tr("waiting in a queue");
    return status;
}

} // namespace

InteractionPanel::InteractionPanel(Store& store, AgentActions& actions, qint64 customerId, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_actions(actions)
    , m_reader(store)
    , m_customerId(customerId)
{
    setObjectName(QStringLiteral("interactionPanel"));
    m_transcript = new TranscriptModel(m_store, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto* header = new QHBoxLayout;
    m_heading = plainLabel(QStringLiteral("interactionHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    header->addWidget(m_heading, 1);
    m_ticket = new QPushButton(tr("Ticket…"));
    m_ticket->setObjectName(QStringLiteral("createTicketButton"));
    m_ticket->setAccessibleName(tr("Create a ticket"));
    m_ticket->setToolTip(
        KeyboardShortcuts::withKeys(tr("Create a ticket"), KeyboardShortcuts::Id::CreateTicket));
    connect(m_ticket, &QPushButton::clicked, this, &InteractionPanel::createTicket);
    header->addWidget(m_ticket);
    m_callback = new QPushButton(tr("Callback…"));
    m_callback->setObjectName(QStringLiteral("scheduleCallbackButton"));
    m_callback->setAccessibleName(tr("Schedule a callback"));
    m_callback->setToolTip(
        KeyboardShortcuts::withKeys(tr("Schedule a callback"), KeyboardShortcuts::Id::ScheduleCallback));
    connect(m_callback, &QPushButton::clicked, this, &InteractionPanel::scheduleCallback);
    header->addWidget(m_callback);
    layout->addLayout(header);

    m_status = plainLabel(QStringLiteral("interactionStatus"));
    layout->addWidget(m_status);
    m_notice = plainLabel(QStringLiteral("sessionNotice"));
    m_notice->setStyleSheet(QStringLiteral("color: #c83c3c;"));
    m_notice->hide();
    layout->addWidget(m_notice);

    m_pages = new QStackedWidget;
    auto* none = plainLabel(QStringLiteral("noInteractionLabel"));
    none->setText(tr("No contact in progress with this customer. Their history and profile are on the right; "
                     "a ticket or a callback can still be made from here."));
    none->setAlignment(Qt::AlignCenter);
    none->setEnabled(false);
    m_pages->addWidget(none);

    auto* work = new QWidget;
    auto* workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    m_controls = new CallControls;
    workLayout->addWidget(m_controls);
    connect(m_controls, &CallControls::answerRequested, this, &InteractionPanel::answer);
    connect(m_controls, &CallControls::holdRequested, this, [this] {
        const AgentActions::Result result = m_actions.hold(m_interactionId);
        report(tr("Hold"), result.ok, result.error);
    });
    connect(m_controls, &CallControls::resumeRequested, this, [this] {
        const AgentActions::Result result = m_actions.resume(m_interactionId);
        report(tr("Resume"), result.ok, result.error);
    });
    connect(m_controls, &CallControls::endRequested, this, [this] {
        const AgentActions::Result result = m_actions.end(m_interactionId);
        report(tr("End"), result.ok, result.error);
    });
    connect(m_controls->transferMenu(), &QMenu::aboutToShow, this, &InteractionPanel::fillTransferMenu);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("interactionSplitter"));
    splitter->setChildrenCollapsible(false);
    m_transcriptView = new QListView;
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));
    m_transcriptView->setAccessibleName(tr("Transcript"));
    m_transcriptView->setModel(m_transcript);
    m_transcriptView->setWordWrap(true);
    m_transcriptView->setTextElideMode(Qt::ElideNone);
    m_transcriptView->setSpacing(3);
    m_transcriptView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_transcriptView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    splitter->addWidget(m_transcriptView);
    m_composer = new ReplyComposer;
    connect(m_composer, &ReplyComposer::sendRequested, this, &InteractionPanel::sendReply);
    splitter->addWidget(m_composer);
    m_wrapUp = new WrapUpPanel;
    connect(m_wrapUp, &WrapUpPanel::noteRequested, this, &InteractionPanel::addNote);
    connect(m_wrapUp, &WrapUpPanel::finishRequested, this, &InteractionPanel::finishWrapUp);
    splitter->addWidget(m_wrapUp);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 0);
    workLayout->addWidget(splitter, 1);
    m_pages->addWidget(work);
    layout->addWidget(m_pages, 1);

    connect(m_transcript, &QAbstractItemModel::modelReset, this, [this] {
        m_transcriptView->scrollToBottom();
        Q_EMIT conversationChanged(m_transcript->customerText());
    });
    buildActions();
    updateView();
}

void InteractionPanel::buildActions()
{
    using Id = KeyboardShortcuts::Id;
    // Window-wide, but only the session in front is visible, so only its
    // actions answer: no two tabs ever compete for a key.
    const auto add = [this](Id id, const char* name, auto slot) {
        auto* action = new QAction(KeyboardShortcuts::text(id), this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(KeyboardShortcuts::keys(id));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    add(Id::HoldResume, "holdResumeAction", [this] { m_controls->toggleHold(); });
    add(Id::Transfer, "transferAction", [this] { m_controls->showTransferMenu(); });
    add(Id::EndInteraction, "endInteractionAction", [this] { m_controls->askToEnd(); });
    add(Id::Reply, "replyAction", [this] { m_composer->focusEditor(); });
    add(Id::SendReply, "sendReplyAction", [this] {
        if (m_composer->isVisible())
            m_composer->send();
    });
    add(Id::CannedResponse, "cannedResponseAction", [this] {
        if (m_composer->isVisible())
            m_composer->focusCanned();
    });
    add(Id::Note, "noteAction", [this] { m_wrapUp->focusNote(); });
    add(Id::Disposition, "dispositionAction", [this] { m_wrapUp->focusDisposition(); });
    add(Id::FinishWrapUp, "finishWrapUpAction", [this] { m_wrapUp->finish(); });
    add(Id::CreateTicket, "createTicketAction", [this] { createTicket(); });
    add(Id::ScheduleCallback, "scheduleCallbackAction", [this] { scheduleCallback(); });
}

void InteractionPanel::setCustomer(qint64 customerId)
{
    m_customerId = customerId;
    updateView();
}

void InteractionPanel::setInteraction(qint64 interactionId)
{
    if (interactionId == 0) {
        try {
            interactionId = m_reader.liveInteractionOf(m_customerId, m_actions.agentId());
        } catch (const StoreError& error) {
            qCWarning(lcInteraction) << "Could not find the live interaction:" << error.message();
        }
    }
    if (interactionId == m_interactionId && interactionId != 0) {
        refresh();
        return;
    }
    m_interactionId = interactionId;
    m_notice->clear();
    m_notice->hide();
    m_composer->clear();
    m_wrapUp->clear();
    m_transcript->setInteraction(interactionId);
    refresh();
}

void InteractionPanel::refresh()
{
    m_state.reset();
    if (m_interactionId != 0) {
        try {
            m_state = m_reader.read(m_interactionId);
        } catch (const StoreError& error) {
            qCWarning(lcInteraction) << "Could not read interaction" << m_interactionId << ":"
                                     << error.message();
        }
    }
    m_transcript->refresh();
    updateView();
}

void InteractionPanel::updateView()
{
    m_ticket->setEnabled(m_customerId > 0);
    m_callback->setEnabled(m_customerId > 0);
    if (!m_state) {
        m_heading->setText(tr("No contact in progress"));
        m_status->clear();
        m_pages->setCurrentIndex(0);
        m_controls->setCall(QString(), 0, true);
        return;
    }
    const ActiveInteraction::State& s = *m_state;
    const std::optional<Channel> channel = channelFromKey(s.channel);
    const QString channelName = channel ? channelLabel(*channel) : s.channel;
    m_heading->setText(s.subject.isEmpty() ? channelName : tr("%1: %2").arg(channelName, s.subject));
    m_status->setText(tr("Interaction %1 · %2").arg(s.id).arg(statusLabel(s.status)));
    m_pages->setCurrentIndex(1);
    const bool voice = s.channel == QLatin1String("voice");
    m_controls->setCall(s.status, s.answeredAt.value_or(0), voice);
    m_controls->setVisible(ActiveInteraction::isLive(s.status));
    const bool written = ActiveInteraction::isWritten(s.channel);
    m_transcriptView->setVisible(written || m_transcript->rowCount() > 0);
    m_composer->setVisible(
        written && ActiveInteraction::isLive(s.status) && s.status != QLatin1String("offered"));
    QString language = s.language;
    if (language.isEmpty() && m_customerId > 0) {
        try {
            if (const std::optional<Customer> customer = m_store.customer(m_customerId))
                language = customer->language;
        } catch (const StoreError& error) {
            qCWarning(lcInteraction) << "Could not read the customer:" << error.message();
        }
    }
    try {
        m_composer->setContext(language, m_reader.placeholderValues(m_customerId, m_actions.agentId(), s.id));
    } catch (const StoreError& error) {
        qCWarning(lcInteraction) << "Could not read placeholder values:" << error.message();
    }
    m_wrapUp->setInteraction(s.status, s.disposition, s.contactReason);
}

void InteractionPanel::report(const QString& what, bool ok, const QString& error)
{
    // Shown only when there is something to say: an empty line would push the controls down.
    m_notice->setText(ok ? QString() : error.isEmpty() ? tr("%1 was refused.").arg(what) : error);
    m_notice->setVisible(!ok);
}

void InteractionPanel::answer()
{
    const AgentActions::Result result = m_actions.acceptOffer(m_interactionId);
    report(tr("Answer"), result.ok, result.error);
}

void InteractionPanel::fillTransferMenu()
{
    QMenu* menu = m_controls->transferMenu();
    menu->clear();
    QList<ActiveInteraction::Choice> queues;
    QList<ActiveInteraction::Choice> agents;
    try {
        queues = m_reader.queues();
        agents = m_reader.readyAgents(m_actions.agentId());
    } catch (const StoreError& error) {
        report(tr("Transfer"), false, error.message());
    }
    menu->addSection(tr("To a queue"));
    for (const ActiveInteraction::Choice& queue : std::as_const(queues)) {
        // Names are data: an "&" in one is not a mnemonic.
        QAction* action = menu->addAction(QString(queue.name).replace(QLatin1Char('&'), QLatin1String("&&")));
        action->setObjectName(QStringLiteral("transferQueue-%1").arg(queue.id));
        connect(action, &QAction::triggered, this, [this, id = queue.id] {
            const AgentActions::Result result = m_actions.transferToQueue(m_interactionId, id);
            report(tr("Transfer"), result.ok, result.error);
        });
    }
    menu->addSection(tr("To a ready agent"));
    if (agents.isEmpty())
        menu->addAction(tr("No other agent is ready"))->setEnabled(false);
    for (const ActiveInteraction::Choice& agent : std::as_const(agents)) {
        QAction* action = menu->addAction(QString(agent.name).replace(QLatin1Char('&'), QLatin1String("&&")));
        action->setObjectName(QStringLiteral("transferAgent-%1").arg(agent.id));
        connect(action, &QAction::triggered, this, [this, id = agent.id] {
            const AgentActions::Result result = m_actions.transferToAgent(m_interactionId, id);
            report(tr("Transfer"), result.ok, result.error);
        });
    }
}

void InteractionPanel::sendReply(const QString& text)
{
    const AgentActions::Result result = m_actions.reply(m_interactionId, text);
    report(tr("Reply"), result.ok, result.error);
    if (result)
        m_composer->clear();
}

void InteractionPanel::addNote(const QString& text)
{
    const AgentActions::Result result = m_actions.addNote(m_interactionId, text);
    report(tr("Note"), result.ok, result.error);
    if (result)
        m_wrapUp->clearNote();
}

void InteractionPanel::finishWrapUp(const QString& disposition, const QString& contactReason)
{
    if (!m_state)
        return;
    // The codes go first (a command of their own, as the backend takes
    // them), then the wrap-up, which the backend checks against them.
    if (disposition != m_state->disposition || contactReason != m_state->contactReason) {
        const AgentActions::Result codes
            = m_actions.setDisposition(m_interactionId, disposition, contactReason);
        if (!codes) {
            report(tr("Disposition"), false, codes.error);
            return;
        }
    }
    const AgentActions::Result result = m_actions.finishWrapUp(m_interactionId);
    report(tr("Wrap-up"), result.ok, result.error);
}

void InteractionPanel::createTicket()
{
    if (m_customerId <= 0)
        return;
    auto* dialog = new TicketDialog(m_state ? m_state->subject : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TicketDialog::createRequested, this, [this, dialog] {
        AgentActions::TicketDraft draft;
        draft.customerId = m_customerId;
        draft.subject = dialog->subject();
        draft.description = dialog->description();
        draft.priority = dialog->priority();
        if (m_interactionId > 0)
            draft.interactionId = m_interactionId;
        const AgentActions::Result result = m_actions.createTicket(draft);
        if (!result) {
            dialog->showError(result.error);
            return;
        }
        dialog->accept();
    });
    dialog->open();
}

void InteractionPanel::scheduleCallback()
{
    if (m_customerId <= 0)
        return;
    QString phone;
    try {
        for (const Identity& identity : m_store.identities(m_customerId)) {
            if (identity.kind == IdentityKind::Phone) {
                phone = identity.value;
                break;
            }
        }
    } catch (const StoreError& error) {
        qCWarning(lcInteraction) << "Could not read the customer's numbers:" << error.message();
    }
    auto* dialog
        = new CallbackDialog(phone, QDateTime::currentDateTime().addSecs(kDefaultCallbackDelaySeconds), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CallbackDialog::scheduleRequested, this, [this, dialog] {
        AgentActions::CallbackRequest request;
        request.customerId = m_customerId;
        request.phone = dialog->phone();
        request.dueAt = dialog->due().toSecsSinceEpoch();
        request.note = dialog->note();
        const AgentActions::Result result = m_actions.scheduleCallback(request);
        if (!result) {
            dialog->showError(result.error);
            return;
        }
        dialog->accept();
    });
    dialog->open();
}
