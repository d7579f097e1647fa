#pragma once

#include "SignInDialog.h"
#include "WorkstationOptions.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <memory>

class Settings;
class Store;
class Workstation;

// From sign-in to sign-out, as often as the agent likes, in one run of the
// application. A session starts either straight away (the command line
// said who signs in where, a remembered session resumes, or the embedded
// demo default) or from the sign-in dialog. Each session gets its own store
// and Workstation; signing out tears them down and shows the dialog again,
// prefilled from the settings. The dialog stays up, saying "Signing in…",
// until the backend has accepted the agent; a refusal comes back into it in
// words. A session that started without the dialog and then needs a
// password (a remembered token has expired) comes back to the dialog too.
// Closing the window ends the run (finished).
//
// Without a person at the screen (offscreen, scripts) there is no dialog:
// a session that needs one stays open and says why in the status.
class DeskSession : public QObject
{
    Q_OBJECT

public:
    struct SignIn
    {
        WorkstationOptions::Backend backend = WorkstationOptions::Backend::LocalHub;
        QUrl address; // RemoteHub
        QString login;
        QString password; // empty: resume with the kept token
    };
    // Opens (or makes) the store for a sign-in; throws StoreError with words for the agent.
    using StoreOpener = std::function<std::unique_ptr<Store>(const SignIn&)>;

    // base: local hub, sync tuning and token keeping for every session.
    DeskSession(const WorkstationOptions& base, Settings& settings, StoreOpener opener, bool interactive,
        QObject* parent = nullptr);
    ~DeskSession() override;

    // A session without the dialog; throws StoreError when its store cannot be opened.
    void start(const SignIn& signIn);
    // The dialog, prefilled from the settings; error says why it is back
    // (and then the fields hold what was tried).
    void showSignIn(const QString& error = QString());

    Workstation* workstation() const { return m_workstation.get(); }
    SignInDialog* signInDialog() const { return m_dialog; }

    // The remembered session to resume, if the settings hold one.
    static std::optional<SignIn> remembered(const Settings& settings);

Q_SIGNALS:
    // The agent quit (closed the window, or Quit in the dialog).
    void finished(int exitCode);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void open(const SignIn& signIn, bool fromDialog);
    void close();
    void onSignedIn();
    void onSignInRequired(const QString& reason);
    void onSignedOut();
    void showWindow();
    void remember(bool signedIn);

    WorkstationOptions m_base;
    Settings& m_settings;
    StoreOpener m_opener;
    bool m_interactive;
    SignIn m_current;
    bool m_fromDialog = false;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Workstation> m_workstation;
    QPointer<SignInDialog> m_dialog;
};
