#include "HttpTransport.h"

#include "HttpWorker.h"

HttpTransport::HttpTransport(const HttpTransportOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_worker(std::make_unique<HttpWorker>(options, this))
{
    m_worker->start();
}

HttpTransport::~HttpTransport()
{
    // Joins the worker first: after this no queued delivery can be posted,
    // and those already posted die with this object.
    m_worker->stop();
}

quint64 HttpTransport::send(const HttpRequest& request, QObject* context, Done done)
{
    return start(request, false, context, {}, std::move(done));
}

quint64 HttpTransport::stream(const HttpRequest& request, QObject* context, Chunk chunk, Done done)
{
    return start(request, true, context, std::move(chunk), std::move(done));
}

quint64 HttpTransport::start(const HttpRequest& request, bool streaming, QObject* context, Chunk chunk, Done done)
{
    const quint64 id = m_nextId++;
    HttpRequest withToken = request;
    if (!m_token.isEmpty())
        withToken.headers.append({ QByteArrayLiteral("Authorization"), "Bearer " + m_token });
    m_pending.insert(id, Pending { QPointer<QObject>(context), std::move(chunk), std::move(done) });
    m_worker->enqueue(id, withToken, streaming);
    return id;
}

void HttpTransport::abort(quint64 id)
{
    if (m_pending.remove(id))
        m_worker->cancel(id);
}

void HttpTransport::deliverChunk(quint64 id, const QByteArray& bytes)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    if (!it->context) {
        abort(id); // nobody is listening any more
        return;
    }
    // A copy: the callback may abort this very request.
    const Chunk chunk = it->chunk;
    if (chunk)
        chunk(bytes);
}

void HttpTransport::deliverDone(quint64 id, const HttpResponse& response)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.context && pending.done)
        pending.done(response);
}
