#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

class Store;

// The customers the duplicate finder thinks may be the one on screen, best
// first: name, how likely (score) and why (the finder's reasons), for the
// agent to decide on a merge. Reading is a few indexed searches
// (DuplicateFinder::findForCustomer), done when asked (setCustomer, reload),
// never per paint.
class DuplicateCandidateModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CustomerColumn, ScoreColumn, ReasonsColumn, ColumnCount };
    enum Role {
        CustomerIdRole = Qt::UserRole + 1, // qint64, the candidate
        ScoreRole, // double in [0, 1]
        ReasonsRole, // QStringList
    };

    explicit DuplicateCandidateModel(Store& store, QObject* parent = nullptr);

    // 0 shows none.
    void setCustomer(qint64 customerId);
    void reload() { setCustomer(m_customerId); }
    qint64 customerId() const { return m_customerId; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Candidate
    {
        qint64 id = 0;
        QString name;
        double score = 0;
        QStringList reasons;
    };

    Store& m_store;
    qint64 m_customerId = 0;
    QList<Candidate> m_rows;
};
