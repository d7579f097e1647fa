#include "OpenTicketsModel.h"

#include "CustomerTimelineModel.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "text/SensitiveDataMasker.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTextDocument>
#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcTickets, "unisono.context.tickets", QtInfoMsg)

QString humanize(const QString& key)
{
    QString text = key;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

OpenTicketsModel::OpenTicketsModel(Store& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{ }

void OpenTicketsModel::setCustomer(qint64 customerId)
{
    beginResetModel();
    m_customerId = customerId;
    m_rows.clear();
    if (customerId != 0) {
        try {
            Statement& st = m_store.db().cached(
                "SELECT t.id, t.subject, t.description, t.status, t.priority, t.created_at, t.updated_at, t.due_at,"
                " coalesce(a.display_name, ''), coalesce(q.name, '')"
                " FROM tickets t LEFT JOIN agents a ON a.id = t.assignee_id LEFT JOIN queues q ON q.id = t.queue_id"
                " WHERE t.customer_id = ? AND t.status IN ('new', 'open', 'pending')"
                " ORDER BY CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,"
                " t.updated_at DESC, t.id DESC LIMIT ?");
            st.bind(1, customerId).bind(2, kLimit);
            while (st.step()) {
                Ticket t;
                t.id = st.int64(0);
                t.subject = SensitiveDataMasker::mask(st.text(1));
                t.description = SensitiveDataMasker::mask(st.text(2));
                t.status = st.text(3);
                t.priority = st.text(4);
                t.createdAt = st.int64(5);
                t.updatedAt = st.int64(6);
                t.dueAt = st.optInt64(7);
                t.assignee = st.text(8);
                t.queue = st.text(9);
                m_rows.append(t);
            }
            st.reset();
        } catch (const StoreError& error) {
            qCWarning(lcTickets) << "Could not read the tickets of customer" << customerId << ":" << error.message();
            m_rows.clear();
        }
    }
    endResetModel();
}

int OpenTicketsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OpenTicketsModel::pressingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [this](const Ticket& t) { return t.priority == QLatin1String("urgent") || isOverdue(t); }));
}

bool OpenTicketsModel::isOverdue(const Ticket& t) const
{
    return t.dueAt && *t.dueAt < QDateTime::currentSecsSinceEpoch();
}

QString OpenTicketsModel::detail(const Ticket& t) const
{
    QStringList parts { humanize(t.status), tr("%1 priority").arg(humanize(t.priority)) };
    if (!t.queue.isEmpty())
        parts << t.queue;
    parts << (t.assignee.isEmpty() ? tr("unassigned") : t.assignee);
    parts << tr("updated %1").arg(CustomerTimelineModel::whenLabel(t.updatedAt));
    if (t.dueAt)
        parts << tr("due %1").arg(CustomerTimelineModel::whenLabel(*t.dueAt));
    return parts.join(QStringLiteral(" · "));
}

QVariant OpenTicketsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ticket& t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("#%1 %2").arg(t.id).arg(t.subject.simplified());
    case Qt::ToolTipRole:
        // Tooltips guess at rich text: ticket text is often pasted from a customer's email.
        return Qt::convertFromPlainText(t.subject + QLatin1Char('\n') + t.description, Qt::WhiteSpaceNormal);
    case ContextRoles::DetailRole:
        return detail(t);
    case ContextRoles::ExcerptRole:
        return t.description.simplified().left(400);
    case ContextRoles::BadgeRole:
        if (isOverdue(t))
            return tr("Overdue");
        if (t.priority == QLatin1String("urgent"))
            return tr("Urgent");
        if (t.priority == QLatin1String("high"))
            return tr("High");
        return QString();
    case ContextRoles::BadgeToneRole:
        if (isOverdue(t) || t.priority == QLatin1String("urgent"))
            return int(ContextRoles::Negative);
        if (t.priority == QLatin1String("high"))
            return int(ContextRoles::Warning);
        return int(ContextRoles::Neutral);
    case ContextRoles::IconNameRole:
        return QString();
    case TicketIdRole:
        return t.id;
    case StatusRole:
        return t.status;
    case PriorityRole:
        return t.priority;
    }
    return {};
}
