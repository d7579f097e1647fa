#include "CustomerSearchIndex.h"

#include "Database.h"
#include "identity/PhoneNormalizer.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

struct Document
{
    qint64 customerId = 0;
    QString name, company;
    QStringList phones, emails, handles, ids;
};

void addIdentity(Document& doc, const QString& kind, const QString& value)
{
    static const PhoneNormalizer phones;
    if (kind == QLatin1String("phone")) {
        // Both forms, so "+39 333…", "0039 333…" and "333…" all hit.
        doc.phones << value.mid(1) << phones.nationalDigits(value);
    } else if (kind == QLatin1String("email")) {
        doc.emails << value;
    } else if (kind == QLatin1String("social")) {
        doc.handles << value;
    } else {
        doc.ids << value;
    }
}

void write(Database& db, const Document& doc)
{
    db.cached("INSERT INTO customer_search(rowid, name, company, phones, emails, handles, ids)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, doc.customerId)
        .bind(2, doc.name)
        .bind(3, doc.company)
        .bind(4, doc.phones.join(QLatin1Char(' ')))
        .bind(5, doc.emails.join(QLatin1Char(' ')))
        .bind(6, doc.handles.join(QLatin1Char(' ')))
        .bind(7, doc.ids.join(QLatin1Char(' ')))
        .run();
}

QString quoted(const QString& term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1String("\"*");
}

} // namespace

void CustomerSearchIndex::rebuild(Database& db)
{
    db.exec("DELETE FROM customer_search");
    // One ordered pass over customers and their identities: constant memory
    // even for a million customers.
    Statement& rows = db.cached("SELECT c.id, c.display_name, coalesce(c.company, ''), i.kind, i.value"
                                " FROM customers c LEFT JOIN identities i ON i.customer_id = c.id"
                                " ORDER BY c.id");
    Document doc;
    while (rows.step()) {
        const qint64 id = rows.int64(0);
        if (id != doc.customerId) {
            if (doc.customerId != 0)
                write(db, doc);
            doc = Document { id, rows.text(1), rows.text(2), {}, {}, {}, {} };
        }
        if (!rows.isNull(3))
            addIdentity(doc, rows.text(3), rows.text(4));
    }
    rows.reset();
    if (doc.customerId != 0)
        write(db, doc);
}

void CustomerSearchIndex::update(Database& db, qint64 customerId)
{
    remove(db, customerId);
    Statement& customer = db.cached("SELECT display_name, coalesce(company, '') FROM customers WHERE id = ?");
    customer.bind(1, customerId);
    if (!customer.step()) {
        customer.reset();
        return;
    }
    Document doc { customerId, customer.text(0), customer.text(1), {}, {}, {}, {} };
    customer.reset();
    Statement& identities = db.cached("SELECT kind, value FROM identities WHERE customer_id = ?");
    identities.bind(1, customerId);
    while (identities.step())
        addIdentity(doc, identities.text(0), identities.text(1));
    identities.reset();
    write(db, doc);
}

void CustomerSearchIndex::remove(Database& db, qint64 customerId)
{
    db.cached("DELETE FROM customer_search WHERE rowid = ?").bind(1, customerId).run();
}

QString CustomerSearchIndex::matchExpression(const QString& typed)
{
    QString text = typed.trimmed();
    // British writing of the trunk zero, "+44 (0)7911 123456": never dialled after the country code.
    text.remove(QStringLiteral("(0)"));
    static const QRegularExpression phoneLike(QStringLiteral("^[+0-9\\s().\\-/]+$"));
    if (phoneLike.match(text).hasMatch()) {
        QString digits;
        for (const QChar c : text)
            if (c.isDigit())
                digits.append(c);
        if (digits.size() >= 2) {
            QString expression = QStringLiteral("phones : ") + quoted(digits);
            if (digits.startsWith(QLatin1String("00")) && digits.size() > 3)
                expression += QStringLiteral(" OR phones : ") + quoted(digits.mid(2));
            return expression;
        }
    }
    // Split like the unicode61 tokenizer does: anything not a letter or digit
    // separates words ("mario.rossi@ex" -> mario, rossi, ex).
    QStringList terms;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            word.append(c);
        } else if (!word.isEmpty()) {
            terms << quoted(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        terms << quoted(word);
    return terms.join(QLatin1Char(' '));
}
