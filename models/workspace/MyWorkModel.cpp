#include "MyWorkModel.h"

#include "domain/Channel.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>

namespace {

Q_LOGGING_CATEGORY(lcMyWork, "unisono.mywork", QtInfoMsg)

// Callbacks further ahead than this are not today's work.
constexpr qint64 kCallbackHorizonSeconds = 2 * 3600;
constexpr int kTicketLimit = 200;
constexpr int kCallbackLimit = 100;

QString channelWord(const QString& key)
{
    const std::optional<Channel> channel = channelFromKey(key);
    return channel ? channelLabel(*channel) : key;
}

} // namespace

MyWorkModel::MyWorkModel(Store& store, Kind kind, QObject* parent)
    : KeyedTableModel(parent)
    , m_store(store)
    , m_kind(kind)
{
    m_clock.start();
    // Offers count down on screen: their rows repaint every second while there are any.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &MyWorkModel::tick);
}

void MyWorkModel::setAgent(qint64 agentId)
{
    if (agentId == m_agentId)
        return;
    m_agentId = agentId;
    beginResetModel();
    m_rows.clear();
    m_lastSeen.clear();
    endResetModel();
    refresh();
}

int MyWorkModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MyWorkModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

int MyWorkModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QList<MyWorkModel::Item> MyWorkModel::read()
{
    QList<Item> items;
    if (m_agentId <= 0)
        return items;
    Database& db = m_store.db();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    switch (m_kind) {
    case Kind::Offers:
    case Kind::Active: {
        Statement& st = db.cached(
            "SELECT i.id, coalesce(i.customer_id, 0), coalesce(c.display_name, ''), i.channel, "
            "coalesce(i.subject, ''), "
            "coalesce(q.name, ''), i.status, coalesce(i.answered_at, i.offered_at) FROM interactions i "
            "LEFT JOIN customers c ON c.id = i.customer_id LEFT JOIN queues q ON q.id = i.queue_id "
            "WHERE i.agent_id = ?1 AND i.status IN ('offered','active','held','wrap_up') "
            "AND (i.status = 'offered') = ?2 ORDER BY i.offered_at, i.id");
        st.bind(1, m_agentId).bind(2, m_kind == Kind::Offers ? 1 : 0);
        while (st.step()) {
            Item item;
            item.id = st.int64(0);
            item.interactionId = item.id;
            item.customerId = st.int64(1);
            item.customerName = st.text(2);
            item.channel = st.text(3);
            item.title = st.text(4);
            item.detail = st.text(5);
            item.status = st.text(6);
            item.when = st.int64(7);
            items.append(item);
        }
        st.reset();
        if (m_kind == Kind::Active) {
            Statement& unread
                = db.cached("SELECT count(*), coalesce(max(id), 0) FROM messages WHERE interaction_id = ? "
                            "AND author = 'customer' AND kind = 'message' AND id > ?");
            for (Item& item : items) {
                // What was there when the interaction first showed counts as seen: the
                // badge is for what arrives while the agent looks elsewhere.
                const bool known = m_lastSeen.contains(item.id);
                unread.bind(1, item.id).bind(2, m_lastSeen.value(item.id, 0));
                if (unread.step()) {
                    if (known)
                        item.unread = unread.integer(0);
                    else
                        m_lastSeen.insert(item.id, unread.int64(1));
                }
                unread.reset();
            }
        }
        break;
    }
    case Kind::Tickets: {
        Statement& st
            = db.cached("SELECT t.id, coalesce(t.customer_id, 0), coalesce(c.display_name, ''), "
                        "coalesce(i.channel, ''), t.subject, "
                        "t.priority, t.status, t.updated_at, coalesce(t.interaction_id, 0) FROM tickets t "
                        "LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN interactions i ON i.id = "
                        "t.interaction_id "
                        "WHERE t.assignee_id = ? AND t.status IN ('new','open','pending') "
                        "ORDER BY CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN "
                        "2 ELSE 3 END, "
                        "t.updated_at DESC, t.id LIMIT ?");
        st.bind(1, m_agentId).bind(2, kTicketLimit);
        while (st.step()) {
            Item item;
            item.id = st.int64(0);
            item.customerId = st.int64(1);
            item.customerName = st.text(2);
            item.channel = st.text(3);
            item.title = st.text(4);
            item.detail = st.text(5);
            item.status = st.text(6);
            item.when = st.int64(7);
            item.interactionId = st.int64(8);
            items.append(item);
        }
        st.reset();
        break;
    }
    case Kind::Callbacks: {
        Statement& st = db.cached(
            "SELECT cb.id, coalesce(cb.customer_id, 0), coalesce(c.display_name, ''), cb.phone, cb.note, "
            "cb.status, "
            "cb.due_at, coalesce(cb.interaction_id, 0) FROM callbacks cb LEFT JOIN customers c ON c.id = "
            "cb.customer_id "
            "WHERE cb.status = 'scheduled' AND (cb.agent_id = ? OR cb.agent_id IS NULL) AND cb.due_at <= ? "
            "ORDER BY cb.due_at, cb.id LIMIT ?");
        st.bind(1, m_agentId).bind(2, now + kCallbackHorizonSeconds).bind(3, kCallbackLimit);
        while (st.step()) {
            Item item;
            item.id = st.int64(0);
            item.customerId = st.int64(1);
            item.customerName = st.text(2);
            item.channel = QStringLiteral("callback");
            item.title = st.text(3);
            item.detail = st.text(4);
            item.status = st.text(5);
            item.when = st.int64(6);
            item.interactionId = st.int64(7);
            items.append(item);
        }
        st.reset();
        break;
    }
    }
    return items;
}

