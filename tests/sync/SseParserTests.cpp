// Vectors for every rule of the WHATWG event stream interpretation.
#include "sync/SseParser.h"

#include <catch2/catch.hpp>

namespace {

QList<SseEvent> parse(const QByteArray& bytes)
{
    SseParser parser;
    return parser.feed(bytes);
}

// The same stream fed one byte at a time must give the same events.
QList<SseEvent> parseBytewise(const QByteArray& bytes)
{
    SseParser parser;
    QList<SseEvent> events;
    for (char c : bytes)
        events += parser.feed(QByteArray(1, c));
    return events;
}

} // namespace

TEST_CASE("SSE: a simple event with the default type", "[sse]")
{
    const auto events = parse("data: hello\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == QStringLiteral("message"));
    CHECK(events[0].data == QStringLiteral("hello"));
    CHECK(events[0].lastEventId.isEmpty());
}

TEST_CASE("SSE: CRLF, LF and CR all end lines", "[sse]")
{
    for (const QByteArray& stream : { QByteArray("data: a\r\ndata: b\r\n\r\n"), QByteArray("data: a\ndata: b\n\n"),
             QByteArray("data: a\rdata: b\r\r"), QByteArray("data: a\r\ndata: b\rdata: c\n\r\n") }) {
        const auto events = parse(stream);
        REQUIRE(events.size() == 1);
        CHECK(events[0].data.startsWith(QStringLiteral("a\nb")));
        CHECK(parseBytewise(stream).size() == 1);
    }
}

TEST_CASE("SSE: a CR ending one chunk and an LF starting the next are one line end", "[sse]")
{
    SseParser parser;
    CHECK(parser.feed("data: x\r").isEmpty());
    // If the LF counted as a second line end, it would dispatch here.
    CHECK(parser.feed("\ndata: y\r").isEmpty());
    const auto events = parser.feed("\n\r\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("x\ny"));
}

TEST_CASE("SSE: a leading BOM is stripped once, even when split", "[sse]")
{
    CHECK(parse("\xEF\xBB\xBF"
                "data: a\n\n")
              .value(0)
              .data
        == QStringLiteral("a"));
    SseParser parser;
    CHECK(parser.feed("\xEF").isEmpty());
    CHECK(parser.feed("\xBB").isEmpty());
    const auto events = parser.feed("\xBF"
                                    "data: b\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("b"));
    // A second BOM is not stripped: it becomes part of the field name.
    const auto twice = parse("\xEF\xBB\xBF\xEF\xBB\xBF"
                             "data: c\n\n");
    CHECK(twice.isEmpty());
}

TEST_CASE("SSE: UTF-8 is decoded, also when a sequence is split between chunks", "[sse]")
{
    const QByteArray stream = QStringLiteral("data: Nicolò €\n\n").toUtf8();
    const auto events = parseBytewise(stream);
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("Nicolò €"));
    // Invalid bytes become U+FFFD rather than breaking the stream.
    const auto invalid = parse("data: \xFF\n\n");
    REQUIRE(invalid.size() == 1);
    CHECK(invalid[0].data == QString(QChar(0xFFFD)));
}

TEST_CASE("SSE: comments are ignored and counted", "[sse]")
{
    SseParser parser;
    const auto events = parser.feed(": ping\n\n:\ndata: x\n: inside\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("x"));
    CHECK(parser.commentCount() == 3);
}

TEST_CASE("SSE: only one leading space of a value is removed", "[sse]")
{
    CHECK(parse("data:x\n\n").value(0).data == QStringLiteral("x"));
    CHECK(parse("data: x\n\n").value(0).data == QStringLiteral("x"));
    CHECK(parse("data:  x \n\n").value(0).data == QStringLiteral(" x "));
    CHECK(parse("data: a: b\n\n").value(0).data == QStringLiteral("a: b"));
}

TEST_CASE("SSE: data lines are joined with LF and the last LF is removed", "[sse]")
{
    CHECK(parse("data: a\ndata: b\ndata\n\n").value(0).data == QStringLiteral("a\nb\n"));
    CHECK(parse("data\ndata\n\n").value(0).data == QStringLiteral("\n"));
    // `data` alone is one empty line: an event with empty data is dispatched.
    const auto empty = parse("data\n\n");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].data.isEmpty());
}

TEST_CASE("SSE: the event type defaults to message and resets after dispatch", "[sse]")
{
    const auto events = parse("event: change\ndata: 1\n\ndata: 2\n\n");
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == QStringLiteral("change"));
    CHECK(events[1].type == QStringLiteral("message"));
    // `event:` with an empty value also means message.
    CHECK(parse("event:\ndata: 3\n\n").value(0).type == QStringLiteral("message"));
}

