#include "SupervisorAccess.h"

#include "SupervisorSource.h"

SupervisorAccess::SupervisorAccess(SupervisorSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, &SupervisorAccess::check);
    connect(&m_source, &SupervisorSource::streamOpened, this, [this] {
        if (m_answer == Answer::Unknown)
            check();
    });
    check();
}

void SupervisorAccess::check()
{
    if (m_asking)
        return;
    m_asking = true;
    m_source.get(QStringLiteral("/api/v1/stats/all"), this, [this](const SupervisorReply& reply) {
        m_asking = false;
        Answer answer = Answer::Unknown;
        if (reply.ok())
            answer = Answer::Allowed;
        else if (reply.error.isEmpty() && reply.status == 403)
            answer = Answer::Denied;
        if (answer == Answer::Unknown) {
            m_retry.start(); // offline or not signed in yet
            return;
        }
        if (answer == m_answer)
            return;
        m_answer = answer;
        Q_EMIT decided(answer == Answer::Allowed);
    });
}
