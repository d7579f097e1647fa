#include "KeyboardShortcuts.h"

QList<KeyboardShortcuts::Shortcut> KeyboardShortcuts::all()
{
    const QString desk = tr("Desk");
    const QString session = tr("Session");
    const auto keys = [](QKeyCombination combination) { return QKeySequence(combination); };
    return {
        { Id::FindCustomer, keys(Qt::CTRL | Qt::Key_K), desk, tr("Find a customer") },
        { Id::AcceptOffer, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_A), desk,
            tr("Accept (answer) the ringing offer") },
        { Id::DeclineOffer, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_D), desk, tr("Decline the ringing offer") },
        { Id::Ready, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_R), desk, tr("Go ready") },
        { Id::ChangeState, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_N), desk, tr("Change state") },
        { Id::RefusedChanges, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_E), desk,
            tr("Changes the server refused") },
        { Id::MyWork, keys(Qt::CTRL | Qt::Key_1), desk, tr("My work") },
        { Id::CloseSession, keys(Qt::CTRL | Qt::Key_W), desk, tr("Close the session tab") },
        { Id::NextSession, keys(Qt::CTRL | Qt::Key_PageDown), desk, tr("Next session") },
        { Id::PreviousSession, keys(Qt::CTRL | Qt::Key_PageUp), desk, tr("Previous session") },
        { Id::HoldResume, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_H), session, tr("Hold or resume the call") },
        { Id::Transfer, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_T), session,
            tr("Transfer to a queue or an agent") },
        { Id::EndInteraction, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_X), session,
            tr("End the interaction (asks to confirm)") },
        { Id::Reply, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_M), session, tr("Write a reply") },
        { Id::SendReply, keys(Qt::CTRL | Qt::Key_Return), session, tr("Send the reply") },
        { Id::CannedResponse, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_I), session,
            tr("Insert a canned response") },
        { Id::Note, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O), session, tr("Write a note") },
        { Id::Disposition, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_S), session,
            tr("Choose the disposition and contact reason") },
        { Id::FinishWrapUp, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_F), session, tr("Finish wrap-up") },
        { Id::CreateTicket, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_K), session, tr("Create a ticket") },
        { Id::ScheduleCallback, keys(Qt::CTRL | Qt::SHIFT | Qt::Key_B), session, tr("Schedule a callback") },
    };
}

QKeySequence KeyboardShortcuts::keys(Id id)
{
    for (const Shortcut& shortcut : all()) {
        if (shortcut.id == id)
            return shortcut.keys;
    }
    return {};
}

QString KeyboardShortcuts::text(Id id)
{
    for (const Shortcut& shortcut : all()) {
        if (shortcut.id == id)
            return shortcut.text;
    }
    return {};
}

QString KeyboardShortcuts::withKeys(const QString& text, Id id)
{
    return tr("%1 (%2)").arg(text, keys(id).toString(QKeySequence::NativeText));
}
