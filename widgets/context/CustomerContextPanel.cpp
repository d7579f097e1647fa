#include "CustomerContextPanel.h"

#include "ContextListView.h"
#include "CustomerCard.h"
#include "DataLabel.h"
#include "IconNameDelegate.h"
#include "KnowledgeArticleView.h"
#include "SentimentSparkline.h"
#include "context/CustomerTimelineModel.h"
#include "context/KnowledgeSuggestionModel.h"
#include "context/OpenTicketsModel.h"
#include "context/SocialActivityModel.h"
#include "identity/DuplicateCandidateModel.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "workspace/LocalMerge.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonObject>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

Q_LOGGING_CATEGORY(lcContext, "unisono.context", QtInfoMsg)

// Long enough that a typist does not search per key, short enough to feel immediate.
constexpr int kSearchDelayMs = 200;

// Every label that may show data: plain text, whatever the text looks like.
DataLabel* plainLabel(const QString& objectName = QString())
{
    auto* label = new DataLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

QLabel* placeholder(const QString& objectName, const QString& text)
{
    DataLabel* label = plainLabel(objectName);
    label->setCopyable(false);
    label->setText(text);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    label->setMargin(12);
    return label;
}

QString countTitle(const QString& title, qint64 count)
{
    return count > 0 ? QStringLiteral("%1 (%2)").arg(title, QLocale().toString(count)) : title;
}

} // namespace

CustomerContextPanel::CustomerContextPanel(Store& store, qint64 customerId, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("customerContextPanel"));
    // Shaping every string through HarfBuzz was most of a screen pop's cost;
    // the panel's Latin text needs no shaping, kerning is not worth 6x, and
    // Qt still shapes scripts that require it.
    QFont unshaped = font();
    unshaped.setStyleStrategy(QFont::PreferNoShaping);
    setFont(unshaped);
    m_timeline = new CustomerTimelineModel(m_store, this);
    m_social = new SocialActivityModel(m_store, this);
    m_tickets = new OpenTicketsModel(m_store, this);
    m_knowledge = new KnowledgeSuggestionModel(m_store, this);
    m_duplicates = new DuplicateCandidateModel(m_store, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget;
    layout->addWidget(m_pages);
    m_pages->addWidget(placeholder(QStringLiteral("contextPlaceholder"),
        tr("No customer on screen. Pick one from the search, or take a contact.")));

    m_card = new CustomerCard;
    m_card->setObjectName(QStringLiteral("customerCard"));
    m_summary = plainLabel(QStringLiteral("contextSummary"));
    m_summary->setContentsMargins(12, 2, 12, 4);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("contextTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildTimelineTab(), tr("History"));
    m_tabs->addTab(buildTicketsTab(), tr("Tickets"));
    m_tabs->addTab(buildSocialTab(), tr("Social"));
    m_tabs->addTab(buildKnowledgeTab(), tr("Knowledge"));
    m_duplicatesTab = buildDuplicatesTab();
    m_tabs->addTab(m_duplicatesTab, tr("Duplicates"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_duplicatesTab && m_duplicatesStale)
            loadDuplicates();
    });

    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(0);
    lowerLayout->addWidget(m_summary);
    lowerLayout->addWidget(m_tabs, 1);

    m_columnSplitter = new QSplitter(Qt::Vertical);
    m_columnSplitter->setObjectName(QStringLiteral("contextColumnSplitter"));
    m_columnSplitter->setChildrenCollapsible(false);
    m_columnSplitter->addWidget(m_card);
    m_columnSplitter->addWidget(lower);
    m_columnSplitter->setStretchFactor(0, 0);
    m_columnSplitter->setStretchFactor(1, 1);
    m_columnSplitter->setSizes({ 300, 600 });

    m_article = new KnowledgeArticleView;
    m_article->setObjectName(QStringLiteral("knowledgeArticle"));
    m_article->hide();
    connect(m_article, &KnowledgeArticleView::insertRequested, this, &CustomerContextPanel::insertIntoReply);
    connect(m_article, &KnowledgeArticleView::closeRequested, this, [this] {
        m_article->hide();
        m_knowledgeView->setFocus(Qt::OtherFocusReason);
    });

    m_sideSplitter = new QSplitter(Qt::Horizontal);
    m_sideSplitter->setObjectName(QStringLiteral("contextSideSplitter"));
    m_sideSplitter->setChildrenCollapsible(false);
    m_sideSplitter->addWidget(m_columnSplitter);
    m_sideSplitter->addWidget(m_article);
    m_sideSplitter->setStretchFactor(0, 1);
    m_pages->addWidget(m_sideSplitter);

    connect(m_timeline, &CustomerTimelineModel::olderHistoryWanted, this, &CustomerContextPanel::olderHistoryWanted);
    connect(m_timeline, &CustomerTimelineModel::edgeChanged, this, &CustomerContextPanel::updateTimelineFooter);
    // Pages scrolled in and rows a sync moved change the footer's count, and
    // older history arriving for an empty filter replaces its placeholder.
    const auto rowsMoved = [this] {
        updatePlaceholders();
        updateTimelineFooter();
    };
    connect(m_timeline, &QAbstractItemModel::rowsInserted, this, rowsMoved);
    connect(m_timeline, &QAbstractItemModel::rowsRemoved, this, rowsMoved);

    setCustomer(customerId);
}

