#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

class Database;

// The rule a customer merge follows per field, written once for the desk
// (LocalMerge's local effect, the merge dialog's proposal) as the hub's
// CustomerApi::merge applies it: every customer column but the id, the
// timestamps and the version is chosen from one of the two records; unless
// the agent names a side, the newer record's value wins where it has one,
// and a value always beats an empty field. Choices travel as
// {"<feed key>": "survivor"|"merged"}, the command's "fields".
class MergeFields
{
public:
    enum class Side { Survivor, Merged };

    // The customer columns a merge chooses between, in table order.
    static QStringList columns(Database& db);
    // The customer's row as stored, column name -> raw value; nullopt when absent.
    static std::optional<QJsonObject> row(Database& db, qint64 customerId);
    // Null, "" and no CRM fields ("{}") are empty; 0 and false are values.
    static bool isEmpty(const QJsonValue& value);
    // The side proposed for one column when the agent names none.
    static Side proposed(const QJsonObject& survivorRow, const QJsonObject& mergedRow, const QString& column);
    // Every column's side: the named ones as named, the others proposed.
    // Keys are the feed's ("firstName"); unknown keys and sides are ignored
    // here (AgentActions refuses them before).
    static QJsonObject resolve(Database& db, const QJsonObject& survivorRow, const QJsonObject& mergedRow,
        const QJsonObject& named);

    static QString sideKey(Side side);
    static std::optional<Side> sideFromKey(const QString& key);
};
