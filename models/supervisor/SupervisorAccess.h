#pragma once

#include <QObject>

class SupervisorSource;

// Whether the signed-in account may open the supervisor board. The backend
// decides (its statistics answer 403 to agents); the desk only asks, once
// the sync engine is online, and again after each reconnection until it
// has an answer. Until then the entry stays hidden.
class SupervisorAccess : public QObject
{
    Q_OBJECT
public:
    enum class Answer { Unknown, Allowed, Denied };

    explicit SupervisorAccess(SupervisorSource& source, QObject* parent = nullptr);

    void check();
    Answer answer() const { return m_answer; }

Q_SIGNALS:
    void decided(bool allowed);

private:
    SupervisorSource& m_source;
    Answer m_answer = Answer::Unknown;
    bool m_asking = false;
};
