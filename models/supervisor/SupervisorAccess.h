#pragma once

#include <QObject>
#include <QTimer>

class SupervisorSource;

// Whether the signed-in account may open the supervisor board. The backend
// decides (its statistics answer 403 to agents); the desk asks when the
// sync engine comes online, and every few seconds until it has an answer
// (a first sync of a large store can take a while, and a signed-in engine
// already answers). Until then the entry stays hidden.
class SupervisorAccess : public QObject
{
    Q_OBJECT
public:
    enum class Answer { Unknown, Allowed, Denied };

    explicit SupervisorAccess(SupervisorSource& source, QObject* parent = nullptr);

    // Asks now; without an answer (offline, not signed in yet) it asks again later.
    void check();
    Answer answer() const { return m_answer; }

Q_SIGNALS:
    void decided(bool allowed);

private:
    SupervisorSource& m_source;
    Answer m_answer = Answer::Unknown;
    bool m_asking = false;
    QTimer m_retry;
};
