#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

// An answer of the backend as the supervisor feed needs it: the status and
// the body already parsed (the source parses off the GUI thread), or, when
// error is set, why there was none.
struct SupervisorReply
{
    int status = 0;
    QJsonDocument json;
    QString error;

    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
    // For the status line: the transport's error, the API's message or the status.
    QString describe() const;
};

// Where the supervisor feed reads from: GET requests against the backend's
// API with the desk's credentials, and the live-only events of its stream.
// SyncEngineSupervisorSource is the real one (the sync engine's transport
// and event stream); tests drive the feed with their own.
class SupervisorSource : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const SupervisorReply&)>;
    using QObject::QObject;

    // GET pathAndQuery ("/api/v1/stats/all"); done runs on this object's
    // thread, and only while context lives.
    virtual void get(const QString& pathAndQuery, QObject* context, Done done) = 0;

Q_SIGNALS:
    // A live-only event (agent_state, agent_stats, queue_stats...) with its data parsed.
    void liveEvent(const QString& type, const QJsonObject& data);
    // The event stream is (again) open: what happened while it was closed
    // reached no one, so snapshots should be read again.
    void streamOpened();
};
