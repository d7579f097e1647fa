#pragma once

#include "ContextRoles.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QMap>
#include <optional>

class Store;

// What a customer does on social networks, newest first: posts, mentions,
// comments, direct messages, likes, shares, tags and follows, with our
// replies under them; and a summary the agent reads before answering: how
// much they post, how many people follow them (a complaint from someone with
// 40,000 followers is handled differently) and whether their mood is getting
// better or worse. One query fills both.
class SocialActivityModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ActivityIdRole = ContextRoles::IdRole, // qint64
        KindRole = ContextRoles::FirstCustomRole, // QString, the store's kind ("mention")
        ByCustomerRole, // bool: written by the customer (not our reply)
    };
    enum class Trend { Unknown, Improving, Steady, Worsening };

    struct Activity
    {
        qint64 id = 0;
        QString network;
        QString kind;
        QString authorHandle;
        qint64 authorFollowers = 0;
        QString body; // masked
        QString url;
        qint64 postedAt = 0;
        std::optional<double> sentiment;
        QString intent;
        bool byCustomer = false;
    };
    struct Summary
    {
        // Activities read (at most kLimit) and, of those, the customer's own by kind.
        int activities = 0;
        QMap<QString, int> ownByKind;
        // From the customer's latest own activity; empty/0 when none.
        QString handle;
        QString network;
        qint64 followers = 0;
        // Average sentiment of the customer's own activity per calendar month,
        // oldest first, the current month last; nullopt where they were silent.
        QList<std::optional<double>> monthlySentiment;
        Trend trend = Trend::Unknown;
    };
    static constexpr int kLimit = 200;
    static constexpr int kTrendMonths = 12;

    explicit SocialActivityModel(Store& store, QObject* parent = nullptr);

    // 0 shows none.
    void setCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }
    const Summary& summary() const { return m_summary; }
    // The month the trend ends with; tests pin it, the panel uses the current one.
    void setTrendEnd(QDate month) { m_trendEnd = month; }

    // "Instagram", "X": network keys as agents read them.
    static QString networkLabel(const QString& network);
    // A kind of activity as a heading over its count: "mention" -> "Mentions".
    static QString kindLabel(const QString& kind);
    // How far a voice carries: "Low", "Medium", "High", "Very high".
    static QString influenceLabel(qint64 followers);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void summarise();
    QString title(const Activity& activity) const;

    Store& m_store;
    qint64 m_customerId = 0;
    QDate m_trendEnd;
    QList<Activity> m_rows;
    Summary m_summary;
};
