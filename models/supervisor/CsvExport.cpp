#include "CsvExport.h"

#include <QAbstractItemModel>
#include <QSaveFile>

QString CsvExport::field(const QVariant& value)
{
    QString text = value.toString();
    // A negative number ("-0.25") is data, not a formula.
    bool isNumber = false;
    text.toDouble(&isNumber);
    if (!isNumber && !text.isEmpty()
        && (text.front() == QLatin1Char('=') || text.front() == QLatin1Char('+')
            || text.front() == QLatin1Char('-') || text.front() == QLatin1Char('@')
            || text.front() == QLatin1Char('\t') || text.front() == QLatin1Char('\r')))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString CsvExport::toCsv(const QAbstractItemModel& model)
{
    QString csv;
    const int columns = model.columnCount();
    QStringList fields;
    for (int column = 0; column < columns; ++column)
        fields << field(model.headerData(column, Qt::Horizontal, Qt::DisplayRole));
    csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column)
            fields << field(model.index(row, column).data(Qt::DisplayRole));
        csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

bool CsvExport::writeFile(const QAbstractItemModel& model, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write("\xEF\xBB\xBF");
    file.write(toCsv(model).toUtf8());
    if (!file.commit()) {
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
