#include "CheckConstraintAudit.h"

#include "store/Database.h"
#include "store/StoreError.h"

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QStringList CheckConstraintAudit::checkExpressions(const QString& sql)
{
    QStringList expressions;
    const qsizetype size = sql.size();
    QChar quote;
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            continue;
        }
        // The keyword CHECK as a whole word, then its parenthesised expression.
        if (sql.mid(i, 5).compare(QLatin1String("CHECK"), Qt::CaseInsensitive) != 0
            || (i > 0 && isIdentifierChar(sql.at(i - 1)))
            || (i + 5 < size && isIdentifierChar(sql.at(i + 5))))
            continue;
        qsizetype open = i + 5;
        while (open < size && sql.at(open).isSpace())
            ++open;
        if (open >= size || sql.at(open) != QLatin1Char('('))
            continue;
        int depth = 0;
        QChar inner;
        for (qsizetype j = open; j < size; ++j) {
            const QChar d = sql.at(j);
            if (!inner.isNull()) {
                if (d == inner)
                    inner = QChar();
            } else if (d == QLatin1Char('\'') || d == QLatin1Char('"')) {
                inner = d;
            } else if (d == QLatin1Char('(')) {
                ++depth;
            } else if (d == QLatin1Char(')') && --depth == 0) {
                expressions << sql.mid(open + 1, j - open - 1).trimmed();
                i = j;
                break;
            }
        }
    }
    return expressions;
}

void CheckConstraintAudit::verify(Database& db, const QStringList& tables)
{
    Statement& schema = db.cached("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
    for (const QString& table : tables) {
        schema.bind(1, table);
        const QString sql = schema.step() ? schema.text(0) : QString();
        schema.reset();
        const QStringList expressions = checkExpressions(sql);
        if (expressions.isEmpty())
            continue;
        // A CHECK fails only when its expression is false; NULL passes.
        QStringList failing;
        for (const QString& expression : expressions)
            failing << QStringLiteral("(%1) IS FALSE").arg(expression);
        Statement find(db.handle(),
            QStringLiteral("SELECT rowid, %1 FROM \"%2\" WHERE %3 LIMIT 1")
                .arg(failing.join(QLatin1String(", ")), table, failing.join(QLatin1String(" OR ")))
                .toUtf8()
                .constData());
        if (find.step()) {
            QString which;
            for (int i = 0; i < expressions.size(); ++i)
                if (find.int64(i + 1) != 0)
                    which = expressions.at(i);
            throw StoreError(
                QStringLiteral("Row %1 of %2 breaks CHECK(%3).").arg(find.int64(0)).arg(table, which));
        }
    }
}
