#pragma once

#include "ContextRoles.h"
#include "domain/Interaction.h"
#include "itemmodels/KeyedTableModel.h"

#include <QList>
#include <QSet>
#include <optional>

class Statement;
class Store;

// One customer's interactions on every channel, newest first, for the
// context panel's timeline, with a channel filter and a search inside the
// history (subject, contact reason, outcome and every message). Rows arrive
// a page at a time as the view scrolls, by key (time, id) rather than by
// offset, so the thousandth page of a 50,000-interaction history costs what
// the first does and only the pages scrolled to are ever read.
//
// When the store has nothing older, the model can ask for history from
// before the sync's history window: olderHistoryWanted once per edge, then
// olderHistoryFetched or olderHistoryFailed from whoever answered (the sync
// engine; the model knows nothing about it).
class CustomerTimelineModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Role {
        InteractionIdRole = ContextRoles::IdRole, // qint64
        ChannelKeyRole = ContextRoles::FirstCustomRole, // QString, the store's key ("voice")
        OfferedAtRole, // qint64, UTC seconds since the epoch
    };
    // What lies past the last row loaded.
    enum class Edge {
        LocalPages, // more rows in the store: scrolling reads them
        Older, // the store has no more; scrolling asks for older history
        Asking, // asked, waiting for the answer
        Failed, // the last ask failed; retryOlderHistory() asks again
        Start, // the backend has nothing older: this is the whole history
        LocalOnly, // nobody to ask (working offline): the start of the local history
    };
    static constexpr int kPageSize = 50;
    static constexpr int kMaxSearchWords = 5;

    explicit CustomerTimelineModel(Store& store, QObject* parent = nullptr);

    // Shows this customer's whole history from the newest, with the channel
    // filter and search cleared; 0 shows none.
    void setCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }
    // nullopt shows every channel.
    void setChannelFilter(std::optional<Channel> channel);
    std::optional<Channel> channelFilter() const { return m_channel; }
    // Every word must appear in the subject, contact reason, outcome or a
    // message of the interaction (case-insensitive for unaccented letters).
    void setSearchText(const QString& text);
    const QString& searchText() const { return m_search; }
    bool isFiltered() const { return m_channel.has_value() || !m_words.isEmpty(); }
    // Whether anyone answers olderHistoryWanted.
    void setOlderHistorySource(bool available);

    // Interactions of the customer in the store, every channel, filter or not.
    qint64 storedCount() const { return m_storedCount; }
    Edge edge() const { return m_edge; }
    // Why the last ask for older history failed.
    const QString& lastError() const { return m_lastError; }
    const Interaction& interactionAt(int row) const { return m_rows.at(row).interaction; }
    // The row's first customer message (or the one the search matched), masked, or empty.
    const QString& excerptAt(int row) const { return m_rows.at(row).excerpt; }

    // The store changed (a sync applied a page): when the customer or one of
    // the rows on screen is among the changes, the loaded rows are read again
    // and only what changed moves or repaints.
    void refreshInteractions(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // Answers to olderHistoryWanted; they mirror SyncEngine::historyFetched/historyFailed.
    void olderHistoryFetched(qint64 customerId, int received, int total);
    void olderHistoryFailed(qint64 customerId, const QString& error);
    void retryOlderHistory();

    // How the timeline words times and durations.
    static QString whenLabel(qint64 utcSeconds);
    static QString durationLabel(qint64 seconds);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // The agent scrolled past the oldest interaction in the store.
    void olderHistoryWanted(qint64 customerId);
    void edgeChanged();

private:
    struct Entry
    {
        Interaction interaction;
        QString excerpt;
    };

    void reload(bool recount);
    // Rows after the (offered_at, id) key, newest first; the first page with none.
    QList<Entry> read(std::optional<std::pair<qint64, qint64>> after, int limit) const;
    Statement& statement() const;
    QString title(const Entry& entry) const;
    QString detail(const Interaction& interaction) const;
    // The edge once the store has no more rows to give.
    Edge localEdge() const;
    void setEdge(Edge edge);

    Store& m_store;
    qint64 m_customerId = 0;
    std::optional<Channel> m_channel;
    QString m_search;
    QStringList m_words; // LIKE patterns, escaped
    bool m_hasSource = false;
    qint64 m_storedCount = 0;
    Edge m_edge = Edge::LocalOnly;
    QString m_lastError;
    // Customers whose whole history the backend says is here; not asked again this session.
    QSet<qint64> m_complete;
    QList<Entry> m_rows;
};
