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
    // From this size on, deflate level 1 instead of zlib's default 6: a page
    // of 1,000 changes (~390 KB) then takes a third of the CPU for a body
    // about a fifth larger (unisono-hub-bench measures both). The hub serves
    // every client from one thread, so its CPU is what others wait for.
    static constexpr qsizetype kFastLevelSize = 64 * 1024;

    // A complete gzip member (RFC 1952: header, deflate data, CRC-32 and size),
    // as zlib writes it with windowBits 15 + 16, at the level the size calls
    // for. Empty on failure.
    static QByteArray compress(const QByteArray& data);
    // The same at a given zlib level (1 fastest .. 9 smallest).
    static QByteArray compress(const QByteArray& data, int level);
};
