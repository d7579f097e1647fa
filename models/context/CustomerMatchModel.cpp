#include "CustomerMatchModel.h"

#include "SocialActivityModel.h"
#include "identity/PhoneNormalizer.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTextDocument>

namespace {

Q_LOGGING_CATEGORY(lcMatches, "unisono.context.matches", QtInfoMsg)

constexpr const char* kCustomerColumns
    = "c.id, c.display_name, coalesce(c.company, ''), coalesce(c.city, ''), c.tier, c.vip";

QString quoted(const QString& term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

int commonEnding(const QString& a, const QString& b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(a.size() - 1 - n) == b.at(b.size() - 1 - n))
        ++n;
    return n;
}

} // namespace

CustomerMatchModel::CustomerMatchModel(Store& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{ }

QStringList CustomerMatchModel::nameWords(const QString& text)
{
    QStringList words;
    QString word;
    const auto flush = [&words, &word] {
        if (word.size() >= 2)
            words << word.toLower();
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetter() || c.category() == QChar::Mark_NonSpacing)
            word.append(c);
        else
            flush();
    }
    flush();
    return words;
}

void CustomerMatchModel::setIdentity(
    IdentityKind kind, const QString& rawValue, const QString& network, const QString& nameHint)
{
    beginResetModel();
    m_kind = kind;
    m_raw = rawValue;
    m_network = kind == IdentityKind::Social ? network.trimmed().toLower() : QString();
    m_value = m_store.normalizer().normalize(kind, rawValue).value_or(QString());
    m_rows.clear();
    try {
        QStringList words = nameWords(nameHint);
        if (!m_value.isEmpty()) {
            switch (kind) {
            case IdentityKind::Phone:
                addPhoneEndings();
                break;
            case IdentityKind::Email:
                addEmailNames();
                if (words.isEmpty())
                    words = nameWords(m_value.section(QLatin1Char('@'), 0, 0));
                break;
            case IdentityKind::Social:
                addSameHandles();
                if (words.isEmpty())
                    words = nameWords(m_value);
                break;
            case IdentityKind::Crm:
            case IdentityKind::Chat:
                break;
            }
        }
        addSimilarNames(words);
        if (m_rows.size() > kLimit)
            m_rows.resize(kLimit);
    } catch (const StoreError& error) {
        qCWarning(lcMatches) << "Could not look for customers like" << rawValue << ":" << error.message();
    }
    endResetModel();
}

