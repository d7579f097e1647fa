#include "SchemaEnums.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <QRegularExpression>

QStringList SchemaEnums::allowed(Database& db, const char* table, const QString& column)
{
    Statement st(db.handle(), "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, table);
    const QString sql = st.step() ? st.text(0) : QString();
    // CHECK(status = 'new' OR status = 'open' ...), the store's form since
    // schema 4, or CHECK(status IN ('new','open',...)); ALTER TABLE ADD
    // COLUMN rewrites the stored CREATE statement, so added columns are found
    // here too.
    const QString name = QRegularExpression::escape(column);
    const QRegularExpression orChain(
        QStringLiteral("CHECK\\s*\\(\\s*(%1\\s*=\\s*'[^']*'(?:\\s+OR\\s+%1\\s*=\\s*'[^']*')*)\\s*\\)").arg(name),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression inList(QStringLiteral("CHECK\\s*\\(\\s*%1\\s+IN\\s*\\(([^)]*)\\)").arg(name),
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch match = orChain.match(sql);
    if (!match.hasMatch())
        match = inList.match(sql);
    QStringList values;
    if (!match.hasMatch())
        return values;
    static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
    for (auto it = quoted.globalMatch(match.captured(1)); it.hasNext();)
        values << it.next().captured(1);
    return values;
}
