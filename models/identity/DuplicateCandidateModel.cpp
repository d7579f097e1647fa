#include "DuplicateCandidateModel.h"

#include "DuplicateFinder.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QLocale>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcCandidates, "unisono.identity", QtInfoMsg)
}

DuplicateCandidateModel::DuplicateCandidateModel(Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

void DuplicateCandidateModel::setCustomer(qint64 customerId)
{
    beginResetModel();
    m_customerId = customerId;
    m_rows.clear();
    if (customerId > 0) {
        try {
            DuplicateFinder finder(m_store.db());
            for (const DuplicatePair& pair : finder.findForCustomer(customerId)) {
                Candidate candidate;
                candidate.id = pair.first == customerId ? pair.second : pair.first;
                const std::optional<Customer> customer = m_store.customer(candidate.id);
                if (!customer)
                    continue;
                candidate.name = customer->displayName;
                candidate.score = pair.score;
                candidate.reasons = pair.reasons;
                m_rows << candidate;
            }
        } catch (const StoreError& error) {
            qCWarning(lcCandidates) << "Could not look for duplicates of" << customerId << ":" << error.message();
            m_rows.clear();
        }
    }
    endResetModel();
}

int DuplicateCandidateModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DuplicateCandidateModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicateCandidateModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const Candidate& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CustomerColumn:
            return tr("%1 (#%2)").arg(row.name).arg(row.id);
        case ScoreColumn:
            return QLocale().toString(qRound(row.score * 100)) + QLocale().percent();
        case ReasonsColumn:
            return row.reasons.join(QStringLiteral("; "));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return row.reasons.join(QLatin1Char('\n'));
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case CustomerIdRole:
        return row.id;
    case ScoreRole:
        return row.score;
    case ReasonsRole:
        return row.reasons;
    default:
        return {};
    }
}

QVariant DuplicateCandidateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CustomerColumn:
        return tr("Customer");
    case ScoreColumn:
        return tr("Likelihood");
    case ReasonsColumn:
        return tr("Why");
    default:
        return {};
    }
}
