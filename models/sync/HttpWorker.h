#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "HttpTransportOptions.h"

#include <QList>
#include <QMutex>
#include <QThread>
#include <atomic>
#include <map>
#include <memory>

class HttpTransport;
struct HttpJob;

// HttpTransport's worker thread: owns the curl multi handle and every easy
// handle, and runs libcurl's loop (curl_multi_poll, woken by
// curl_multi_wakeup when a job or a cancel is queued). Nothing curl-related
// is touched from another thread; results are posted to the transport.
class HttpWorker : public QThread
{
public:
    HttpWorker(const HttpTransportOptions& options, HttpTransport* sink);
    ~HttpWorker() override;

    // Thread-safe: called from the transport's thread.
    void enqueue(quint64 id, const HttpRequest& request, bool streaming);
    void cancel(quint64 id);
    void stop();

    // Called by curl callbacks on the worker thread.
    void postChunk(quint64 id, const QByteArray& bytes);

protected:
    void run() override;

private:
    struct Queued
    {
        quint64 id;
        HttpRequest request;
        bool streaming;
    };
    void takeQueued();
    void addJob(const Queued& queued);
    void finishJob(HttpJob* job, int curlCode);
    void removeJob(HttpJob* job);
    void checkIdleStreams();

    HttpTransportOptions m_options;
    HttpTransport* m_sink;
    void* m_multi = nullptr; // CURLM*, kept out of this header
    std::atomic<bool> m_stopping { false };
    QMutex m_mutex;
    QList<Queued> m_queue;
    QList<quint64> m_cancels;
    // Only touched by the worker thread.
    std::map<quint64, std::unique_ptr<HttpJob>> m_jobs;
};
