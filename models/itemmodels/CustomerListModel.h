#pragma once

#include "domain/Customer.h"

#include "KeyedTableModel.h"

#include <QList>

class Store;

// The customers an agent can pick from, filtered by what they type. The store
// may hold a million customers, so rows arrive a page at a time as the view
// scrolls (canFetchMore/fetchMore); only the current filter's pages are held.
class CustomerListModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Company, Tier, City, Language, ColumnCount };
    enum Role {
        CustomerIdRole = Qt::UserRole + 1, // qint64
        VipRole, // bool
        IconNameRole, // QString, a resource-independent icon name ("vip") or empty
    };
    static constexpr int kPageSize = 200;

    explicit CustomerListModel(Store& store, QObject* parent = nullptr);

    // Shows the customers matching what the agent typed (names, companies,
    // phones in any format, emails, handles, ids); empty shows everyone by name.
    void setFilter(const QString& typed);
    const QString& filter() const { return m_filter; }
    // Reads the current filter's first page again, e.g. after a sync changed customers.
    void reload();
    // The store changed these customers (a sync applied them): the rows
    // showing them are repainted, customers that now match the filter appear
    // in their place and those gone or no longer matching leave — row by row,
    // never a reset, so the agent's current row stays where it is.
    void refreshCustomers(const QList<qint64>& customerIds);

    const Customer& customerAt(int row) const { return m_rows.at(row); }
    qint64 customerIdAt(int row) const { return m_rows.at(row).id; }
    // Row of a customer among the rows fetched so far, or -1.
    int rowOfCustomer(qint64 customerId) const;

    // How the list words a tier ("gold" -> "Gold") and a language code
    // ("it" -> "Italian"); views use them to size columns.
    static QString tierLabel(const QString& tier);
    static QString languageLabel(const QString& code);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    QList<Customer> page(int offset) const;

    Store& m_store;
    QString m_filter;
    QList<Customer> m_rows;
    // A short page means the store has nothing after it.
    bool m_hasMore = false;
};
