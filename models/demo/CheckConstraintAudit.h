#pragma once

#include <QStringList>

class Database;

// Verifies, after a bulk load that ran with ignore_check_constraints, that
// every row of the given tables satisfies its table's CHECK constraints, as
// the inserts would have. The expressions are read from the schema SQLite
// keeps, so they are exactly the migrations' own; evaluated in one WHERE
// clause per table, an IN list is built once per table instead of once per
// row. Throws StoreError naming the table and the constraint that failed.
class CheckConstraintAudit
{
public:
    static void verify(Database& db, const QStringList& tables);
    // The expressions inside each CHECK(...) of a CREATE TABLE statement.
    static QStringList checkExpressions(const QString& createTableSql);
};
