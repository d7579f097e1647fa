#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// What came back: the status and body of an HTTP answer, or, when error is
// set, why there was none (connection refused, timeout, TLS, body too large,
// heartbeat missed...). An HTTP 500 is a response with no error: callers
// decide what a status means.
struct HttpResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString error;

    bool transportOk() const { return error.isEmpty(); }
    bool isSuccess() const { return error.isEmpty() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
};