CustomerContextPanel::~CustomerContextPanel() = default;

ContextListView* CustomerContextPanel::makeList(
    const QString& objectName, const QString& accessibleName, const QString& placeholder)
{
    auto* view = new ContextListView;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setPlaceholderText(placeholder);
    return view;
}

QWidget* CustomerContextPanel::buildTimelineTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(4);

    auto* tools = new QHBoxLayout;
    m_channelFilter = new QComboBox;
    m_channelFilter->setObjectName(QStringLiteral("timelineChannelFilter"));
    m_channelFilter->setAccessibleName(tr("Channel"));
    m_channelFilter->setToolTip(tr("Show one channel only"));
    m_channelFilter->addItem(tr("All channels"), QString());
    for (const Channel channel : kAllChannels) {
        const QString key = QString::fromLatin1(channelKey(channel));
        m_channelFilter->addItem(IconNameDelegate::icon(QStringLiteral("channel-") + key), channelLabel(channel), key);
    }
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString key = m_channelFilter->currentData().toString();
        m_timeline->setChannelFilter(key.isEmpty() ? std::nullopt : channelFromKey(key));
        updatePlaceholders();
        updateTimelineFooter();
    });
    tools->addWidget(m_channelFilter);

    m_timelineSearch = new QLineEdit;
    m_timelineSearch->setObjectName(QStringLiteral("timelineSearch"));
    m_timelineSearch->setAccessibleName(tr("Search this customer's history"));
    m_timelineSearch->setPlaceholderText(tr("Search this history…"));
    m_timelineSearch->setClearButtonEnabled(true);
    m_timelineSearch->addAction(IconNameDelegate::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    tools->addWidget(m_timelineSearch, 1);
    layout->addLayout(tools);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &CustomerContextPanel::applyTimelineSearch);
    connect(m_timelineSearch, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_timelineSearch, &QLineEdit::returnPressed, this, &CustomerContextPanel::applyTimelineSearch);

    m_timelineView = makeList(QStringLiteral("timelineView"), tr("Interaction history"), QString());
    m_timelineView->setModel(m_timeline);
    layout->addWidget(m_timelineView, 1);

    auto* footer = new QHBoxLayout;
    m_timelineFooter = plainLabel(QStringLiteral("timelineFooter"));
    m_timelineFooter->setEnabled(false);
    footer->addWidget(m_timelineFooter, 1);
    m_retryHistory = new QToolButton;
    m_retryHistory->setObjectName(QStringLiteral("retryOlderHistory"));
    m_retryHistory->setToolTip(tr("Ask the server for older history"));
    m_retryHistory->hide();
    connect(m_retryHistory, &QToolButton::clicked, m_timeline, &CustomerTimelineModel::retryOlderHistory);
    footer->addWidget(m_retryHistory);
    layout->addLayout(footer);
    return tab;
}

