#include "KnowledgeSuggestionModel.h"

#include "store/Store.h"
#include "store/StoreError.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QTextDocument>

namespace {

Q_LOGGING_CATEGORY(lcKnowledge, "unisono.context.knowledge", QtInfoMsg)

// Words every conversation has: as query terms they would match most
// articles and only add noise to the ranking.
const QSet<QString>& stopWords()
{
    static const QSet<QString> words {
        // English
        QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("for"), QStringLiteral("you"),
        QStringLiteral("your"), QStringLiteral("are"), QStringLiteral("was"), QStringLiteral("were"),
        QStringLiteral("have"), QStringLiteral("has"), QStringLiteral("had"), QStringLiteral("this"),
        QStringLiteral("that"), QStringLiteral("with"), QStringLiteral("from"), QStringLiteral("but"),
        QStringLiteral("not"), QStringLiteral("can"), QStringLiteral("could"), QStringLiteral("would"),
        QStringLiteral("will"), QStringLiteral("what"), QStringLiteral("when"), QStringLiteral("why"),
        QStringLiteral("how"), QStringLiteral("there"), QStringLiteral("they"), QStringLiteral("them"),
        QStringLiteral("our"), QStringLiteral("out"), QStringLiteral("just"), QStringLiteral("still"),
        QStringLiteral("been"), QStringLiteral("about"), QStringLiteral("please"), QStringLiteral("thanks"),
        QStringLiteral("thank"), QStringLiteral("hello"), QStringLiteral("dear"), QStringLiteral("regards"),
        QStringLiteral("any"), QStringLiteral("all"), QStringLiteral("some"), QStringLiteral("again"),
        QStringLiteral("does"), QStringLiteral("did"), QStringLiteral("don"), QStringLiteral("doesn"),
        QStringLiteral("into"), QStringLiteral("than"), QStringLiteral("then"), QStringLiteral("very"),
        QStringLiteral("who"), QStringLiteral("which"), QStringLiteral("get"), QStringLiteral("got"),
        // Italian
        QStringLiteral("che"), QStringLiteral("non"), QStringLiteral("per"), QStringLiteral("con"),
        QStringLiteral("una"), QStringLiteral("uno"), QStringLiteral("del"), QStringLiteral("della"),
        QStringLiteral("delle"), QStringLiteral("dei"), QStringLiteral("degli"), QStringLiteral("nel"),
        QStringLiteral("nella"), QStringLiteral("sul"), QStringLiteral("sulla"), QStringLiteral("alla"),
        QStringLiteral("allo"), QStringLiteral("agli"), QStringLiteral("alle"), QStringLiteral("dal"),
        QStringLiteral("dalla"), QStringLiteral("sono"), QStringLiteral("sei"), QStringLiteral("siamo"),
        QStringLiteral("hanno"), QStringLiteral("avete"), QStringLiteral("abbiamo"), QStringLiteral("essere"),
        QStringLiteral("stato"), QStringLiteral("stata"), QStringLiteral("come"), QStringLiteral("anche"),
        QStringLiteral("ancora"), QStringLiteral("già"), QStringLiteral("più"), QStringLiteral("molto"),
        QStringLiteral("questo"), QStringLiteral("questa"), QStringLiteral("quello"), QStringLiteral("quella"),
        QStringLiteral("mio"), QStringLiteral("mia"), QStringLiteral("miei"), QStringLiteral("tuo"),
        QStringLiteral("vostro"), QStringLiteral("vostra"), QStringLiteral("nostro"), QStringLiteral("nostra"),
        QStringLiteral("buongiorno"), QStringLiteral("buonasera"), QStringLiteral("salve"), QStringLiteral("grazie"),
        QStringLiteral("ciao"), QStringLiteral("cordiali"), QStringLiteral("saluti"), QStringLiteral("gentile"),
        QStringLiteral("perché"), QStringLiteral("quando"), QStringLiteral("dove"), QStringLiteral("cosa"),
        QStringLiteral("tutto"), QStringLiteral("tutti"), QStringLiteral("poi"), QStringLiteral("però"),
        QStringLiteral("solo"), QStringLiteral("fatto"), QStringLiteral("fare"), QStringLiteral("posso"),
    };
    return words;
}

// The start that "bolletta" shares with "bollette" and "modem" with
// "modems": a crude stem, but the knowledge base is small and mixes two
// languages, so it beats a stemmer that knows one.
QString stem(const QString& word)
{
    if (word.size() < 5)
        return word;
    return word.left(std::max<qsizetype>(4, word.size() - 2));
}

} // namespace

