#include "HttpWorker.h"

#include "HttpTransport.h"
#include "SyncLogging.h"

#include <QElapsedTimer>
#include <algorithm>
#include <curl/curl.h>
#include <mutex>

// One transfer in flight. Owned by the worker; curl's callbacks get it
// through CURLOPT_PRIVATE / the callback data pointers.
struct HttpJob
{
    HttpWorker* worker = nullptr;
    quint64 id = 0;
    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    bool streaming = false;
    bool tooLarge = false;
    bool idleTimeout = false;
    qint64 maxBody = 0;
    HttpResponse response;
    QElapsedTimer lastBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CURLM* multiOf(void* handle) { return static_cast<CURLM*>(handle); }

long responseCode(CURL* easy)
{
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

size_t onBody(char* data, size_t size, size_t count, void* userData)
{
    auto* job = static_cast<HttpJob*>(userData);
    const size_t bytes = size * count;
    job->lastBytes.restart();
    const long status = responseCode(job->easy);
    if (job->streaming && status >= 200 && status < 300) {
        job->worker->postChunk(job->id, QByteArray(data, qsizetype(bytes)));
        return bytes;
    }
    if (job->response.body.size() + qint64(bytes) > job->maxBody) {
        job->tooLarge = true;
        return 0; // makes curl abort with CURLE_WRITE_ERROR
    }
    job->response.body.append(data, qsizetype(bytes));
    return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* userData)
{
    auto* job = static_cast<HttpJob*>(userData);
    const size_t bytes = size * count;
    job->lastBytes.restart();
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line (after 100 Continue, say): earlier headers were not this answer's.
        job->response.headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        job->response.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return bytes;
}

// localhost, 127.0.0.0/8 or ::1 (the core links no Qt Network for QHostAddress).
bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1"))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    bool numeric = parts.size() == 4;
    for (const QString& part : parts)
        numeric = numeric && !part.isEmpty() && part.size() <= 3 && part.toUInt() <= 255
            && std::all_of(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); });
    return numeric && parts.front() == QLatin1String("127");
}

} // namespace

HttpWorker::HttpWorker(const HttpTransportOptions& options, HttpTransport* sink)
    : m_options(options)
    , m_sink(sink)
{
    initCurlOnce();
    // Made here so stop() can always wake it; used only by run() afterwards.
    m_multi = curl_multi_init();
    // One connection per host, multiplexed over HTTP/2 when offered; with
    // HTTP/1.1 curl keeps finished connections for reuse.
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(multiOf(m_multi), CURLMOPT_MAX_HOST_CONNECTIONS, 8L);
    setObjectName(QStringLiteral("unisono-http"));
}

HttpWorker::~HttpWorker()
{
    stop();
    curl_multi_cleanup(multiOf(m_multi));
}

void HttpWorker::enqueue(quint64 id, const HttpRequest& request, bool streaming)
{
    {
        QMutexLocker lock(&m_mutex);
        m_queue.append(Queued { id, request, streaming });
    }
    curl_multi_wakeup(multiOf(m_multi));
}

void HttpWorker::cancel(quint64 id)
{
    {
        QMutexLocker lock(&m_mutex);
        m_cancels.append(id);
    }
    curl_multi_wakeup(multiOf(m_multi));
}

void HttpWorker::stop()
{
    if (!isRunning())
        return;
    m_stopping = true;
    curl_multi_wakeup(multiOf(m_multi));
    wait();
}

void HttpWorker::postChunk(quint64 id, const QByteArray& bytes)
{
    HttpTransport* sink = m_sink;
    QMetaObject::invokeMethod(
        sink, [sink, id, bytes] { sink->deliverChunk(id, bytes); }, Qt::QueuedConnection);
}

void HttpWorker::run()
{
    while (!m_stopping) {
        takeQueued();
        int running = 0;
        curl_multi_perform(multiOf(m_multi), &running);
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multiOf(m_multi), &left)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            HttpJob* job = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
            finishJob(job, int(message->data.result));
        }
        checkIdleStreams();
        // Wakes on socket activity, curl_multi_wakeup, or after a short
        // while so the idle watchdog runs even on a silent connection.
        curl_multi_poll(multiOf(m_multi), nullptr, 0, 250, nullptr);
    }
    while (!m_jobs.empty())
        removeJob(m_jobs.begin()->second.get());
}

