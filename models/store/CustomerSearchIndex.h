#pragma once

#include <QtGlobal>

class Database;

// The derived data agents search through, kept next to the rows it comes
// from in the same transaction. Two structures, because the two halves of
// the search behave differently on a million customers:
// - customer_search (FTS5): names and companies, a small vocabulary of words
//   where any word may be typed first and accents do not matter;
// - customer_search_keys (a B-tree): every identity as a whole string (phone
//   digits as dialled at home and abroad, emails, handles, CRM and chat ids),
//   typed from its start. Millions of distinct values, each unique, which
//   FTS5 prefix queries would expand term by term; a range scan of the
//   B-tree reads only the rows it returns.
class CustomerSearchIndex
{
public:
    static void rebuild(Database& db);
    static void update(Database& db, qint64 customerId);
    static void remove(Database& db, qint64 customerId);
};