KnowledgeSuggestionModel::KnowledgeSuggestionModel(Store& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{ }

QString KnowledgeSuggestionModel::matchExpression(const QString& text)
{
    // Words as the unicode61 tokenizer splits them.
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words << word.toLower();
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word.toLower();

    // Read from the end: the latest messages say best what the customer wants now.
    QStringList terms;
    QSet<QString> seen;
    for (qsizetype i = words.size() - 1; i >= 0 && terms.size() < kMaxTerms; --i) {
        const QString& w = words.at(i);
        bool digits = true;
        for (const QChar c : w)
            digits = digits && c.isDigit();
        if (w.size() < 3 || digits || stopWords().contains(w))
            continue;
        const QString s = stem(w);
        if (seen.contains(s))
            continue;
        seen.insert(s);
        terms << QLatin1Char('"') + s + (s.size() < w.size() ? QLatin1String("\"*") : QLatin1String("\""));
    }
    return terms.join(QStringLiteral(" OR "));
}

void KnowledgeSuggestionModel::setText(const QString& text, const QString& preferredLanguage)
{
    const QString match = matchExpression(text);
    if (match == m_match && preferredLanguage == m_language)
        return;
    beginResetModel();
    m_match = match;
    m_language = preferredLanguage;
    m_rows.clear();
    if (!match.isEmpty()) {
        try {
            // bm25 is lower for better matches; the language bonus scales it further down.
            Statement& st = m_store.db().cached(
                "SELECT a.id, a.title, a.language, a.tags, s.excerpt,"
                "   s.score * CASE WHEN a.language = ?2 THEN 1.5 ELSE 1.0 END AS ranked"
                " FROM (SELECT rowid AS id, snippet(knowledge_search, 1, '', '', '…', 16) AS excerpt,"
                "   bm25(knowledge_search, 5.0, 1.0, 3.0) AS score"
                "   FROM knowledge_search WHERE knowledge_search MATCH ?1) s"
                " JOIN knowledge_articles a ON a.id = s.id"
                " ORDER BY ranked, a.id LIMIT ?3");
            st.bind(1, match).bind(2, preferredLanguage.isNull() ? QStringLiteral("") : preferredLanguage)
                .bind(3, kLimit);
            double best = 0;
            while (st.step()) {
                // bm25 is negative, lower is better. An article sharing one
                // common word with a long conversation is noise next to the
                // best match: below a fraction of its score it is left out.
                const double ranked = st.real(5);
                if (m_rows.isEmpty())
                    best = ranked;
                else if (ranked > best * kRelevanceFloor)
                    break;
                Suggestion s;
                s.id = st.int64(0);
                s.title = st.text(1);
                s.language = st.text(2);
                s.tags = st.text(3);
                s.excerpt = st.text(4).simplified();
                m_rows.append(s);
            }
            st.reset();
        } catch (const StoreError& error) {
            qCWarning(lcKnowledge) << "Could not rank knowledge articles:" << error.message();
            m_rows.clear();
        }
    }
    endResetModel();
}

std::optional<KnowledgeSuggestionModel::Article> KnowledgeSuggestionModel::article(qint64 id) const
{
    try {
        Statement& st = m_store.db().cached(
            "SELECT id, title, body, language, tags, updated_at FROM knowledge_articles WHERE id = ?");
        st.bind(1, id);
        std::optional<Article> result;
        if (st.step())
            result = Article { st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5) };
        st.reset();
        return result;
    } catch (const StoreError& error) {
        qCWarning(lcKnowledge) << "Could not read knowledge article" << id << ":" << error.message();
        return std::nullopt;
    }
}

int KnowledgeSuggestionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant KnowledgeSuggestionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Suggestion& s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return s.title;
    case Qt::ToolTipRole:
        return Qt::convertFromPlainText(s.title + QLatin1Char('\n') + s.excerpt, Qt::WhiteSpaceNormal);
    case ContextRoles::DetailRole: {
        const QLocale locale(s.language);
        QStringList parts;
        if (locale.language() != QLocale::C)
            parts << QLocale::languageToString(locale.language());
        if (!s.tags.isEmpty())
            parts << QString(s.tags).replace(QLatin1Char(','), QLatin1String(", "));
        return parts.join(QStringLiteral(" · "));
    }
    case ContextRoles::ExcerptRole:
        return s.excerpt;
    case ContextRoles::IconNameRole:
        return QString();
    case ArticleIdRole:
        return s.id;
    case LanguageRole:
        return s.language;
    }
    return {};
}