void HttpWorker::takeQueued()
{
    QList<Queued> queue;
    QList<quint64> cancels;
    {
        QMutexLocker lock(&m_mutex);
        queue.swap(m_queue);
        cancels.swap(m_cancels);
    }
    for (const Queued& queued : queue)
        addJob(queued);
    for (quint64 id : cancels) {
        const auto it = m_jobs.find(id);
        if (it != m_jobs.end())
            removeJob(it->second.get());
    }
}

void HttpWorker::addJob(const Queued& queued)
{
    auto job = std::make_unique<HttpJob>();
    job->worker = this;
    job->id = queued.id;
    job->streaming = queued.streaming;
    job->maxBody = m_options.maxBodyBytes;
    job->easy = curl_easy_init();
    job->lastBytes.start();
    CURL* easy = job->easy;
    const HttpRequest& request = queued.request;
    curl_easy_setopt(easy, CURLOPT_PRIVATE, job.get());
    curl_easy_setopt(easy, CURLOPT_URL, request.url.toEncoded().constData());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, job.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, job.get());
    // HTTP/2 over TLS when the server offers it through ALPN; HTTP/1.1 in clear.
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    if (m_options.compressLoopback || !isLoopback(request.url))
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // every encoding curl was built with
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, m_options.verifyTls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, m_options.verifyTls ? 2L : 0L);
    if (!m_options.caBundlePath.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, m_options.caBundlePath.toLocal8Bit().constData());
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(m_options.maxBodyBytes));
    if (!queued.streaming) {
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
            long(request.timeoutMs > 0 ? request.timeoutMs : m_options.requestTimeoutMs));
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, long(m_options.lowSpeedSeconds));
    }
    if (request.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        if (request.method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
        if (request.method == "POST" || !request.body.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, request.body.constData());
        }
    }
    // No "Expect: 100-continue" round trip before small JSON bodies.
    job->headerList = curl_slist_append(job->headerList, "Expect:");
    for (const auto& header : request.headers)
        job->headerList = curl_slist_append(job->headerList, (header.first + ": " + header.second).constData());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job->headerList);
    curl_multi_add_handle(multiOf(m_multi), easy);
    m_jobs.emplace(queued.id, std::move(job));
}

void HttpWorker::finishJob(HttpJob* job, int curlCode)
{
    HttpResponse response = std::move(job->response);
    response.status = int(responseCode(job->easy));
    const auto code = CURLcode(curlCode);
    if (job->tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
        response.error = QStringLiteral("the answer is larger than %1 bytes").arg(m_options.maxBodyBytes);
        response.body.clear();
    } else if (job->idleTimeout) {
        response.error = QStringLiteral("no data for %1 s (heartbeat missed)").arg(m_options.streamIdleTimeoutMs / 1000.0);
    } else if (code != CURLE_OK) {
        const QString detail = QString::fromUtf8(job->errorBuffer);
        response.error = detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail;
    } else if (job->streaming) {
        response.error = QStringLiteral("the server closed the stream");
    }
    if (!response.error.isEmpty())
        qCDebug(lcSync) << "request" << job->id << "ended:" << response.error;
    const quint64 id = job->id;
    removeJob(job);
    HttpTransport* sink = m_sink;
    QMetaObject::invokeMethod(
        sink, [sink, id, response] { sink->deliverDone(id, response); }, Qt::QueuedConnection);
}

void HttpWorker::removeJob(HttpJob* job)
{
    curl_multi_remove_handle(multiOf(m_multi), job->easy);
    curl_easy_cleanup(job->easy);
    curl_slist_free_all(job->headerList);
    m_jobs.erase(job->id);
}

void HttpWorker::checkIdleStreams()
{
    QList<HttpJob*> dead;
    for (const auto& [id, job] : m_jobs) {
        if (job->streaming && job->lastBytes.elapsed() > m_options.streamIdleTimeoutMs)
            dead.append(job.get());
    }
    for (HttpJob* job : dead) {
        job->idleTimeout = true;
        finishJob(job, CURLE_OPERATION_TIMEDOUT);
    }
}
