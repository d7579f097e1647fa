#pragma once

#include "TokenStore.h"

#include <QHash>

// A TokenStore that forgets on exit: for tests and for --no-keychain runs.
class MemoryTokenStore : public TokenStore
{
public:
    QByteArray token(const QString& account) override { return m_tokens.value(account); }
    void setToken(const QString& account, const QByteArray& token) override { m_tokens.insert(account, token); }
    void removeToken(const QString& account) override { m_tokens.remove(account); }

private:
    QHash<QString, QByteArray> m_tokens;
};
