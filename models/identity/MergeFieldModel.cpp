#include "MergeFieldModel.h"

#include "MergeFields.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "sync/WireFormat.h"

#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcMergeFields, "unisono.identity", QtInfoMsg)

const QString kSurvivor = QStringLiteral("survivor");
const QString kMerged = QStringLiteral("merged");

// Flags shown as yes/no rather than 0/1.
bool isFlag(const QString& column)
{
    return column == QLatin1String("vip") || column.startsWith(QLatin1String("consent_"));
}
} // namespace

MergeFieldModel::MergeFieldModel(Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

QString MergeFieldModel::fieldLabel(const QString& column)
{
    static const QHash<QString, const char*> kLabels {
        { QStringLiteral("first_name"), QT_TR_NOOP("First name") },
        { QStringLiteral("last_name"), QT_TR_NOOP("Last name") },
        { QStringLiteral("display_name"), QT_TR_NOOP("Name shown") },
        { QStringLiteral("company"), QT_TR_NOOP("Company") },
        { QStringLiteral("language"), QT_TR_NOOP("Language") },
        { QStringLiteral("tier"), QT_TR_NOOP("Tier") },
        { QStringLiteral("vip"), QT_TR_NOOP("VIP") },
        { QStringLiteral("lifetime_value"), QT_TR_NOOP("Lifetime value") },
        { QStringLiteral("city"), QT_TR_NOOP("City") },
        { QStringLiteral("address"), QT_TR_NOOP("Address") },
        { QStringLiteral("country"), QT_TR_NOOP("Country") },
        { QStringLiteral("consent_marketing"), QT_TR_NOOP("Marketing consent") },
        { QStringLiteral("consent_recording"), QT_TR_NOOP("Recording consent") },
        { QStringLiteral("consent_profiling"), QT_TR_NOOP("Profiling consent") },
        { QStringLiteral("crm_fields"), QT_TR_NOOP("CRM fields") },
    };
    const char* label = kLabels.value(column);
    return label ? tr(label) : column;
}

bool MergeFieldModel::setCustomers(qint64 survivorId, qint64 mergedId)
{
    // The same two records in the other order: the agent's picks follow the values.
    QHash<QString, qint64> kept;
    const bool samePair = (survivorId == m_mergedId && mergedId == m_survivorId)
        || (survivorId == m_survivorId && mergedId == m_mergedId);
    if (samePair) {
        for (const Field& field : std::as_const(m_fields))
            kept.insert(field.key, field.keptFrom);
    }
    beginResetModel();
    m_fields.clear();
    m_survivorId = 0;
    m_mergedId = 0;
    m_survivorRow = {};
    m_mergedRow = {};
    m_moves = {};
    bool loaded = false;
    if (survivorId > 0 && mergedId > 0 && survivorId != mergedId) {
        try {
            Database& db = m_store.db();
            const std::optional<QJsonObject> survivor = MergeFields::row(db, survivorId);
            const std::optional<QJsonObject> merged = MergeFields::row(db, mergedId);
            if (survivor && merged) {
                m_survivorId = survivorId;
                m_mergedId = mergedId;
                m_survivorRow = *survivor;
                m_mergedRow = *merged;
                for (const QString& column : MergeFields::columns(db)) {
                    Field field;
                    field.column = column;
                    field.key = WireFormat::jsonKey(column);
                    field.survivor = m_survivorRow.value(column);
                    field.merged = m_mergedRow.value(column);
                    field.proposed = MergeFields::sideKey(MergeFields::proposed(m_survivorRow, m_mergedRow, column));
                    field.keptFrom = kept.value(field.key, field.proposed == kMerged ? mergedId : survivorId);
                    m_fields << field;
                }
                countMoves();
                loaded = true;
            }
        } catch (const StoreError& error) {
            qCWarning(lcMergeFields) << "Could not read customers" << survivorId << mergedId << ":" << error.message();
            m_fields.clear();
            m_survivorId = m_mergedId = 0;
        }
    }
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, SurvivorColumn, MergedColumn);
    return loaded;
}

void MergeFieldModel::swapSurvivor()
{
    if (m_survivorId != 0)
        setCustomers(m_mergedId, m_survivorId);
}