TEST_CASE("SSE: no data means no event, but the buffers still reset", "[sse]")
{
    const auto events = parse("event: change\n\ndata: x\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == QStringLiteral("message"));
    CHECK(parse("event: a\nid: 1\n\n").isEmpty());
}

TEST_CASE("SSE: id sets the last event id, even without data, and persists", "[sse]")
{
    SseParser parser;
    CHECK(parser.feed("id: 7\n\n").isEmpty());
    CHECK(parser.lastEventId() == QStringLiteral("7"));
    const auto events = parser.feed("data: x\n\nid: 8\ndata: y\n\n");
    REQUIRE(events.size() == 2);
    CHECK(events[0].lastEventId == QStringLiteral("7"));
    CHECK(events[1].lastEventId == QStringLiteral("8"));
    // An empty id resets it.
    parser.feed("id\ndata: z\n\n");
    CHECK(parser.lastEventId().isEmpty());
}

TEST_CASE("SSE: an id containing NULL is ignored", "[sse]")
{
    SseParser parser;
    parser.feed("id: 5\n\n");
    parser.feed(QByteArray("id: 6\0x\ndata: a\n\n", 17));
    CHECK(parser.lastEventId() == QStringLiteral("5"));
}

TEST_CASE("SSE: an id is committed only when its event is dispatched", "[sse]")
{
    SseParser parser;
    parser.feed("id: 1\ndata: a\n\n");
    parser.feed("id: 2\ndata: b\n"); // the connection drops here
    CHECK(parser.lastEventId() == QStringLiteral("1"));
    parser.restartStream();
    const auto events = parser.feed("data: c\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("c"));
    CHECK(events[0].lastEventId == QStringLiteral("1"));
}

TEST_CASE("SSE: retry is taken only when all ASCII digits", "[sse]")
{
    SseParser parser;
    parser.feed("retry: 3000\n\n");
    CHECK(parser.retryMs() == 3000);
    for (const char* bad : { "retry: 10a\n\n", "retry: -5\n\n", "retry: 1 0\n\n", "retry:  100\n\n", "retry:\n\n",
             "retry: ４\n\n" }) {
        parser.feed(bad);
        CHECK(parser.retryMs() == 3000);
    }
    parser.feed("retry:0\n\n");
    CHECK(parser.retryMs() == 0);
}

TEST_CASE("SSE: unknown fields are ignored, and a line without colon is a field with empty value", "[sse]")
{
    CHECK(parse("foo: bar\ndata: x\nDATA: y\n\n").value(0).data == QStringLiteral("x"));
    const auto events = parse("data\ndata\ndata: z\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == QStringLiteral("\n\nz"));
    // "event" without colon: type becomes empty, which means message.
    CHECK(parse("event: x\nevent\ndata: 1\n\n").value(0).type == QStringLiteral("message"));
}

TEST_CASE("SSE: an incomplete event at the end of the stream is not dispatched", "[sse]")
{
    CHECK(parse("data: never\n").isEmpty());
    CHECK(parse("data: never").isEmpty());
}

TEST_CASE("SSE: garbage lines do not break the events around them", "[sse]")
{
    const auto events = parse("data: 1\n\n\x01\x02garbage\n<html>\n:::\n\nevent: change\nid: 9\ndata: {}\n\n");
    REQUIRE(events.size() == 2);
    CHECK(events[1].type == QStringLiteral("change"));
    CHECK(events[1].lastEventId == QStringLiteral("9"));
}

TEST_CASE("SSE: a line longer than the limit stops the parser", "[sse]")
{
    SseParser parser(64);
    parser.feed("data: ");
    parser.feed(QByteArray(100, 'x'));
    CHECK(parser.overflowed());
    CHECK(parser.feed("\n\n").isEmpty());
}

TEST_CASE("SSE: the hub's framing parses in chunks of any size", "[sse]")
{
    const QByteArray stream = "retry: 3000\n\n: ping\n\nid: 41\nevent: change\ndata: {\"seq\":41}\n\n"
                              "event: agent_state\ndata: {\"agentId\":1}\n\nid: 42\nevent: change\ndata: "
                              "{\"seq\":42}\n\n";
    for (int chunk = 1; chunk <= 7; ++chunk) {
        SseParser parser;
        QList<SseEvent> events;
        for (qsizetype i = 0; i < stream.size(); i += chunk)
            events += parser.feed(stream.mid(i, chunk));
        REQUIRE(events.size() == 3);
        CHECK(events[0].lastEventId == QStringLiteral("41"));
        CHECK(events[1].type == QStringLiteral("agent_state"));
        CHECK(events[1].lastEventId == QStringLiteral("41"));
        CHECK(events[2].data == QStringLiteral("{\"seq\":42}"));
        CHECK(parser.retryMs() == 3000);
    }
}