QWidget* CustomerContextPanel::buildTicketsTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 4);
    m_ticketsView = makeList(QStringLiteral("ticketsView"), tr("Open tickets"), tr("No open tickets."));
    m_ticketsView->setModel(m_tickets);
    layout->addWidget(m_ticketsView, 1);
    return tab;
}

QWidget* CustomerContextPanel::buildSocialTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(10, 8, 6, 4);
    layout->setSpacing(3);
    m_socialHeader = plainLabel(QStringLiteral("socialSummary"));
    QFont bold = m_socialHeader->font();
    bold.setBold(true);
    m_socialHeader->setFont(bold);
    layout->addWidget(m_socialHeader);
    m_socialCounts = plainLabel(QStringLiteral("socialCounts"));
    layout->addWidget(m_socialCounts);

    auto* trend = new QHBoxLayout;
    auto* trendCaption = plainLabel();
    trendCaption->setText(tr("Mood, last 12 months"));
    trendCaption->setWordWrap(false);
    trend->addWidget(trendCaption);
    m_sparkline = new SentimentSparkline;
    m_sparkline->setObjectName(QStringLiteral("sentimentTrend"));
    m_sparkline->setAccessibleName(tr("Sentiment trend"));
    trend->addWidget(m_sparkline, 1);
    m_trendLabel = plainLabel(QStringLiteral("sentimentTrendLabel"));
    m_trendLabel->setWordWrap(false);
    trend->addWidget(m_trendLabel);
    layout->addLayout(trend);

    m_socialView = makeList(QStringLiteral("socialView"), tr("Social activity"),
        tr("No social activity on record for this customer."));
    m_socialView->setModel(m_social);
    layout->addWidget(m_socialView, 1);
    return tab;
}

QWidget* CustomerContextPanel::buildKnowledgeTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 4);
    m_knowledgeBasis = plainLabel(QStringLiteral("knowledgeBasis"));
    m_knowledgeBasis->setEnabled(false);
    layout->addWidget(m_knowledgeBasis);
    m_knowledgeView = makeList(QStringLiteral("knowledgeView"), tr("Suggested articles"),
        tr("No article matches this conversation."));
    m_knowledgeView->setModel(m_knowledge);
    m_knowledgeView->setToolTip(tr("Enter or double-click opens the article beside this panel"));
    connect(m_knowledgeView, &QListView::activated, this, [this](const QModelIndex& index) {
        openArticle(index.data(KnowledgeSuggestionModel::ArticleIdRole).toLongLong());
    });
    layout->addWidget(m_knowledgeView, 1);
    return tab;
}

