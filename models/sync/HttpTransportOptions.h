#pragma once

#include <QString>
#include <QtGlobal>

// How HttpTransport talks to the backend. The defaults suit a desk on a
// company network; tests shorten the timers.
struct HttpTransportOptions
{
    int connectTimeoutMs = 10'000;
    // A plain request whose total exceeds this is abandoned.
    int requestTimeoutMs = 120'000;
    // A plain request that receives less than 1 byte/s for this long is dead.
    int lowSpeedSeconds = 30;
    // A stream that delivers no byte at all (not even a heartbeat comment)
    // for this long is treated as dead; the hub pings every 15 s at most.
    int streamIdleTimeoutMs = 45'000;
    // Bigger answers are aborted: a broken proxy or a hostile server must not
    // fill the desk's memory. The largest change page is well below this.
    qint64 maxBodyBytes = 64 * 1024 * 1024;
    // Compressed answers (gzip, brotli, zstd) are asked for except from a
    // loopback address: there, compressing costs the server more time than
    // the bytes cost the wire (a third more per change-feed page).
    bool compressLoopback = false;
    bool verifyTls = true;
    // A private CA (PEM) for a backend with an in-house certificate.
    QString caBundlePath;
};
