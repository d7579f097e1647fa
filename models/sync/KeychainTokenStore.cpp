#include "KeychainTokenStore.h"

#include "SyncLogging.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {

// Runs one job to the end in a local event loop. Returns the error text, or
// an empty string on success; `missingIsOk` treats "no such entry" as success.
QString run(QKeychain::Job& job, int timeoutMs, bool missingIsOk)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a token in a plain settings file
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished)
        return QStringLiteral("the system keychain did not answer within %1 s").arg(timeoutMs / 1000);
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return missingIsOk ? QString() : job.errorString();
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no system keychain is available (on Linux: a Secret Service such as GNOME Keyring or "
                              "KWallet on the session D-Bus): %1")
            .arg(job.errorString());
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QStringLiteral("the system keychain refused access: %1").arg(job.errorString());
    default:
        // QtKeychain often says only "Unknown error" (no D-Bus session, a
        // locked or absent keyring): name the keychain and the code at least.
        return QStringLiteral("the system keychain could not be used (QtKeychain error %1: %2); on Linux it needs a "
                              "Secret Service such as GNOME Keyring or KWallet on the session D-Bus")
            .arg(int(job.error()))
            .arg(job.errorString());
    }
}

} // namespace

KeychainTokenStore::KeychainTokenStore(const QString& service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs)
{
}

QByteArray KeychainTokenStore::token(const QString& account)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(account);
    m_lastError = run(job, m_timeoutMs, true);
    if (!m_lastError.isEmpty()) {
        m_lastError = QStringLiteral("Cannot read the sign-in token of %1: %2").arg(account, m_lastError);
        qCWarning(lcSync).noquote() << m_lastError;
        return {};
    }
    return job.binaryData();
}

void KeychainTokenStore::setToken(const QString& account, const QByteArray& token)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(account);
    job.setBinaryData(token);
    m_lastError = run(job, m_timeoutMs, false);
    if (!m_lastError.isEmpty()) {
        m_lastError = QStringLiteral("Cannot keep the sign-in token of %1 (Unisono will sign in again next time): %2")
                          .arg(account, m_lastError);
        qCWarning(lcSync).noquote() << m_lastError;
    }
}

void KeychainTokenStore::removeToken(const QString& account)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(account);
    m_lastError = run(job, m_timeoutMs, true);
    if (!m_lastError.isEmpty()) {
        m_lastError = QStringLiteral("Cannot remove the sign-in token of %1 from the system keychain: %2")
                          .arg(account, m_lastError);
        qCWarning(lcSync).noquote() << m_lastError;
    }
}
