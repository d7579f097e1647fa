#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class ContextListView;
class CustomerCard;
class CustomerTimelineModel;
class DuplicateCandidateModel;
class KnowledgeArticleView;
class KnowledgeSuggestionModel;
class OpenTicketsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeView;
class SentimentSparkline;
class SocialActivityModel;
class Store;

// Everything about the customer in front of the agent, filled at once on a
// screen pop: the profile card; a timeline of every interaction on every
// channel (filter, search, pages as the agent scrolls, older history asked
// for at the edge); social activity with followers and a sentiment trend;
// open tickets; knowledge-base articles ranked against the conversation,
// opened beside the panel and insertable into the reply; and the customer's
// likely duplicates with the reasons, to merge (mergeRequested), with the
// merges this desk made into them, to undo (undoMergeRequested).
//
// It reads the local store through read-only item models, one query per
// section, on the GUI thread: every query is an indexed lookup bounded by a
// page, so the whole panel fills within a frame even on a million customers.
// Duplicates are looked for only while their tab is shown (a few searches,
// not worth a screen pop's time). It knows nothing of the sync engine, the
// agent's actions or the composer: older history is asked
// for with olderHistoryWanted and arrives through olderHistoryFetched, and
// article text leaves through insertIntoReply.
class CustomerContextPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerContextPanel(Store& store, qint64 customerId = 0, QWidget* parent = nullptr);
    ~CustomerContextPanel() override;

    // 0 when no customer is shown.
    qint64 customerId() const { return m_customerId; }

public Q_SLOTS:
    // Shows this customer in every section, with the timeline unfiltered; 0 or
    // an unknown id shows the empty panel.
    void setCustomer(qint64 customerId);
    // The text of the conversation being handled (transcript so far, the
    // email being answered): knowledge suggestions are ranked against it.
    // Empty ranks them against the customer's latest contact.
    void setConversationText(const QString& text);
    // The store changed (the sync engine applied a page): sections showing
    // these customers or interactions read again, keeping the timeline's
    // scroll position; others are not touched.
    void refresh(const QList<qint64>& customerIds, const QList<qint64>& interactionIds);
    // Answers to olderHistoryWanted (connect SyncEngine::historyFetched and historyFailed).
    void olderHistoryFetched(qint64 customerId, int received, int total);
    void olderHistoryFailed(qint64 customerId, const QString& error);
    // Opens a knowledge article in the side panel.
    void openArticle(qint64 articleId);
    // Says why a merge or its undo was refused, under the duplicates.
    void showMergeMessage(const QString& message);

Q_SIGNALS:
    // The agent scrolled past the oldest interaction in the local store
    // (connect SyncEngine::fetchOlderHistory). Only asked while something is
    // connected to it: a desk working offline shows the start of its history.
    void olderHistoryWanted(qint64 customerId);
    // The agent chose to put this article text into the reply being written.
    void insertIntoReply(const QString& text);
    // The agent wants to merge the customer on screen with this one.
    void mergeRequested(qint64 candidateId);
    // The agent wants this desk's merge of mergedId into the customer undone.
    void undoMergeRequested(qint64 mergedId);

protected:
    void connectNotify(const QMetaMethod& signal) override;
    void disconnectNotify(const QMetaMethod& signal) override;

private:
    QWidget* buildTimelineTab();
    QWidget* buildTicketsTab();
    QWidget* buildSocialTab();
    QWidget* buildKnowledgeTab();
    QWidget* buildDuplicatesTab();
    void loadDuplicates();
    void updateMergeStatus();
    ContextListView* makeList(const QString& objectName, const QString& accessibleName, const QString& placeholder);
    void updateTimelineFooter();
    void updateTabTitles();
    void updateSocialSummary();
    void updateSummary();
    void updatePlaceholders();
    void rankKnowledge();
    void applyTimelineSearch();

    Store& m_store;
    qint64 m_customerId = 0;
    QString m_customerLanguage;
    QString m_conversationText;

    CustomerTimelineModel* m_timeline = nullptr;
    SocialActivityModel* m_social = nullptr;
    OpenTicketsModel* m_tickets = nullptr;
    KnowledgeSuggestionModel* m_knowledge = nullptr;
    DuplicateCandidateModel* m_duplicates = nullptr;

    QStackedWidget* m_pages = nullptr;
    QSplitter* m_sideSplitter = nullptr;
    QSplitter* m_columnSplitter = nullptr;
    CustomerCard* m_card = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;

    QComboBox* m_channelFilter = nullptr;
    QLineEdit* m_timelineSearch = nullptr;
    QTimer* m_searchDelay = nullptr;
    ContextListView* m_timelineView = nullptr;
    QLabel* m_timelineFooter = nullptr;
    QToolButton* m_retryHistory = nullptr;

    ContextListView* m_ticketsView = nullptr;

    QLabel* m_socialHeader = nullptr;
    QLabel* m_socialCounts = nullptr;
    SentimentSparkline* m_sparkline = nullptr;
    QLabel* m_trendLabel = nullptr;
    ContextListView* m_socialView = nullptr;

    QLabel* m_knowledgeBasis = nullptr;
    ContextListView* m_knowledgeView = nullptr;
    KnowledgeArticleView* m_article = nullptr;

    QWidget* m_duplicatesTab = nullptr;
    // The duplicates shown are not this customer's as stored now.
    bool m_duplicatesStale = true;
    QLabel* m_mergeStatus = nullptr;
    QPushButton* m_undoMerge = nullptr;
    qint64 m_undoableMergedId = 0;
    QTreeView* m_duplicatesView = nullptr;
    QPushButton* m_mergeButton = nullptr;
};
