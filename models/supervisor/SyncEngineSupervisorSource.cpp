#include "SyncEngineSupervisorSource.h"

#include "sync/HttpTransport.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStatusSnapshot.h"

#include <QMutex>
#include <QPointer>

// Shared by this object (GUI thread) and the engine's thread. The mutex
// makes "is the source alive? then post to it" one step: the destructor
// takes it before the object goes, and Qt drops events already posted to a
// deleted object.
struct SyncEngineSupervisorSource::Link
{
    QMutex mutex;
    SyncEngineSupervisorSource* source = nullptr;
    // Engine-thread only: the connections to undo when the source goes.
    QList<QMetaObject::Connection> connections;
    bool online = false;

    template <typename Function> void post(Function function)
    {
        QMutexLocker lock(&mutex);
        if (source)
            QMetaObject::invokeMethod(source, std::move(function), Qt::QueuedConnection);
    }
};

SyncEngineSupervisorSource::SyncEngineSupervisorSource(EngineRunner runner, QObject* parent)
    : SupervisorSource(parent)
    , m_runner(std::move(runner))
    , m_link(std::make_shared<Link>())
{
    m_link->source = this;
    m_runner([link = m_link](SyncEngine& engine) {
        link->online = engine.status().state == SyncStatusSnapshot::State::Online;
        if (link->online)
            link->post([link] {
                if (link->source)
                    Q_EMIT link->source->streamOpened();
            });
        link->connections.append(QObject::connect(
            &engine, &SyncEngine::liveEvent, &engine, [link](const QString& type, const QString& data) {
                // Parsed here, on the engine's thread.
                const QJsonObject object = QJsonDocument::fromJson(data.toUtf8()).object();
                link->post([link, type, object] { Q_EMIT link->source->liveEvent(type, object); });
            }));
        link->connections.append(QObject::connect(
            &engine, &SyncEngine::statusChanged, &engine, [link](const SyncStatusSnapshot& status) {
                const bool online = status.state == SyncStatusSnapshot::State::Online;
                if (online && !link->online)
                    link->post([link] { Q_EMIT link->source->streamOpened(); });
                link->online = online;
            }));
    });
}

SyncEngineSupervisorSource::~SyncEngineSupervisorSource()
{
    {
        QMutexLocker lock(&m_link->mutex);
        m_link->source = nullptr;
    }
    m_runner([link = m_link](SyncEngine&) {
        for (const QMetaObject::Connection& connection : std::as_const(link->connections))
            QObject::disconnect(connection);
        link->connections.clear();
    });
}

void SyncEngineSupervisorSource::get(const QString& pathAndQuery, QObject* context, Done done)
{
    QPointer<QObject> receiver(context);
    // The callback runs on this thread, after the post; receiver is checked here.
    auto deliver = [receiver, done = std::move(done)](const SupervisorReply& reply) {
        if (receiver)
            done(reply);
    };
    m_runner([link = m_link, pathAndQuery, deliver = std::move(deliver)](SyncEngine& engine) mutable {
        HttpTransport* transport = engine.transport();
        if (!transport) {
            SupervisorReply reply;
            reply.error = QStringLiteral("The sync engine has not started.");
            link->post([deliver, reply] { deliver(reply); });
            return;
        }
        HttpRequest request;
        request.url = engine.baseUrl().resolved(QUrl(pathAndQuery));
        request.headers = { { "Accept", "application/json" } };
        transport->send(request, &engine, [link, deliver, pathAndQuery](const HttpResponse& response) {
            SupervisorReply reply;
            reply.status = response.status;
            reply.error = response.error;
            reply.json = QJsonDocument::fromJson(response.body);
            if (reply.error.isEmpty() && reply.status >= 200 && reply.status < 300 && !reply.json.isObject())
                reply.error
                    = QStringLiteral("The backend answered %1 with something that is not a JSON object.")
                          .arg(pathAndQuery);
            link->post([deliver, reply] { deliver(reply); });
        });
    });
}
