#include "ChangePageWriter.h"

#include <charconv>

void ChangePageWriter::add(const ChangeView& change)
{
    m_out.append(m_empty ? "{\"changedAt\":" : ",{\"changedAt\":");
    m_empty = false;
    appendNumber(change.changedAt);
    m_out.append(",\"data\":");
    if (change.payload.isEmpty())
        m_out.append("null");
    else
        m_out.append(change.payload);
    m_out.append(",\"entity\":");
    appendString(change.entity);
    m_out.append(",\"id\":");
    appendNumber(change.entityId);
    m_out.append(",\"op\":");
    appendString(change.op);
    m_out.append(",\"seq\":");
    appendNumber(change.seq);
    m_out.append('}');
}

QByteArray ChangePageWriter::finish(const ChangePageEnd& end, qint64 floor)
{
    m_out.append("],\"floor\":");
    appendNumber(floor);
    m_out.append(end.more ? ",\"more\":true,\"next\":" : ",\"more\":false,\"next\":");
    appendNumber(end.next);
    m_out.append('}');
    return std::move(m_out);
}

void ChangePageWriter::appendNumber(qint64 value)
{
    // to_chars on the stack: QByteArray::number would allocate per field.
    char digits[24];
    const std::to_chars_result result = std::to_chars(digits, digits + sizeof digits, value);
    m_out.append(digits, result.ptr - digits);
}

void ChangePageWriter::appendString(QByteArrayView text)
{
    // Entity names and ops are the hub's own ASCII words, so the runs between
    // escapes are the whole text; escaping anyway keeps the page valid JSON
    // whatever a future name holds.
    m_out.append('"');
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        m_out.append(text.sliced(run, i - run));
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = { '\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf] };
        m_out.append(escaped, sizeof escaped);
        run = i + 1;
    }
    m_out.append(text.sliced(run));
    m_out.append('"');
}
