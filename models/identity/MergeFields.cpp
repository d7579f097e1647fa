#include "MergeFields.h"

#include "store/Database.h"
#include "sync/WireFormat.h"

#include <QJsonDocument>

QStringList MergeFields::columns(Database& db)
{
    // Identity and bookkeeping are the survivor's own; the rest is the customer's data.
    static const QStringList kept { QStringLiteral("id"), QStringLiteral("created_at"),
        QStringLiteral("updated_at"), QStringLiteral("version") };
    Statement& st = db.cached("SELECT name FROM pragma_table_info('customers') ORDER BY cid");
    QStringList columns;
    while (st.step()) {
        if (!kept.contains(st.text(0)))
            columns << st.text(0);
    }
    st.reset();
    return columns;
}

std::optional<QJsonObject> MergeFields::row(Database& db, qint64 customerId)
{
    // Every column, whatever later migrations add, so an undo restores all of it.
    QByteArrayList parts;
    {
        Statement& st = db.cached("SELECT name FROM pragma_table_info('customers') ORDER BY cid");
        while (st.step())
            parts << "'" + st.text(0).toUtf8() + "', " + st.text(0).toUtf8();
        st.reset();
    }
    const QByteArray sql = "SELECT json_object(" + parts.join(", ") + ") FROM customers WHERE id = ?";
    Statement& st = db.cached(sql.constData());
    st.bind(1, customerId);
    std::optional<QJsonObject> found;
    if (st.step())
        found = QJsonDocument::fromJson(st.text(0).toUtf8()).object();
    st.reset();
    return found;
}

bool MergeFields::isEmpty(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined()
        || (value.isString() && (value.toString().isEmpty() || value.toString() == QLatin1String("{}")));
}

MergeFields::Side MergeFields::proposed(
    const QJsonObject& survivorRow, const QJsonObject& mergedRow, const QString& column)
{
    const QJsonValue mine = survivorRow.value(column);
    const QJsonValue theirs = mergedRow.value(column);
    if (isEmpty(theirs))
        return Side::Survivor;
    if (isEmpty(mine))
        return Side::Merged;
    const bool mergedIsNewer = mergedRow.value(QStringLiteral("updated_at")).toInteger()
        > survivorRow.value(QStringLiteral("updated_at")).toInteger();
    return mergedIsNewer ? Side::Merged : Side::Survivor;
}

QJsonObject MergeFields::resolve(
    Database& db, const QJsonObject& survivorRow, const QJsonObject& mergedRow, const QJsonObject& named)
{
    QJsonObject choices;
    for (const QString& column : columns(db)) {
        const QString key = WireFormat::jsonKey(column);
        const std::optional<Side> side = sideFromKey(named.value(key).toString());
        choices.insert(key, sideKey(side.value_or(proposed(survivorRow, mergedRow, column))));
    }
    return choices;
}

QString MergeFields::sideKey(Side side)
{
    return side == Side::Merged ? QStringLiteral("merged") : QStringLiteral("survivor");
}

std::optional<MergeFields::Side> MergeFields::sideFromKey(const QString& key)
{
    if (key == QLatin1String("survivor"))
        return Side::Survivor;
    if (key == QLatin1String("merged"))
        return Side::Merged;
    return std::nullopt;
}
