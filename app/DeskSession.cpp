#include "DeskSession.h"

#include "MainWindow.h"
#include "SignInDialog.h"
#include "Workstation.h"
#include "settings/Settings.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "sync/HubAddress.h"
#include "sync/SyncStatus.h"

#include <QCloseEvent>
#include <QLoggingCategory>
#include <QTimer>

namespace {

Q_LOGGING_CATEGORY(lcSession, "unisono.session", QtInfoMsg)

// The demo hub's first agent: what the local hub's sign-in is prefilled with.
const QString kDemoUser = QStringLiteral("agent1");

} // namespace

DeskSession::DeskSession(
    const WorkstationOptions& base, Settings& settings, StoreOpener opener, bool interactive, QObject* parent)
    : QObject(parent)
    , m_base(base)
    , m_settings(settings)
    , m_opener(std::move(opener))
    , m_interactive(interactive)
{ }

DeskSession::~DeskSession()
{
    close();
    delete m_dialog;
}

std::optional<DeskSession::SignIn> DeskSession::remembered(const Settings& settings)
{
    if (!settings.value(Settings::Key::SignedIn).toBool())
        return std::nullopt;
    SignIn signIn;
    signIn.login = settings.value(Settings::Key::LastUser).toString();
    const QString address = settings.value(Settings::Key::LastHubAddress).toString();
    if (address.isEmpty()) {
        signIn.backend = WorkstationOptions::Backend::LocalHub;
    } else {
        const std::optional<QUrl> url = HubAddress::parse(address);
        if (!url)
            return std::nullopt;
        signIn.backend = WorkstationOptions::Backend::RemoteHub;
        signIn.address = *url;
    }
    // The token kept in the keychain resumes the session; no password is kept anywhere.
    return signIn;
}

void DeskSession::start(const SignIn& signIn)
{
    open(signIn, false);
}

void DeskSession::showSignIn(const QString& error)
{
    if (!m_interactive) {
        qCWarning(lcSession).noquote() << "a sign-in is needed, but nobody is at the screen:" << error;
        return;
    }
    if (!m_dialog) {
        m_dialog = new SignInDialog;
        connect(m_dialog, &SignInDialog::submitted, this, [this] {
            SignIn signIn;
            signIn.address = m_dialog->address();
            signIn.backend = signIn.address.isEmpty() ? WorkstationOptions::Backend::LocalHub
                                                      : WorkstationOptions::Backend::RemoteHub;
            signIn.login = m_dialog->user();
            signIn.password = m_dialog->password();
            close();
            open(signIn, true);
        });
        connect(m_dialog, &QDialog::rejected, this, [this] {
            close();
            Q_EMIT finished(0);
        });
    }
    // After a refusal, what the agent tried; otherwise the last sign-in.
    const bool retry = !error.isEmpty() && !m_current.login.isEmpty();
    const QString address = retry ? (m_current.backend == WorkstationOptions::Backend::RemoteHub
                                            ? m_current.address.toString()
                                            : QString())
                                  : m_settings.value(Settings::Key::LastHubAddress).toString();
    const QString user = retry ? m_current.login : m_settings.value(Settings::Key::LastUser).toString();
    // The local demo hub's account is no secret: it is prefilled so Enter signs in.
    m_dialog->prefill(address, user, address.isEmpty() && user == kDemoUser ? kDemoUser : QString());
    if (error.isEmpty())
        m_dialog->setBusy(false);
    else
        m_dialog->showError(error);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DeskSession::open(const SignIn& signIn, bool fromDialog)
{
    m_current = signIn;
    m_fromDialog = fromDialog;
    try {
        m_store = m_opener(signIn);
    } catch (const StoreError& error) {
        // From the dialog the agent can choose again; otherwise the caller reports it.
        if (!fromDialog)
            throw;
        qCWarning(lcSession).noquote() << error.message();
        m_dialog->showError(error.message());
        return;
    }
    WorkstationOptions options = m_base;
    options.backend = signIn.backend;
    options.sync.login = signIn.login;
    options.sync.password = signIn.password;
    if (signIn.backend == WorkstationOptions::Backend::RemoteHub)
        options.sync.baseUrl = signIn.address;
    m_workstation = std::make_unique<Workstation>(*m_store, options);
    Workstation* workstation = m_workstation.get();
    connect(workstation, &Workstation::signedIn, this, &DeskSession::onSignedIn);
    connect(workstation, &Workstation::signInRequired, this, &DeskSession::onSignInRequired);
    connect(workstation, &Workstation::signedOut, this, &DeskSession::onSignedOut);
    workstation->window().installEventFilter(this);
    if (fromDialog) {
        // The window waits behind the dialog until the backend has said yes.
        m_dialog->setBusy(true);
        if (SyncStatus* status = workstation->syncStatus()) {
            connect(status, &SyncStatus::changed, m_dialog, [this, status] {
                if (m_dialog && m_dialog->isVisible() && status->state() == SyncStatus::State::Offline
                    && !status->lastError().isEmpty()) {
                    m_dialog->setBusy(true, tr("Still trying: %1").arg(status->lastError()));
                }
            });
        }
    } else {
        showWindow();
    }
    workstation->start();
}

void DeskSession::showWindow()
{
    MainWindow& window = m_workstation->window();
    if (m_interactive)
        window.restoreLayout(m_settings);
    window.show();
    // The first thing the running event loop does after this: the window is
    // up and answers the agent. unisono-bench times cold start to this line.
    QTimer::singleShot(0, [] { qCDebug(lcSession) << "interactive"; });
}

void DeskSession::close()
{
    if (!m_workstation)
        return;
    m_workstation->window().removeEventFilter(this);
    m_workstation->window().close();
    m_workstation.reset();
    m_store.reset();
}

void DeskSession::remember(bool signedIn)
{
    m_settings.setValue(Settings::Key::LastHubAddress,
        m_current.backend == WorkstationOptions::Backend::RemoteHub ? m_current.address.toString()
                                                                    : QString());
    m_settings.setValue(Settings::Key::LastUser, m_current.login);
    m_settings.setValue(Settings::Key::SignedIn, signedIn);
}

void DeskSession::onSignedIn()
{
    // A session the agent chose (the dialog) or resumed is the one to resume
    // next time; the command line's and the demo default's are not remembered.
    if (m_fromDialog || remembered(m_settings))
        remember(true);
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->hide();
        showWindow();
    }
}

void DeskSession::onSignInRequired(const QString& reason)
{
    if (!m_interactive)
        return; // the status says why; there is nobody to ask
    // Out of the engine's signal first: the session is torn down from the event loop.
    QTimer::singleShot(0, this, [this, reason] {
        close();
        showSignIn(reason);
    });
}

void DeskSession::onSignedOut()
{
    remember(false);
    QTimer::singleShot(0, this, [this] {
        close();
        if (m_interactive)
            showSignIn();
        else
            Q_EMIT finished(0);
    });
}

bool DeskSession::eventFilter(QObject* watched, QEvent* event)
{
    // The agent closed the window: the run ends (the close itself goes on).
    if (m_workstation && watched == &m_workstation->window() && event->type() == QEvent::Close) {
        QTimer::singleShot(0, this, [this] {
            close();
            Q_EMIT finished(0);
        });
    }
    return QObject::eventFilter(watched, event);
}
