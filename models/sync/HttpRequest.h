#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

// What the sync engine asks of HttpTransport: a plain value, copied to the
// worker thread, so the caller keeps nothing the worker could race on.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // 0: the transport's default total timeout. Streams have none (only the
    // idle watchdog), whatever this says.
    int timeoutMs = 0;
};
