#pragma once

#include <QString>

class Database;
class PhoneNormalizer;

// The FTS5 index agents type into: names, companies, phone numbers as dialled
// at home and abroad, emails, social handles and CRM/chat ids of each customer.
// It is derived data, kept next to the rows it indexes in the same transaction.
class CustomerSearchIndex
{
public:
    static void rebuild(Database& db);
    static void update(Database& db, qint64 customerId);
    static void remove(Database& db, qint64 customerId);
    // The FTS5 MATCH expression for what an agent typed; empty when there is
    // nothing searchable in it. Every word is a prefix, all must match; text
    // that looks like a phone number matches the digits of stored numbers.
    static QString matchExpression(const QString& typed);
};
