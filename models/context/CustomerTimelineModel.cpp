#include "CustomerTimelineModel.h"

#include "store/Store.h"
#include "store/StoreError.h"
#include "text/SensitiveDataMasker.h"
#include "workspace/ActiveInteraction.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextDocument>
#include <limits>

namespace {

Q_LOGGING_CATEGORY(lcTimeline, "unisono.context.timeline", QtInfoMsg)

// Dispositions and statuses are stored as keys ("callback_scheduled"); agents
// read "Callback scheduled". Known keys get their translated label; a key
// this desk does not know yet (a newer backend's) still reads as words.
QString humanize(const QString& key)
{
    QString text = key;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString readable(const QString& label, const QString& key)
{
    return label.isEmpty() ? humanize(key) : label;
}

QString likePattern(const QString& word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// One line for a list row: messages have paragraphs, the row has no room for them.
QString oneLine(const QString& text, int maxLength = 400)
{
    QString line = text.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

} // namespace

CustomerTimelineModel::CustomerTimelineModel(Store& store, QObject* parent)
    : KeyedTableModel(parent)
    , m_store(store)
{ }

QString CustomerTimelineModel::whenLabel(qint64 utcSeconds)
{
    const QLocale locale;
    const QDateTime when = QDateTime::fromSecsSinceEpoch(utcSeconds).toLocalTime();
    const QDate today = QDate::currentDate();
    // Minutes are enough to tell contacts apart; some locales' short format has seconds.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QLatin1String(":ss"));
    const QString time = locale.toString(when.time(), timeFormat);
    if (when.date() == today)
        return tr("Today %1").arg(time);
    if (when.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    // The year only when it is not this one: the column reads at a glance.
    if (when.date().year() == today.year())
        return tr("%1 %2").arg(locale.toString(when.date(), QStringLiteral("d MMM")), time);
    return locale.toString(when.date(), QStringLiteral("d MMM yyyy"));
}

QString CustomerTimelineModel::durationLabel(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg((seconds + 30) / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void CustomerTimelineModel::setCustomer(qint64 customerId)
{
    m_customerId = customerId;
    m_channel.reset();
    m_search.clear();
    m_words.clear();
    m_lastError.clear();
    reload(true);
}

void CustomerTimelineModel::setChannelFilter(std::optional<Channel> channel)
{
    if (channel == m_channel)
        return;
    m_channel = channel;
    reload(false);
}

void CustomerTimelineModel::setSearchText(const QString& text)
{
    QStringList words;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (words.size() == kMaxSearchWords)
            break;
        words << likePattern(word);
    }
    m_search = text;
    if (words == m_words)
        return;
    m_words = words;
    reload(false);
}

void CustomerTimelineModel::setOlderHistorySource(bool available)
{
    m_hasSource = available;
    if (m_edge == Edge::Older || m_edge == Edge::LocalOnly || m_edge == Edge::Start)
        setEdge(localEdge());
}

void CustomerTimelineModel::reload(bool recount)
{
    beginResetModel();
    m_rows.clear();
    if (recount)
        m_storedCount = 0;
    Edge edge = localEdge();
    if (m_customerId != 0) {
        try {
            if (recount) {
                Statement& count = m_store.db().cached("SELECT count(*) FROM interactions WHERE customer_id = ?");
                count.bind(1, m_customerId);
                m_storedCount = count.step() ? count.int64(0) : 0;
                count.reset();
            }
            m_rows = read(std::nullopt, kPageSize);
            if (m_rows.size() == kPageSize)
                edge = Edge::LocalPages;
        } catch (const StoreError& error) {
            qCWarning(lcTimeline) << "Could not read the timeline of customer" << m_customerId << ":"
                                  << error.message();
        }
    }
    // The edge before the reset ends: views ask canFetchMore as soon as it does.
    m_edge = edge;
    endResetModel();
    Q_EMIT edgeChanged();
}

CustomerTimelineModel::Edge CustomerTimelineModel::localEdge() const
{
    if (m_customerId != 0 && m_complete.contains(m_customerId))
        return Edge::Start;
    return m_hasSource && m_customerId != 0 ? Edge::Older : Edge::LocalOnly;
}

void CustomerTimelineModel::setEdge(Edge edge)
{
    if (edge == m_edge)
        return;
    m_edge = edge;
    Q_EMIT edgeChanged();
}

Statement& CustomerTimelineModel::statement() const
{
    // One statement per number of search words, prepared once per connection.
    // The excerpt is the message the search matched, else the customer's
    // first message: what they came about.
    QByteArray sql = "SELECT i.id, i.channel, i.direction, i.status, coalesce(i.subject, ''), i.offered_at,"
                     " i.handle_seconds, coalesce(i.disposition, ''), coalesce(i.contact_reason, ''),"
                     " i.sentiment, i.csat, coalesce(a.display_name, ''), coalesce(q.name, ''),"
                     " (SELECT m.body FROM messages m WHERE m.interaction_id = i.id ORDER BY ";
    if (!m_words.isEmpty())
        sql += "(m.body LIKE ?6 ESCAPE '\\') DESC, ";
    sql += "m.author <> 'customer', m.sent_at LIMIT 1)"
           " FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id LEFT JOIN queues q ON q.id = i.queue_id"
           " WHERE i.customer_id = ?1 AND (i.offered_at, i.id) < (?2, ?3) AND (?4 IS NULL OR i.channel = ?4)";
    for (int k = 0; k < m_words.size(); ++k) {
        const QByteArray p = "?" + QByteArray::number(6 + k);
        sql += " AND (i.subject LIKE " + p + " ESCAPE '\\' OR i.contact_reason LIKE " + p
            + " ESCAPE '\\' OR i.disposition LIKE " + p
            + " ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE m.interaction_id = i.id AND m.body LIKE " + p
            + " ESCAPE '\\'))";
    }
    sql += " ORDER BY i.offered_at DESC, i.id DESC LIMIT ?5";
    return m_store.db().cached(sql.constData());
}

QList<CustomerTimelineModel::Entry> CustomerTimelineModel::read(
    std::optional<std::pair<qint64, qint64>> after, int limit) const
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    Statement& st = statement();
    st.bind(1, m_customerId)
        .bind(2, after ? after->first : kMax)
        .bind(3, after ? after->second : kMax)
        .bind(4, m_channel ? QString::fromLatin1(channelKey(*m_channel)) : QString())
        .bind(5, limit);
    for (int k = 0; k < m_words.size(); ++k)
        st.bind(6 + k, m_words.at(k));
    QList<Entry> rows;
    rows.reserve(limit);
    try {
        while (st.step()) {
            Entry e;
            Interaction& i = e.interaction;
            i.id = st.int64(0);
            i.customerId = m_customerId;
            i.channel = channelFromKey(st.text(1)).value_or(Channel::Voice);
            i.inbound = st.text(2) == QLatin1String("inbound");
            i.status = st.text(3);
            // Customers write subjects too (email, forms): masked like messages.
            i.subject = SensitiveDataMasker::mask(st.text(4));
            i.offeredAt = st.int64(5);
            i.handleSeconds = st.optInt64(6);
            i.disposition = st.text(7);
            i.contactReason = st.text(8);
            i.sentiment = st.optReal(9);
            i.csat = st.optInt64(10);
            i.agentName = st.text(11);
            i.queueName = st.text(12);
            e.excerpt = SensitiveDataMasker::mask(oneLine(st.text(13)));
            rows.append(std::move(e));
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    return rows;
}

void CustomerTimelineModel::refreshInteractions(const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    if (m_customerId == 0 || (customerIds.isEmpty() && interactionIds.isEmpty()))
        return;
    const QSet<qint64> changed(interactionIds.cbegin(), interactionIds.cend());
    try {
        bool affected = customerIds.contains(m_customerId);
        for (int row = 0; !affected && row < m_rows.size(); ++row)
            affected = changed.contains(m_rows.at(row).interaction.id);
        Statement& count = m_store.db().cached("SELECT count(*) FROM interactions WHERE customer_id = ?");
        count.bind(1, m_customerId);
        const qint64 stored = count.step() ? count.int64(0) : 0;
        count.reset();
        // A new interaction of this customer is not among the rows yet; the count tells.
        affected = affected || stored != m_storedCount;
        if (!affected)
            return;
        // The rows loaded so far, and room for the ones that arrived above them.
        const int window = std::max<int>(kPageSize, int(m_rows.size() + std::max<qint64>(0, stored - m_storedCount)));
        m_storedCount = stored;
        QList<Entry> fresh = read(std::nullopt, window);
        const bool full = fresh.size() == window;
        reconcile(m_rows, std::move(fresh), changed, [](const Entry& e) { return e.interaction.id; });
        if (full)
            setEdge(Edge::LocalPages);
        else if (m_edge == Edge::LocalPages)
            setEdge(localEdge());
    } catch (const StoreError& error) {
        qCWarning(lcTimeline) << "Could not refresh the timeline:" << error.message();
    }
}

void CustomerTimelineModel::olderHistoryFetched(qint64 customerId, int received, int total)
{
    // Remembered even when the agent moved on: the next screen pop of this
    // customer does not ask again.
    if (received <= 0)
        m_complete.insert(customerId);
    if (customerId != m_customerId || m_edge != Edge::Asking)
        return;
    try {
        Statement& count = m_store.db().cached("SELECT count(*) FROM interactions WHERE customer_id = ?");
        count.bind(1, m_customerId);
        m_storedCount = count.step() ? count.int64(0) : 0;
        count.reset();
    } catch (const StoreError& error) {
        qCWarning(lcTimeline) << "Could not count interactions:" << error.message();
    }
    if (m_storedCount >= total)
        m_complete.insert(customerId);
    // What arrived is older than every row loaded: the next page reads it.
    m_edge = Edge::LocalPages;
    fetchMore(QModelIndex());
    if (m_edge == Edge::LocalPages)
        Q_EMIT edgeChanged();
}

void CustomerTimelineModel::olderHistoryFailed(qint64 customerId, const QString& error)
{
    if (customerId != m_customerId || m_edge != Edge::Asking)
        return;
    m_lastError = error;
    setEdge(Edge::Failed);
}

void CustomerTimelineModel::retryOlderHistory()
{
    if (m_edge != Edge::Failed && m_edge != Edge::Older)
        return;
    m_lastError.clear();
    setEdge(Edge::Asking);
    Q_EMIT olderHistoryWanted(m_customerId);
}

int CustomerTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerTimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

QString CustomerTimelineModel::title(const Entry& entry) const
{
    if (!entry.interaction.subject.isEmpty())
        return entry.interaction.subject;
    return entry.interaction.inbound ? tr("%1, inbound").arg(channelLabel(entry.interaction.channel))
                                     : tr("%1, outbound").arg(channelLabel(entry.interaction.channel));
}

QString CustomerTimelineModel::detail(const Interaction& i) const
{
    QStringList parts { whenLabel(i.offeredAt), channelLabel(i.channel),
        i.inbound ? tr("inbound") : tr("outbound") };
    if (!i.agentName.isEmpty())
        parts << i.agentName;
    // An abandoned contact has no disposition, and is exactly what the agent should see.
    if (!i.disposition.isEmpty())
        parts << readable(ActiveInteraction::dispositionLabel(i.disposition), i.disposition);
    else if (i.status != QLatin1String("ended"))
        parts << humanize(i.status);
    if (i.handleSeconds && *i.handleSeconds > 0)
        parts << durationLabel(*i.handleSeconds);
    return parts.join(QStringLiteral(" · "));
}

QVariant CustomerTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_rows.at(index.row());
    const Interaction& i = e.interaction;
    switch (role) {
    case Qt::DisplayRole:
        return title(e);
    case Qt::ToolTipRole: {
        // Tooltips guess at rich text: everything goes in escaped.
        QStringList lines { title(e), QLocale().toString(QDateTime::fromSecsSinceEpoch(i.offeredAt).toLocalTime(),
                                          QLocale::LongFormat) };
        if (!i.contactReason.isEmpty())
            lines << tr("Reason: %1").arg(readable(ActiveInteraction::contactReasonLabel(i.contactReason), i.contactReason));
        if (!i.queueName.isEmpty())
            lines << tr("Queue: %1").arg(i.queueName);
        if (!e.excerpt.isEmpty())
            lines << QString() << e.excerpt;
        return Qt::convertFromPlainText(lines.join(QLatin1Char('\n')), Qt::WhiteSpaceNormal);
    }
    case ContextRoles::DetailRole:
        return detail(i);
    case ContextRoles::ExcerptRole:
        return e.excerpt;
    case ContextRoles::BadgeRole:
        // Only a clear mood earns a badge; neutral would be noise on every row.
        if (i.sentiment && *i.sentiment <= -0.25)
            return tr("Negative");
        if (i.sentiment && *i.sentiment >= 0.25)
            return tr("Positive");
        return QString();
    case ContextRoles::BadgeToneRole:
        if (i.sentiment && *i.sentiment <= -0.25)
            return int(ContextRoles::Negative);
        if (i.sentiment && *i.sentiment >= 0.25)
            return int(ContextRoles::Positive);
        return int(ContextRoles::Neutral);
    case ContextRoles::StarsRole:
        if (!i.csat)
            return QString();
        return QString(int(std::clamp<qint64>(*i.csat, 0, 5)), QChar(0x2605))
            + QString(5 - int(std::clamp<qint64>(*i.csat, 0, 5)), QChar(0x2606));
    case ContextRoles::IconNameRole:
        return QStringLiteral("channel-") + QString::fromLatin1(channelKey(i.channel));
    case InteractionIdRole:
        return i.id;
    case ChannelKeyRole:
        return QString::fromLatin1(channelKey(i.channel));
    case OfferedAtRole:
        return i.offeredAt;
    }
    return {};
}

bool CustomerTimelineModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && (m_edge == Edge::LocalPages || m_edge == Edge::Older);
}

void CustomerTimelineModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_edge == Edge::Older) {
        setEdge(Edge::Asking);
        Q_EMIT olderHistoryWanted(m_customerId);
        return;
    }
    QList<Entry> more;
    try {
        std::optional<std::pair<qint64, qint64>> after;
        if (!m_rows.isEmpty())
            after = std::make_pair(m_rows.last().interaction.offeredAt, m_rows.last().interaction.id);
        more = read(after, kPageSize);
    } catch (const StoreError& error) {
        // A failed read must not be retried on every scroll event.
        qCWarning(lcTimeline) << "Could not read older interactions:" << error.message();
        setEdge(localEdge());
        return;
    }
    const Edge edge = more.size() == kPageSize ? Edge::LocalPages : localEdge();
    if (!more.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(more.size()) - 1);
        m_rows.append(std::move(more));
        endInsertRows();
    }
    setEdge(edge);
}