QWidget* CustomerContextPanel::buildDuplicatesTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 4);

    auto* merged = new QHBoxLayout;
    m_mergeStatus = plainLabel(QStringLiteral("mergeStatus"));
    merged->addWidget(m_mergeStatus, 1);
    m_undoMerge = new QPushButton(tr("Undo Merge"));
    m_undoMerge->setObjectName(QStringLiteral("undoMerge"));
    m_undoMerge->setToolTip(tr("Put both customers back as they were before the merge"));
    m_undoMerge->hide();
    connect(m_undoMerge, &QPushButton::clicked, this, [this] {
        if (m_undoableMergedId > 0)
            Q_EMIT undoMergeRequested(m_undoableMergedId);
    });
    merged->addWidget(m_undoMerge, 0, Qt::AlignTop);
    layout->addLayout(merged);

    m_duplicatesView = new QTreeView;
    m_duplicatesView->setObjectName(QStringLiteral("duplicatesView"));
    m_duplicatesView->setAccessibleName(tr("Possible duplicates"));
    m_duplicatesView->setRootIsDecorated(false);
    m_duplicatesView->setUniformRowHeights(true);
    m_duplicatesView->setAllColumnsShowFocus(true);
    m_duplicatesView->setModel(m_duplicates);
    m_duplicatesView->header()->setStretchLastSection(true);
    m_duplicatesView->header()->setSectionResizeMode(DuplicateCandidateModel::CustomerColumn, QHeaderView::ResizeToContents);
    m_duplicatesView->header()->setSectionResizeMode(DuplicateCandidateModel::ScoreColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_duplicatesView, 1);

    auto* tools = new QHBoxLayout;
    auto* caption = plainLabel(QStringLiteral("duplicatesCaption"));
    caption->setEnabled(false);
    caption->setText(tr("Customers who may be this one, most likely first."));
    tools->addWidget(caption, 1);
    m_mergeButton = new QPushButton(tr("Merge…"));
    m_mergeButton->setObjectName(QStringLiteral("mergeDuplicate"));
    m_mergeButton->setToolTip(tr("Merge the selected customer with this one, choosing what to keep"));
    m_mergeButton->setEnabled(false);
    tools->addWidget(m_mergeButton);
    layout->addLayout(tools);

    const auto selected = [this] {
        const QModelIndex current = m_duplicatesView->currentIndex();
        return current.isValid() ? current.data(DuplicateCandidateModel::CustomerIdRole).toLongLong() : 0;
    };
    connect(m_duplicatesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this, selected] { m_mergeButton->setEnabled(selected() > 0); });
    connect(m_duplicates, &QAbstractItemModel::modelReset, this, [this] { m_mergeButton->setEnabled(false); });
    connect(m_mergeButton, &QPushButton::clicked, this, [this, selected] {
        if (const qint64 candidate = selected(); candidate > 0)
            Q_EMIT mergeRequested(candidate);
    });
    connect(m_duplicatesView, &QTreeView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT mergeRequested(index.data(DuplicateCandidateModel::CustomerIdRole).toLongLong());
    });
    return tab;
}

void CustomerContextPanel::loadDuplicates()
{
    m_duplicatesStale = false;
    m_duplicates->setCustomer(m_customerId);
    m_duplicatesView->setToolTip(m_duplicates->rowCount() == 0 ? tr("No likely duplicate of this customer.") : QString());
    updateTabTitles();
}

void CustomerContextPanel::updateMergeStatus()
{
    m_undoableMergedId = 0;
    QList<QJsonObject> merges;
    if (m_customerId != 0) {
        try {
            merges = LocalMerge::recordsInto(m_store.db(), m_customerId);
        } catch (const StoreError& error) {
            qCWarning(lcContext) << "Could not read the merges into" << m_customerId << ":" << error.message();
        }
    }
    if (merges.isEmpty()) {
        m_mergeStatus->clear();
        m_undoMerge->hide();
        return;
    }
    // The newest merge is the one to undo first: undoing in reverse order
    // gives every record back exactly as it was.
    const QJsonObject& latest = merges.first();
    m_undoableMergedId = latest.value(QStringLiteral("mergedId")).toInteger();
    const QString name = latest.value(QStringLiteral("row")).toObject().value(QStringLiteral("display_name")).toString();
    const QDateTime at = QDateTime::fromSecsSinceEpoch(latest.value(QStringLiteral("mergedAt")).toInteger());
    m_mergeStatus->setText(tr("%1 (#%2) was merged into this customer by you at %3.")
            .arg(name)
            .arg(m_undoableMergedId)
            .arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
    m_undoMerge->show();
}

void CustomerContextPanel::showMergeMessage(const QString& message)
{
    m_mergeStatus->setText(message);
}

void CustomerContextPanel::connectNotify(const QMetaMethod& signal)
{
    if (signal == QMetaMethod::fromSignal(&CustomerContextPanel::olderHistoryWanted))
        m_timeline->setOlderHistorySource(true);
    QWidget::connectNotify(signal);
}

void CustomerContextPanel::disconnectNotify(const QMetaMethod& signal)
{
    // An invalid method means "everything was disconnected": ask again.
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&CustomerContextPanel::olderHistoryWanted))
        m_timeline->setOlderHistorySource(
            isSignalConnected(QMetaMethod::fromSignal(&CustomerContextPanel::olderHistoryWanted)));
    QWidget::disconnectNotify(signal);
}

