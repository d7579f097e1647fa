#include "InteractionListModel.h"

#include "store/Store.h"
#include "store/StoreError.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QTextDocument>
#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcInteractionList, "unisono.itemmodels.interactions", QtInfoMsg)

// Dispositions and statuses are stored as keys ("callback_scheduled"); agents
// read "Callback scheduled".
QString humanize(const QString& key)
{
    QString text = key;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

QString InteractionListModel::sentimentLabel(double sentiment)
{
    // The thresholds leave a wide neutral band: mild scores are noise, and a
    // "negative" label should mean the customer was clearly unhappy.
    if (sentiment <= -0.25)
        return tr("Negative");
    if (sentiment >= 0.25)
        return tr("Positive");
    return tr("Neutral");
}

// "Today 10:34" for what the agent most likely asks about, the locale's short
// date otherwise (the column stays narrow); the full time is in the tooltip.
QString InteractionListModel::whenLabel(qint64 offeredAt)
{
    const QLocale locale;
    const QDateTime when = QDateTime::fromSecsSinceEpoch(offeredAt).toLocalTime();
    if (when.date() == QDate::currentDate())
        return tr("Today %1").arg(locale.toString(when.time(), QLocale::ShortFormat));
    return locale.toString(when.date(), QLocale::ShortFormat);
}

QString InteractionListModel::csatStars(qint64 csat)
{
    const int filled = int(std::clamp<qint64>(csat, 0, 5));
    return QString(filled, QChar(0x2605)) + QString(5 - filled, QChar(0x2606));
}

InteractionListModel::InteractionListModel(Store& store, QObject* parent)
    : KeyedTableModel(parent)
    , m_store(store)
{ }

void InteractionListModel::setCustomer(qint64 customerId)
{
    beginResetModel();
    m_customerId = customerId;
    m_rows.clear();
    m_total = 0;
    if (customerId != 0) {
        try {
            m_total = m_store.interactionCount(customerId);
        } catch (const StoreError& error) {
            qCWarning(lcInteractionList) << "Could not count interactions:" << error.message();
        }
        if (m_total > 0)
            m_rows = firstPage();
    }
    endResetModel();
}

void InteractionListModel::refreshInteractions(
    const QList<qint64>& customerIds, const QList<qint64>& interactionIds)
{
    if (m_customerId == 0 || (customerIds.isEmpty() && interactionIds.isEmpty()))
        return;
    const QSet<qint64> changed(interactionIds.cbegin(), interactionIds.cend());
    try {
        bool affected = customerIds.contains(m_customerId);
        for (int row = 0; !affected && row < m_rows.size(); ++row)
            affected = changed.contains(m_rows.at(row).id);
        // A new interaction of this customer is not among the rows yet; the
        // count (an indexed lookup) tells without reading any row.
        qint64 total = m_total;
        if (!affected && !changed.isEmpty()) {
            total = m_store.interactionCount(m_customerId);
            affected = total != m_total;
        }
        if (!affected)
            return;
        if (total == m_total)
            total = m_store.interactionCount(m_customerId);
        const int window = std::max<int>(kPageSize, int(m_rows.size()));
        QList<Interaction> fresh = total > 0 ? m_store.interactions(m_customerId, 0, window) : QList<Interaction>();
        // Rows first, then the total: canFetchMore must never promise rows
        // while the signals of the update are being delivered.
        reconcile(m_rows, std::move(fresh), changed, [](const Interaction& i) { return i.id; });
        m_total = std::max<qint64>(total, m_rows.size());
    } catch (const StoreError& error) {
        qCWarning(lcInteractionList) << "Could not refresh interactions:" << error.message();
    }
}

int InteractionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InteractionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InteractionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Interaction& i = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(i, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When:
            return QLocale().toString(
                QDateTime::fromSecsSinceEpoch(i.offeredAt).toLocalTime(), QLocale::LongFormat);
        // Tooltips guess at rich text: data goes in as escaped HTML so a
        // subject a customer wrote can never become markup.
        case Subject:
            return Qt::convertFromPlainText(i.subject);
        case Disposition:
            return Qt::convertFromPlainText(display(i, Disposition).toString());
        case Sentiment:
            if (i.sentiment)
                return QLocale().toString(*i.sentiment, 'f', 2);
            break;
        case Csat:
            if (i.csat)
                return tr("Satisfaction %1 of 5").arg(*i.csat);
            break;
        }
        break;
    case Qt::ForegroundRole:
        // Only the one signal an agent must not miss gets colour.
        if (index.column() == Sentiment && i.sentiment && *i.sentiment <= -0.25)
            return QColor(0xb0, 0x2a, 0x2a);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Csat)
            return int(Qt::AlignCenter);
        break;
    case InteractionIdRole:
        return i.id;
    case OfferedAtRole:
        return i.offeredAt;
    case ChannelKeyRole:
        return QString::fromLatin1(channelKey(i.channel));
    case IconNameRole:
        if (index.column() == Channel)
            return QStringLiteral("channel-") + QString::fromLatin1(channelKey(i.channel));
        return QString();
    }
    return {};
}

QVariant InteractionListModel::display(const Interaction& i, int column) const
{
    switch (column) {
    case When:
        return whenLabel(i.offeredAt);
    case Channel:
        return channelLabel(i.channel);
    case Direction:
        return i.inbound ? tr("Inbound") : tr("Outbound");
    case Queue:
        return i.queueName;
    case Agent:
        return i.agentName;
    case Subject:
        return i.subject;
    case Disposition:
        // An abandoned contact has no disposition, and is exactly what the agent should see.
        if (i.disposition.isEmpty() && i.status != QLatin1String("ended"))
            return humanize(i.status);
        return humanize(i.disposition);
    case Sentiment:
        return i.sentiment ? sentimentLabel(*i.sentiment) : QString();
    case Csat:
        return i.csat ? csatStars(*i.csat) : QString();
    }
    return {};
}

QVariant InteractionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Channel:
        return tr("Channel");
    case Direction:
        return tr("Direction");
    case Queue:
        return tr("Queue");
    case Agent:
        return tr("Agent");
    case Subject:
        return tr("Subject");
    case Disposition:
        return tr("Outcome");
    case Sentiment:
        return tr("Sentiment");
    case Csat:
        return tr("CSAT");
    }
    return {};
}

bool InteractionListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void InteractionListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // Keyed on the last row, not on an offset: page 500 of a long history
    // costs what page 1 does.
    QList<Interaction> more;
    try {
        more = m_rows.isEmpty() ? firstPage()
                                : m_store.interactionsAfter(m_customerId, m_rows.constLast(), kPageSize);
    } catch (const StoreError& error) {
        qCWarning(lcInteractionList) << "Could not read interactions:" << error.message();
    }
    if (more.isEmpty()) {
        // Fewer rows than counted (deleted meanwhile, or a failed read): stop
        // asking instead of fetching empty pages forever.
        m_total = m_rows.size();
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(more.size()) - 1);
    m_rows.append(more);
    endInsertRows();
}

QList<Interaction> InteractionListModel::firstPage() const
{
    try {
        return m_store.interactions(m_customerId, 0, kPageSize);
    } catch (const StoreError& error) {
        qCWarning(lcInteractionList) << "Could not read interactions:" << error.message();
        return {};
    }
}
