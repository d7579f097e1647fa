#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "HttpTransportOptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class HttpWorker;

// The sync engine's HTTP client: libcurl's multi interface on a worker
// thread (HttpWorker), so no caller ever waits on the network. One multi
// handle means one connection pool: keep-alive reuse, HTTP/2 multiplexing
// when the server offers it (TLS + ALPN), gzip/brotli/zstd decoding.
//
// Results come back on the thread this object lives in, and a callback runs
// only if its context object is still alive (KeePassXC's AsyncTask habit):
// the worker posts to this object, which outlives the worker (the destructor
// stops and joins it), and this object checks the context before calling.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const HttpResponse&)>;
    // Called for each piece of a 2xx stream's body, in order.
    using Chunk = std::function<void(const QByteArray&)>;

    explicit HttpTransport(const HttpTransportOptions& options = {}, QObject* parent = nullptr);
    ~HttpTransport() override;

    // Sent as Authorization: Bearer on every later request.
    void setBearerToken(const QByteArray& token) { m_token = token; }
    const QByteArray& bearerToken() const { return m_token; }
    const HttpTransportOptions& options() const { return m_options; }

    quint64 send(const HttpRequest& request, QObject* context, Done done);
    // A long-lived response (SSE): chunks as they arrive, then done once when
    // it ends for any reason. A non-2xx answer is not streamed: its body
    // arrives whole in done.
    quint64 stream(const HttpRequest& request, QObject* context, Chunk chunk, Done done);
    // Stops a request; none of its callbacks runs afterwards.
    void abort(quint64 id);
    int pendingCount() const { return int(m_pending.size()); }

private:
    friend class HttpWorker;
    struct Pending
    {
        QPointer<QObject> context;
        Chunk chunk;
        Done done;
    };
    quint64 start(const HttpRequest& request, bool streaming, QObject* context, Chunk chunk, Done done);
    // Called on this object's thread through queued invocations by the worker.
    void deliverChunk(quint64 id, const QByteArray& bytes);
    void deliverDone(quint64 id, const HttpResponse& response);

    HttpTransportOptions m_options;
    QByteArray m_token;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
    std::unique_ptr<HttpWorker> m_worker;
};