void CustomerContextPanel::setCustomer(qint64 customerId)
{
    // One paint for the whole panel once everything is in, not one per
    // widget as each changes.
    setUpdatesEnabled(false);
    m_customerId = 0;
    m_customerLanguage.clear();
    std::optional<Customer> customer;
    QList<Identity> identities;
    if (customerId != 0) {
        try {
            customer = m_store.customer(customerId);
            if (customer)
                identities = m_store.identities(customerId);
        } catch (const StoreError& error) {
            qCWarning(lcContext) << "Could not read customer" << customerId << ":" << error.message();
            customer.reset();
        }
    }
    if (customer) {
        m_customerId = customerId;
        m_customerLanguage = customer->language;
        m_card->setCustomer(*customer, identities);
    } else {
        m_card->clear();
    }
    // A new customer starts unfiltered: a filter chosen for the last caller
    // would hide this one's history.
    {
        const QSignalBlocker blockFilter(m_channelFilter);
        const QSignalBlocker blockSearch(m_timelineSearch);
        m_channelFilter->setCurrentIndex(0);
        m_timelineSearch->clear();
        m_searchDelay->stop();
    }
    m_timeline->setCustomer(m_customerId);
    m_tickets->setCustomer(m_customerId);
    m_social->setCustomer(m_customerId);
    m_conversationText.clear();
    rankKnowledge();
    m_article->hide();
    m_duplicatesStale = true;
    if (m_tabs->currentWidget() == m_duplicatesTab)
        loadDuplicates();
    else
        m_duplicates->setCustomer(0);
    updateMergeStatus();

    m_timelineView->scrollToTop();
    updateSocialSummary();
    updateTabTitles();
    updateSummary();
    updatePlaceholders();
    updateTimelineFooter();
    m_pages->setCurrentIndex(m_customerId != 0 ? 1 : 0);
    setUpdatesEnabled(true);
}

void CustomerContextPanel::setConversationText(const QString& text)
{
    m_conversationText = text;
    rankKnowledge();
    updateTabTitles();
    updatePlaceholders();
}

void CustomerContextPanel::rankKnowledge()
{
    QString text = m_conversationText;
    if (text.trimmed().isEmpty() && m_timeline->rowCount() > 0 && !m_timeline->isFiltered()) {
        // No conversation yet (a call just popped): what they came about last time.
        const Interaction& latest = m_timeline->interactionAt(0);
        text = latest.subject + QLatin1Char(' ') + m_timeline->excerptAt(0);
        m_knowledgeBasis->setText(tr("Suggested for the latest contact: %1").arg(latest.subject));
    } else {
        m_knowledgeBasis->setText(tr("Suggested for this conversation"));
    }
    m_knowledge->setText(m_customerId != 0 ? text : QString(), m_customerLanguage);
}

void CustomerContextPanel::refresh(const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    if (m_customerId == 0)
        return;
    if (customerIds.contains(m_customerId)) {
        // The profile, identities, tickets or social activity may have
        // changed; the timeline keeps its rows, filter and scroll position.
        try {
            const std::optional<Customer> customer = m_store.customer(m_customerId);
            if (!customer) {
                // Erased or merged away: the panel must not keep showing them.
                setCustomer(0);
                return;
            }
            m_customerLanguage = customer->language;
            m_card->setCustomer(*customer, m_store.identities(m_customerId));
        } catch (const StoreError& error) {
            qCWarning(lcContext) << "Could not read customer" << m_customerId << ":" << error.message();
        }
        m_tickets->setCustomer(m_customerId);
        m_social->setCustomer(m_customerId);
        updateSocialSummary();
        // A merge or its undo changes who the duplicates are.
        m_duplicatesStale = true;
        if (m_tabs->currentWidget() == m_duplicatesTab)
            loadDuplicates();
        updateMergeStatus();
    }
    m_timeline->refreshInteractions(customerIds, interactionIds);
    // Without a conversation the suggestions follow the latest contact, which may be new.
    if (m_conversationText.trimmed().isEmpty())
        rankKnowledge();
    updateTabTitles();
    updateSummary();
    updatePlaceholders();
    updateTimelineFooter();
}

