#include "RejectedCommandsModel.h"

#include "store/Store.h"
#include "store/StoreError.h"

#include <QLoggingCategory>
#include <QSet>

namespace {
Q_LOGGING_CATEGORY(lcRejected, "unisono.rejected", QtInfoMsg)
}

RejectedCommandsModel::RejectedCommandsModel(Store& store, QObject* parent)
    : KeyedTableModel(parent)
    , m_store(store)
{
    refresh();
}

QString RejectedCommandsModel::actionLabel(const QString& command)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("agent.state"), QT_TR_NOOP("Change of state") },
        { QStringLiteral("offer.accept"), QT_TR_NOOP("Accept offer") },
        { QStringLiteral("offer.decline"), QT_TR_NOOP("Decline offer") },
        { QStringLiteral("interaction.hold"), QT_TR_NOOP("Put on hold") },
        { QStringLiteral("interaction.resume"), QT_TR_NOOP("Resume") },
        { QStringLiteral("interaction.transfer"), QT_TR_NOOP("Transfer") },
        { QStringLiteral("interaction.end"), QT_TR_NOOP("End") },
        { QStringLiteral("interaction.reply"), QT_TR_NOOP("Reply") },
        { QStringLiteral("interaction.note"), QT_TR_NOOP("Note") },
        { QStringLiteral("interaction.disposition"), QT_TR_NOOP("Disposition") },
        { QStringLiteral("interaction.wrapup"), QT_TR_NOOP("Finish wrap-up") },
        { QStringLiteral("ticket.create"), QT_TR_NOOP("New ticket") },
        { QStringLiteral("ticket.update"), QT_TR_NOOP("Ticket change") },
        { QStringLiteral("callback.create"), QT_TR_NOOP("Callback") },
        { QStringLiteral("customer.merge"), QT_TR_NOOP("Merge customers") },
        { QStringLiteral("customer.unmerge"), QT_TR_NOOP("Undo merge") },
        { QStringLiteral("customer.identity"), QT_TR_NOOP("Link identity") },
    };
    const auto label = labels.constFind(command);
    return label == labels.cend() ? command : tr(*label);
}

void RejectedCommandsModel::refresh()
{
    QList<Row> fresh;
    try {
        Statement& st
            = m_store.db().cached("SELECT id, command, entity_kind, entity_id, coalesce(last_error, ''), "
                                  "attempts FROM outbox WHERE state = 'rejected' ORDER BY id");
        while (st.step())
            fresh.append({ st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) });
        st.reset();
    } catch (const StoreError& error) {
        qCWarning(lcRejected) << "could not read the refused commands:" << error.message();
        return;
    }
    QSet<qint64> changed;
    for (const Row& row : std::as_const(fresh))
        changed.insert(row.id);
    reconcile(m_rows, fresh, changed, [](const Row& row) { return row.id; });
}

int RejectedCommandsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RejectedCommandsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectedCommandsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == Action) {
            // A temporary (negative) id means the row was never created on the backend.
            const QString what = row.entityId.startsWith(QLatin1Char('-'))
                ? tr("new %1").arg(row.entityKind)
                : QStringLiteral("%1 %2").arg(row.entityKind, row.entityId);
            return QStringLiteral("%1 (%2)").arg(actionLabel(row.command), what);
        }
        return row.reason;
    case OutboxIdRole:
        return row.id;
    case CommandRole:
        return row.command;
    }
    return {};
}

QVariant RejectedCommandsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Action ? tr("Change") : tr("Why the server refused it");
}