void MyWorkModel::refresh()
{
    QList<Item> fresh;
    try {
        fresh = read();
    } catch (const StoreError& error) {
        // The store is busy or gone for a moment: what is on screen stays.
        qCWarning(lcMyWork) << "could not read my work:" << error.message();
        return;
    }
    QHash<qint64, Item> before;
    for (const Item& item : std::as_const(m_rows))
        before.insert(item.id, item);
    QSet<qint64> changed;
    QList<qint64> arrivals;
    QSet<qint64> present;
    for (const Item& item : std::as_const(fresh)) {
        present.insert(item.id);
        const auto old = before.constFind(item.id);
        if (old == before.cend())
            arrivals.append(item.id);
        else if (!(*old == item))
            changed.insert(item.id);
    }
    reconcile(m_rows, fresh, changed, [](const Item& item) { return item.id; });
    // A clock may come before its offer reaches the store (the event can
    // overtake a page of the feed): it goes when it has run out, not before.
    const qint64 nowMs = m_clock.elapsed();
    m_offerDeadlines.removeIf(
        [&](const auto& entry) { return entry.value() < nowMs && !present.contains(entry.key()); });
    if (m_kind == Kind::Offers) {
        if (m_rows.isEmpty())
            m_countdown.stop();
        else if (!m_countdown.isActive())
            m_countdown.start();
    } else if (m_kind == Kind::Active) {
        // Read marks of what left the list are of no more use.
        m_lastSeen.removeIf([&](const auto& entry) { return !present.contains(entry.key()); });
    }
    if (!arrivals.isEmpty())
        Q_EMIT arrived(arrivals);
}

void MyWorkModel::applyLiveEvent(const QString& type, const QJsonObject& data)
{
    if (m_kind != Kind::Offers || data.value(QStringLiteral("agentId")).toInteger() != m_agentId)
        return;
    const qint64 interactionId = data.value(QStringLiteral("interactionId")).toInteger();
    if (type == QLatin1String("offer")) {
        const qint64 timeoutMs = data.value(QStringLiteral("timeoutMs")).toInteger();
        if (timeoutMs > 0)
            m_offerDeadlines.insert(interactionId, m_clock.elapsed() + timeoutMs);
    } else if (type == QLatin1String("offer_withdrawn")) {
        m_offerDeadlines.remove(interactionId);
    } else {
        return;
    }
    // The event may come before or after the change that puts the offer in the store.
    refresh();
    const int row = rowOfId(interactionId);
    if (row >= 0)
        emitRowsChanged({ row });
}

