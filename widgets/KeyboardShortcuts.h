#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

// Every keyboard shortcut of the agent's desk, in one list: the window and
// the session pages take their keys from here, and Help → Keyboard
// shortcuts shows all(). Keys are Ctrl or Ctrl+Shift with a letter, a digit
// or a navigation key, never Ctrl+Alt: that is AltGr on Italian and other
// European layouts, where it types characters such as @, # and [ — a
// shortcut there would eat them. Nothing here ends a contact at one
// stroke: End asks for a confirmation first.
class KeyboardShortcuts
{
    Q_DECLARE_TR_FUNCTIONS(KeyboardShortcuts)

public:
    enum class Id {
        FindCustomer,
        AcceptOffer,
        DeclineOffer,
        Ready,
        ChangeState,
        RefusedChanges,
        MyWork,
        CloseSession,
        NextSession,
        PreviousSession,
        HoldResume,
        Transfer,
        EndInteraction,
        Reply,
        SendReply,
        CannedResponse,
        Note,
        Disposition,
        FinishWrapUp,
        CreateTicket,
        ScheduleCallback,
    };
    struct Shortcut
    {
        Id id;
        QKeySequence keys;
        // Where it acts ("Desk", "Session"), and what it does: translated.
        QString group;
        QString text;
    };

    static QList<Shortcut> all();
    static QKeySequence keys(Id id);
    static QString text(Id id);
    // "Hold (Ctrl+Shift+H)": for tooltips, in the platform's notation.
    static QString withKeys(const QString& text, Id id);
};