void CustomerMatchModel::collect(Statement& st, Reason reason, int limit)
{
    QSet<qint64> known;
    for (const Match& m : std::as_const(m_rows))
        known.insert(m.customerId);
    int added = 0;
    try {
        while (added < limit && st.step()) {
            Match m;
            m.customerId = st.int64(0);
            if (known.contains(m.customerId))
                continue;
            m.displayName = st.text(1);
            m.company = st.text(2);
            m.city = st.text(3);
            m.tier = st.text(4);
            m.vip = st.int64(5) != 0;
            m.reason = reason;
            m.matchedValue = st.text(6);
            m.matchedNetwork = st.text(7);
            known.insert(m.customerId);
            m_rows.append(m);
            ++added;
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
}

void CustomerMatchModel::addPhoneEndings()
{
    // identities_by_phone_ending indexes exactly this expression.
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns
        + ", i.value, '' FROM identities i JOIN customers c ON c.id = i.customer_id"
          " WHERE i.kind = 'phone' AND substr(i.value, -8) = ?1 AND i.value <> ?2 LIMIT 50";
    static_assert(kPhoneEndingDigits == 8, "the SQL above and the index in Migrations say 8");
    if (m_value.size() < kPhoneEndingDigits + 1)
        return;
    Statement& st = m_store.db().cached(sql.constData());
    st.bind(1, m_value.right(kPhoneEndingDigits)).bind(2, m_value);
    const qsizetype before = m_rows.size();
    collect(st, Reason::PhoneEnding, 50);
    // The longer the shared ending, the likelier the same line: "+39 333 1234567"
    // beats "+39 320 1234567" for "+44 333 1234567".
    std::stable_sort(m_rows.begin() + before, m_rows.end(), [this](const Match& a, const Match& b) {
        return commonEnding(a.matchedValue, m_value) > commonEnding(b.matchedValue, m_value);
    });
}

void CustomerMatchModel::addEmailNames()
{
    // The range "name@" <= value < "nameA" is every address with this local
    // part: '@' sorts just before 'A'. It walks the identities' unique index.
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns
        + ", i.value, '' FROM identities i JOIN customers c ON c.id = i.customer_id"
          " WHERE i.kind = 'email' AND i.network = '' AND i.value >= ?1 AND i.value < ?2 AND i.value <> ?3"
          " LIMIT 50";
    const QString local = m_value.section(QLatin1Char('@'), 0, 0);
    if (local.isEmpty())
        return;
    Statement& st = m_store.db().cached(sql.constData());
    st.bind(1, local + QLatin1Char('@')).bind(2, local + QLatin1Char('A')).bind(3, m_value);
    collect(st, Reason::EmailName, kLimit);
}

void CustomerMatchModel::addSameHandles()
{
    // The search keys hold every handle in lower case: one range of that
    // B-tree finds who has it; the identities then keep those with exactly
    // this handle on another network.
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns
        + ", i.value, i.network FROM customer_search_keys k JOIN customers c ON c.id = k.customer_id"
          " JOIN identities i ON i.customer_id = c.id AND i.kind = 'social' AND i.value = ?2 AND i.network <> ?3"
          " WHERE k.key = ?1 LIMIT 50";
    if (m_value.isEmpty())
        return;
    Statement& st = m_store.db().cached(sql.constData());
    st.bind(1, m_value.toLower()).bind(2, m_value).bind(3, m_network.isNull() ? QStringLiteral("") : m_network);
    collect(st, Reason::SameHandle, kLimit);
}

void CustomerMatchModel::addSimilarNames(const QStringList& words)
{
    // Two words at least: one common first name alone matches thousands of
    // customers, and ranking them all is slow and says nothing.
    if (words.size() < 2)
        return;
    static const QByteArray sql = QByteArray("SELECT ") + kCustomerColumns
        + ", '', '' FROM customer_search s JOIN customers c ON c.id = s.rowid"
          " WHERE customer_search MATCH ?1 ORDER BY s.rank LIMIT ?2";
    QStringList terms;
    for (const QString& word : words.mid(0, 4))
        terms << quoted(word);
    Statement& st = m_store.db().cached(sql.constData());
    st.bind(1, QStringLiteral("name : (") + terms.join(QLatin1Char(' ')) + QLatin1Char(')')).bind(2, kLimit);
    collect(st, Reason::SimilarName, kLimit);
}

QString CustomerMatchModel::reasonText(const Match& m) const
{
    switch (m.reason) {
    case Reason::PhoneEnding:
        return tr("Phone %1 has the same last %2 digits")
            .arg(PhoneNormalizer::formatInternational(m.matchedValue))
            .arg(commonEnding(m.matchedValue, m_value));
    case Reason::EmailName:
        return tr("Email %1: same name before the @").arg(m.matchedValue);
    case Reason::SameHandle:
        return tr("Same handle @%1 on %2").arg(m.matchedValue, SocialActivityModel::networkLabel(m.matchedNetwork));
    case Reason::SimilarName:
        return tr("Similar name");
    }
    return {};
}

int CustomerMatchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CustomerMatchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Match& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m.displayName;
    case Qt::ToolTipRole:
        return Qt::convertFromPlainText(m.displayName + QLatin1Char('\n') + reasonText(m), Qt::WhiteSpaceNormal);
    case ContextRoles::DetailRole: {
        QStringList parts;
        for (const QString& part : { m.company, m.city })
            if (!part.isEmpty())
                parts << part;
        if (!m.tier.isEmpty() && m.tier != QLatin1String("standard"))
            parts << m.tier.at(0).toUpper() + m.tier.mid(1);
        return parts.join(QStringLiteral(" · "));
    }
    case ContextRoles::ExcerptRole:
        return reasonText(m);
    case ContextRoles::BadgeRole:
        return m.vip ? tr("VIP") : QString();
    case ContextRoles::BadgeToneRole:
        return int(m.vip ? ContextRoles::Warning : ContextRoles::Neutral);
    case ContextRoles::IconNameRole:
        return QString();
    case CustomerIdRole:
        return m.customerId;
    case ReasonRole:
        return int(m.reason);
    case MatchedValueRole:
        return m.matchedValue;
    }
    return {};
}
