#pragma once

#include "ContextRoles.h"

#include <QAbstractListModel>
#include <QList>
#include <optional>

class Store;

// Knowledge-base articles that fit the conversation in front of the agent,
// best first: the conversation's significant words (the latest first, common
// Italian and English words left out, endings trimmed so "bollette" finds
// "bolletta") become an FTS5 query over titles, bodies and tags, ranked by
// bm25 with titles and tags weighing more than bodies, and articles in the
// customer's language ahead of the same match in another.
class KnowledgeSuggestionModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ArticleIdRole = ContextRoles::IdRole, // qint64
        LanguageRole = ContextRoles::FirstCustomRole, // QString, the article's language code
    };
    struct Suggestion
    {
        qint64 id = 0;
        QString title;
        QString language;
        QString tags;
        QString excerpt; // the passage that matched
    };
    struct Article
    {
        qint64 id = 0;
        QString title;
        QString body;
        QString language;
        QString tags;
        qint64 updatedAt = 0;
    };
    static constexpr int kLimit = 8;
    static constexpr int kMaxTerms = 16;
    // Suggestions scoring below this fraction of the best one are not shown.
    static constexpr double kRelevanceFloor = 0.25;

    explicit KnowledgeSuggestionModel(Store& store, QObject* parent = nullptr);

    // Ranks the articles against this text; articles in preferredLanguage
    // ("it") come first among equals. Empty text suggests nothing.
    void setText(const QString& text, const QString& preferredLanguage = QString());
    // The whole article, for reading and inserting into a reply.
    std::optional<Article> article(qint64 id) const;

    // The FTS5 MATCH expression for a conversation; empty when nothing in it is significant.
    static QString matchExpression(const QString& text);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    Store& m_store;
    QString m_match;
    QString m_language;
    QList<Suggestion> m_rows;
};
