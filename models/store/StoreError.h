#pragma once

#include <QString>
#include <stdexcept>

// An error from the local store, worded for the person who has to act on it:
// it names the database file and says what to do.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    const QString& message() const { return m_message; }

private:
    QString m_message;
};
