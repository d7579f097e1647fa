#pragma once

#include <QByteArray>
#include <QString>

// Where the backend's bearer token is kept between runs. The desktop keeps
// it in the OS keychain; tests, which have no Secret Service on D-Bus, keep
// it in memory (MemoryTokenStore). Synchronous on purpose: the engine calls it
// on its own thread, where waiting for the keychain blocks no one.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual QByteArray token(const QString& account) = 0;
    virtual void setToken(const QString& account, const QByteArray& token) = 0;
    virtual void removeToken(const QString& account) = 0;
    // Why the last call could not do its job (no keychain, access denied),
    // for the log and the status bar; empty after a call that succeeded.
    virtual QString lastError() const { return {}; }
};