void MyWorkModel::markRead(qint64 interactionId)
{
    const int row = rowOfId(interactionId);
    if (m_kind != Kind::Active || row < 0)
        return;
    Statement& st = m_store.db().cached("SELECT coalesce(max(id), 0) FROM messages WHERE interaction_id = ? "
                                        "AND author = 'customer' AND kind = 'message'");
    st.bind(1, interactionId);
    if (st.step())
        m_lastSeen.insert(interactionId, st.int64(0));
    st.reset();
    if (m_rows.at(row).unread != 0) {
        m_rows[row].unread = 0;
        emitRowsChanged({ row });
    }
}

int MyWorkModel::secondsLeft(qint64 interactionId) const
{
    const auto deadline = m_offerDeadlines.constFind(interactionId);
    if (deadline == m_offerDeadlines.cend())
        return -1;
    return int(std::max<qint64>(0, (*deadline - m_clock.elapsed() + 999) / 1000));
}

void MyWorkModel::tick()
{
    if (m_rows.isEmpty())
        return;
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row)
        rows.append(row);
    emitRowsChanged(rows);
}

QString MyWorkModel::priorityLabel(const QString& priority) const
{
    if (priority == QLatin1String("urgent"))
        return tr("urgent");
    if (priority == QLatin1String("high"))
        return tr("high");
    if (priority == QLatin1String("normal"))
        return tr("normal");
    if (priority == QLatin1String("low"))
        return tr("low");
    return priority;
}

QString MyWorkModel::statusLabel(const Item& item) const
{
    if (item.status == QLatin1String("active"))
        return tr("In progress");
    if (item.status == QLatin1String("held"))
        return tr("On hold");
    if (item.status == QLatin1String("wrap_up"))
        return tr("Wrap-up");
    if (item.status == QLatin1String("new"))
        return tr("New");
    if (item.status == QLatin1String("open"))
        return tr("Open");
    if (item.status == QLatin1String("pending"))
        return tr("Pending");
    return item.status;
}

QVariant MyWorkModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Item& item = m_rows.at(index.row());
    const QLocale locale;
    const QString who = item.customerName.isEmpty() ? tr("Unknown customer") : item.customerName;
    switch (role) {
    case TitleRole:
        return m_kind == Kind::Tickets ? QStringLiteral("%1 · %2").arg(who, item.title) : who;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString title = data(index, TitleRole).toString();
        return item.unread > 0 ? tr("%1 (%n unread)", nullptr, item.unread).arg(title) : title;
    }
    case DetailRole: {
        switch (m_kind) {
        case Kind::Offers: {
            const int left = secondsLeft(item.id);
            QStringList parts { channelWord(item.channel) };
            if (!item.detail.isEmpty())
                parts << item.detail;
            if (left >= 0)
                parts << tr("%n s left", nullptr, left);
            return parts.join(QStringLiteral(" · "));
        }
        case Kind::Active:
            return QStringList { channelWord(item.channel), statusLabel(item), item.title }.join(
                QStringLiteral(" · "));
        case Kind::Tickets:
            return tr("#%1 · %2 · %3").arg(item.id).arg(priorityLabel(item.detail), statusLabel(item));
        case Kind::Callbacks: {
            const QDateTime due = QDateTime::fromSecsSinceEpoch(item.when);
            QString when = due.toString(QStringLiteral("HH:mm"));
            if (due.date() != QDate::currentDate())
                when = locale.toString(due.date(), QLocale::ShortFormat) + QLatin1Char(' ') + when;
            return (item.when < QDateTime::currentSecsSinceEpoch() ? tr("Overdue since %1 · %2")
                                                                   : tr("Due %1 · %2"))
                .arg(when, item.title);
        }
        }
        break;
    }
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(
            data(index, Qt::DisplayRole).toString(), data(index, DetailRole).toString());
    case IdRole:
        return item.id;
    case CustomerIdRole:
        return item.customerId;
    case InteractionIdRole:
        return item.interactionId;
    case ChannelKeyRole:
        return item.channel;
    case StatusRole:
        return item.status;
    case UnreadRole:
        return item.unread;
    case SecondsLeftRole:
        return m_kind == Kind::Offers ? secondsLeft(item.id) : -1;
    case WhenRole:
        return item.when;
    case IconNameRole:
        return item.channel.isEmpty() ? QString() : QStringLiteral("channel-") + item.channel;
    }
    return {};
}