void CustomerContextPanel::olderHistoryFetched(qint64 customerId, int received, int total)
{
    m_timeline->olderHistoryFetched(customerId, received, total);
    updateTabTitles();
}

void CustomerContextPanel::olderHistoryFailed(qint64 customerId, const QString& error)
{
    m_timeline->olderHistoryFailed(customerId, error);
}

void CustomerContextPanel::openArticle(qint64 articleId)
{
    const std::optional<KnowledgeSuggestionModel::Article> article = m_knowledge->article(articleId);
    if (!article)
        return;
    QStringList meta;
    const QLocale language(article->language);
    if (language.language() != QLocale::C)
        meta << QLocale::languageToString(language.language());
    if (!article->tags.isEmpty())
        meta << QString(article->tags).replace(QLatin1Char(','), QLatin1String(", "));
    m_article->showArticle(article->title, meta.join(QStringLiteral(" · ")), article->body);
    if (!m_article->isVisible()) {
        m_article->show();
        const int width = m_sideSplitter->width();
        m_sideSplitter->setSizes({ width * 55 / 100, width * 45 / 100 });
    }
}

void CustomerContextPanel::applyTimelineSearch()
{
    m_searchDelay->stop();
    m_timeline->setSearchText(m_timelineSearch->text());
    updatePlaceholders();
    updateTimelineFooter();
}

void CustomerContextPanel::updateTimelineFooter()
{
    const QLocale locale;
    const int shown = m_timeline->rowCount();
    const QString count = m_timeline->isFiltered()
        ? tr("%1 shown").arg(locale.toString(shown))
        : tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(m_timeline->storedCount()));
    QString text;
    switch (m_timeline->edge()) {
    case CustomerTimelineModel::Edge::LocalPages:
        text = tr("%1 · scroll for more").arg(count);
        break;
    case CustomerTimelineModel::Edge::Older:
        text = tr("%1 · scroll down for older history from the server").arg(count);
        break;
    case CustomerTimelineModel::Edge::Asking:
        text = tr("%1 · fetching older history from the server…").arg(count);
        break;
    case CustomerTimelineModel::Edge::Failed:
        text = tr("%1 · could not fetch older history: %2").arg(count, m_timeline->lastError());
        break;
    case CustomerTimelineModel::Edge::Start:
        text = tr("%1 · the whole history").arg(count);
        break;
    case CustomerTimelineModel::Edge::LocalOnly:
        text = tr("%1 · the start of the history on this desk").arg(count);
        break;
    }
    m_timelineFooter->setText(text);
    // A button as well as the scroll: an empty filter has nothing to scroll,
    // and the keyboard needs a way too.
    const CustomerTimelineModel::Edge edge = m_timeline->edge();
    m_retryHistory->setText(edge == CustomerTimelineModel::Edge::Failed ? tr("Retry") : tr("Fetch older"));
    m_retryHistory->setVisible(edge == CustomerTimelineModel::Edge::Failed || edge == CustomerTimelineModel::Edge::Older);
}

void CustomerContextPanel::updateTabTitles()
{
    m_tabs->setTabText(0, countTitle(tr("History"), m_timeline->storedCount()));
    m_tabs->setTabText(1, countTitle(tr("Tickets"), m_tickets->rowCount()));
    // Only the latest activities are read: at the cap there are more.
    m_tabs->setTabText(2, m_social->rowCount() == SocialActivityModel::kLimit
            ? tr("Social (%1+)").arg(QLocale().toString(SocialActivityModel::kLimit))
            : countTitle(tr("Social"), m_social->rowCount()));
    m_tabs->setTabText(3, countTitle(tr("Knowledge"), m_knowledge->rowCount()));
    // Counted only once looked for.
    m_tabs->setTabText(4, m_duplicatesStale ? tr("Duplicates") : countTitle(tr("Duplicates"), m_duplicates->rowCount()));
}

