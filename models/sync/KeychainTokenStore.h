#pragma once

#include "TokenStore.h"

#include <QString>

// The desktop's TokenStore: the bearer token lives in the OS keychain
// (Secret Service, KWallet, macOS Keychain, Windows Credential Store through
// QtKeychain), never in a settings file. QtKeychain's plain-text fallback is
// explicitly off: a desk without a keychain gets an error, not a token on
// disk.
//
// QtKeychain's jobs are asynchronous; TokenStore is synchronous because the
// engine calls it on its own thread, so each call runs its job in a local
// event loop (bounded by a timeout, a hung D-Bus must not hang the sync).
// When the keychain cannot be used, token() answers empty (the engine signs
// in again), setToken() keeps nothing, and lastError() says why in words an
// IT person can act on.
class KeychainTokenStore : public TokenStore
{
public:
    explicit KeychainTokenStore(const QString& service = QStringLiteral("Unisono"), int timeoutMs = 10'000);

    QByteArray token(const QString& account) override;
    void setToken(const QString& account, const QByteArray& token) override;
    void removeToken(const QString& account) override;
    QString lastError() const override { return m_lastError; }

private:
    QString m_service;
    int m_timeoutMs;
    QString m_lastError;
};
