#pragma once

#include "KeychainTokenStore.h"
#include "MemoryTokenStore.h"

// The desk's TokenStore: the OS keychain when there is one, so a session
// survives restarts until the agent signs out; where there is none (CI,
// headless machines, no Secret Service on D-Bus), the token is kept in
// memory only — never in a file — and the log says so once: the agent then
// signs in again after a restart.
class SessionTokenStore : public TokenStore
{
public:
    explicit SessionTokenStore(const QString& service = QStringLiteral("Unisono"), int timeoutMs = 10'000);

    QByteArray token(const QString& account) override;
    void setToken(const QString& account, const QByteArray& token) override;
    void removeToken(const QString& account) override;
    QString lastError() const override { return m_keychainLost ? m_reason : QString(); }
    // True once the keychain failed and tokens are kept in memory.
    bool inMemoryOnly() const { return m_keychainLost; }

private:
    void fallBack();

    KeychainTokenStore m_keychain;
    MemoryTokenStore m_memory;
    bool m_keychainLost = false;
    QString m_reason;
};
