#include "SessionTokenStore.h"

#include "SyncLogging.h"

SessionTokenStore::SessionTokenStore(const QString& service, int timeoutMs)
    : m_keychain(service, timeoutMs)
{ }

void SessionTokenStore::fallBack()
{
    m_keychainLost = true;
    m_reason = m_keychain.lastError();
    qCWarning(lcSync).noquote()
        << "The sign-in token is kept in memory only (never in a file); you will be asked to "
           "sign in again after a restart."
        << m_reason;
}

QByteArray SessionTokenStore::token(const QString& account)
{
    if (m_keychainLost)
        return m_memory.token(account);
    const QByteArray token = m_keychain.token(account);
    if (!m_keychain.lastError().isEmpty())
        fallBack();
    return token;
}

void SessionTokenStore::setToken(const QString& account, const QByteArray& token)
{
    if (!m_keychainLost) {
        m_keychain.setToken(account, token);
        if (m_keychain.lastError().isEmpty())
            return;
        fallBack();
    }
    m_memory.setToken(account, token);
}

void SessionTokenStore::removeToken(const QString& account)
{
    m_memory.removeToken(account);
    if (!m_keychainLost)
        m_keychain.removeToken(account);
}