void CustomerContextPanel::updateSocialSummary()
{
    const SocialActivityModel::Summary& s = m_social->summary();
    const QLocale locale;
    if (s.handle.isEmpty()) {
        m_socialHeader->setText(s.activities > 0 ? tr("Mentioned in conversations; no post of their own on record")
                                                 : tr("No social activity on record"));
    } else {
        m_socialHeader->setText(tr("@%1 on %2 · %3 followers · influence %4")
                .arg(s.handle, SocialActivityModel::networkLabel(s.network), locale.toString(s.followers),
                    SocialActivityModel::influenceLabel(s.followers).toLower()));
    }
    static const char* const kKinds[] { "post", "mention", "comment", "direct_message", "like", "share", "tag",
        "follow" };
    QStringList counts;
    for (const char* kind : kKinds)
        if (const int n = s.ownByKind.value(QLatin1String(kind)); n > 0)
            counts << tr("%1 %2").arg(SocialActivityModel::kindLabel(QLatin1String(kind))).arg(n);
    const QString scope = s.activities == SocialActivityModel::kLimit ? tr("In the latest %1: ").arg(s.activities)
                                                                      : QString();
    m_socialCounts->setText(counts.isEmpty() ? QString() : scope + counts.join(QStringLiteral(" · ")));
    m_sparkline->setValues(s.monthlySentiment);
    switch (s.trend) {
    case SocialActivityModel::Trend::Improving:
        m_trendLabel->setText(tr("improving ↗"));
        break;
    case SocialActivityModel::Trend::Steady:
        m_trendLabel->setText(tr("steady →"));
        break;
    case SocialActivityModel::Trend::Worsening:
        m_trendLabel->setText(tr("worsening ↘"));
        break;
    case SocialActivityModel::Trend::Unknown:
        m_trendLabel->setText(tr("too little to tell"));
        break;
    }
    m_sparkline->setAccessibleDescription(m_trendLabel->text());
}

void CustomerContextPanel::updateSummary()
{
    // One line the agent reads before saying hello: the last contact, open
    // work and how loud the customer is online.
    if (m_customerId == 0) {
        m_summary->clear();
        return;
    }
    QStringList parts;
    if (m_timeline->rowCount() > 0 && !m_timeline->isFiltered()) {
        const Interaction& last = m_timeline->interactionAt(0);
        parts << (last.sentiment && *last.sentiment <= -0.25
                ? tr("Last contact %1 (%2, unhappy)")
                : tr("Last contact %1 (%2)"))
                     .arg(CustomerTimelineModel::whenLabel(last.offeredAt), channelLabel(last.channel));
    } else if (m_timeline->storedCount() == 0) {
        parts << tr("First contact");
    }
    if (const int open = m_tickets->rowCount(); open > 0) {
        const int pressing = m_tickets->pressingCount();
        parts << (pressing > 0 ? tr("Open tickets: %1, %2 urgent or overdue").arg(open).arg(pressing)
                               : tr("Open tickets: %1").arg(open));
    }
    const SocialActivityModel::Summary& s = m_social->summary();
    if (!s.handle.isEmpty() && s.followers >= 5'000)
        parts << tr("%1 followers on %2")
                     .arg(QLocale().toString(s.followers), SocialActivityModel::networkLabel(s.network));
    if (s.trend == SocialActivityModel::Trend::Worsening)
        parts << tr("mood worsening online");
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void CustomerContextPanel::updatePlaceholders()
{
    m_timelineView->setPlaceholderText(m_timeline->isFiltered() ? tr("No interaction matches.")
                                                                : tr("No interactions on record yet."));
}
