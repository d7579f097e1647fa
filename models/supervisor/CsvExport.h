#pragma once

#include <QString>

class QAbstractItemModel;
class QIODevice;

// Writes what a table shows as CSV (RFC 4180: comma separated, CRLF line
// ends, fields quoted when they hold a comma, quote or line break), UTF-8
// with a byte-order mark so spreadsheet programs read accents right. The
// header row comes from the model's horizontal headers. A text cell that a
// spreadsheet would run as a formula (=, +, -, @ first, and not a number)
// gets a leading apostrophe: names and reasons come from customers and
// other systems.
class CsvExport
{
public:
    static QString toCsv(const QAbstractItemModel& model);
    // Writes the file whole or not at all (QSaveFile); false with *error set.
    static bool writeFile(const QAbstractItemModel& model, const QString& path, QString* error);
    static QString field(const QVariant& value);
};
