#pragma once

#include "HubStorage.h"

#include <QByteArray>
#include <QByteArrayView>

// Writes a page of the change feed as GET /api/v1/changes sends it, by
// concatenation. Each upsert's payload is already compact JSON (SQLite's
// json_object wrote it when the change was committed), so it is copied as it
// is instead of being parsed into a QJsonObject and serialised again, which
// cost about 95% of serving a page. The envelope's keys come in the order
// QJsonDocument writes them, so the page is the same JSON as
// ChangeRecord::toJson gives; only the keys inside "data" keep the table's
// column order (JSON objects are unordered).
class ChangePageWriter
{
public:
    void add(const ChangeView& change);
    // The whole page: {"changes":[...],"floor":F,"more":M,"next":N}.
    QByteArray finish(const ChangePageEnd& end, qint64 floor);

private:
    void appendNumber(qint64 value);
    void appendString(QByteArrayView text);

    QByteArray m_out = QByteArrayLiteral("{\"changes\":[");
    bool m_empty = true;
};