void MergeFieldModel::countMoves()
{
    Database& db = m_store.db();
    auto count = [&](const char* sql) {
        Statement& st = db.cached(sql);
        st.bind(1, m_mergedId);
        const int n = st.step() ? int(st.int64(0)) : 0;
        st.reset();
        return n;
    };
    m_moves.identities = count("SELECT count(*) FROM identities WHERE customer_id = ?");
    m_moves.interactions = count("SELECT count(*) FROM interactions WHERE customer_id = ?");
    m_moves.tickets = count("SELECT count(*) FROM tickets WHERE customer_id = ?");
    m_moves.socialActivity = count("SELECT count(*) FROM social_activity WHERE customer_id = ?");
    m_moves.callbacks = count("SELECT count(*) FROM callbacks WHERE customer_id = ?");
}

QString MergeFieldModel::survivorName() const
{
    return m_survivorRow.value(QStringLiteral("display_name")).toString();
}

QString MergeFieldModel::mergedName() const
{
    return m_mergedRow.value(QStringLiteral("display_name")).toString();
}

QString MergeFieldModel::sideOf(const Field& field) const
{
    return field.keptFrom == m_mergedId ? kMerged : kSurvivor;
}

void MergeFieldModel::choose(int row, const QString& side)
{
    if (row < 0 || row >= m_fields.size() || !MergeFields::sideFromKey(side))
        return;
    Field& field = m_fields[row];
    const qint64 keptFrom = side == kMerged ? m_mergedId : m_survivorId;
    if (field.keptFrom == keptFrom)
        return;
    field.keptFrom = keptFrom;
    Q_EMIT dataChanged(index(row, SurvivorColumn), index(row, MergedColumn));
}

QJsonObject MergeFieldModel::fields() const
{
    QJsonObject fields;
    for (const Field& field : m_fields)
        fields.insert(field.key, sideOf(field));
    return fields;
}

int MergeFieldModel::rowOf(const QString& key) const
{
    for (int row = 0; row < m_fields.size(); ++row) {
        if (m_fields.at(row).key == key)
            return row;
    }
    return -1;
}

QString MergeFieldModel::valueText(const QString& column, const QJsonValue& value) const
{
    if (MergeFields::isEmpty(value))
        return tr("(empty)");
    if (isFlag(column))
        return value.toInteger() != 0 ? tr("Yes") : tr("No");
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'f', column == QLatin1String("lifetime_value") ? 2 : 0);
    return value.toString();
}

int MergeFieldModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

int MergeFieldModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MergeFieldModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_fields.size() || index.column() >= ColumnCount)
        return {};
    const Field& field = m_fields.at(index.row());
    const bool differs = field.survivor != field.merged;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == FieldColumn)
            return fieldLabel(field.column);
        return valueText(field.column, index.column() == SurvivorColumn ? field.survivor : field.merged);
    case Qt::ToolTipRole:
        if (index.column() != FieldColumn && !differs)
            return tr("Both records agree");
        return {};
    case Qt::CheckStateRole:
        // Only a disagreement is a choice; where both agree there is nothing to tick.
        if (index.column() == FieldColumn || !differs)
            return {};
        return sideOf(field) == (index.column() == SurvivorColumn ? kSurvivor : kMerged) ? Qt::Checked : Qt::Unchecked;
    case KeyRole:
        return field.key;
    case SideRole:
        return sideOf(field);
    case ProposedSideRole:
        return field.proposed;
    case DiffersRole:
        return differs;
    default:
        return {};
    }
}

bool MergeFieldModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || index.column() == FieldColumn || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    // A pair of radio buttons: ticking one side picks it, unticking it picks the other.
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    const bool survivorColumn = index.column() == SurvivorColumn;
    choose(index.row(), checked == survivorColumn ? kSurvivor : kMerged);
    return true;
}

Qt::ItemFlags MergeFieldModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_fields.size() || index.column() >= ColumnCount)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Field& field = m_fields.at(index.row());
    if (index.column() != FieldColumn && field.survivor != field.merged)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant MergeFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case SurvivorColumn:
        return tr("%1 (#%2, stays)").arg(survivorName()).arg(m_survivorId);
    case MergedColumn:
        return tr("%1 (#%2, merged in)").arg(mergedName()).arg(m_mergedId);
    default:
        return {};
    }
}
