#include "ShutdownSignals.h"

#include "HubLogging.h"

#include <QSocketNotifier>
#include <csignal>
#include <cstring>
#include <sys/signalfd.h>
#include <unistd.h>

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent)
{
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    if (pthread_sigmask(SIG_BLOCK, &mask, nullptr) != 0) {
        qCWarning(lcHub) << "cannot block SIGTERM/SIGINT; they will stop the hub abruptly";
        return;
    }
    m_fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_fd < 0) {
        qCWarning(lcHub) << "signalfd failed:" << std::strerror(errno);
        pthread_sigmask(SIG_UNBLOCK, &mask, nullptr);
        return;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ShutdownSignals::read);
}

ShutdownSignals::~ShutdownSignals()
{
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

void ShutdownSignals::read()
{
    signalfd_siginfo info {};
    while (::read(m_fd, &info, sizeof(info)) == ssize_t(sizeof(info)))
        Q_EMIT received(QString::fromLatin1(info.ssi_signo == SIGTERM ? "SIGTERM" : "SIGINT"));
}
