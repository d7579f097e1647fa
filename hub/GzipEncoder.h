#pragma once

#include <QByteArray>

// Response compression. JSON pages of customers and changes shrink five- to
// tenfold, which matters to desktops on a branch office's thin line; small
// answers are sent as they are, since gzip's header and the CPU cost outweigh
// the saving below about a kilobyte.
class GzipEncoder
{
public:
    static constexpr qsizetype kMinimumSize = 1024;

    // Whether an Accept-Encoding header value allows gzip (an explicit q=0 refuses it).
    static bool accepts(const QByteArray& acceptEncoding);
    // A complete gzip member (RFC 1952: header, deflate data, CRC-32 and size),
    // as zlib writes it with windowBits 15 + 16. Empty on failure.
    static QByteArray compress(const QByteArray& data);
};
