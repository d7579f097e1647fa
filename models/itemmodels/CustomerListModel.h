#pragma once

#include "domain/Customer.h"
#include "store/CustomerMatches.h"

#include "KeyedTableModel.h"

#include <QList>

class CustomerSearchWorker;
class Store;

// The customers an agent can pick from, filtered by what they type. The store
// may hold a million customers, so rows arrive a page at a time as the view
// scrolls (canFetchMore/fetchMore); only the current filter's pages are held.
// Searches and further pages are read on a CustomerSearchWorker's thread, so
// typing never waits on the store: the rows stay as they are until the
// answer to the newest request arrives, and answers to older ones are dropped.
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
    // A screenful and some: the first page is what a keystroke waits for,
    // and each row is a read of the store.
    static constexpr int kPageSize = 100;

    explicit CustomerListModel(Store& store, QObject* parent = nullptr);
    ~CustomerListModel() override;

    // Asks for the customers matching what the agent typed (names, companies,
    // phones in any format, emails, handles, ids, ticket and interaction
    // numbers); empty shows everyone by name. The rows change, in one reset,
    // when the answer arrives: filterApplied.
    void setFilter(const QString& typed);
    // The filter last asked for (the rows may still show the one before).
    const QString& filter() const { return m_filter; }
    // The filter the rows show (filter() once its answer has arrived).
    const QString& shownFilter() const { return m_shownFilter; }
    // A search or a page is being read.
    bool isSearching() const { return m_pending != Pending::None; }
    // Reads the current filter's first page again, e.g. after a sync changed customers.
    void reload();
    // The store changed these customers (a sync applied them): the rows
    // showing them are repainted, customers that now match the filter appear
    // in their place and those gone or no longer matching leave — row by row,
    // never a reset, so the agent's current row stays where it is. The rows
    // loaded so far are read again at once (a bounded read); the count of
    // customers follows from the worker.
    void refreshCustomers(const QList<qint64>& customerIds);

    // How many customers match the filter shown: first as far as the page
    // needed ("200+"), then counted on the worker up to
    // CustomerSearch::kMaxMatches (matchCountChanged); matchesCapped when
    // more matched than matchCount.
    int matchCount() const { return m_matchCount; }
    bool matchesCapped() const { return m_matchesCapped; }
    // Every customer in the store, counted off the GUI thread; -1 until the
    // first count arrives (customerTotalChanged).
    qint64 customerTotal() const { return m_customerTotal; }

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

Q_SIGNALS:
    // The rows now show the first page of filter().
    void filterApplied();
    void matchCountChanged();
    void customerTotalChanged();

private:
    enum class Pending { None, Filter, More };

    void onFound(quint64 request, const CustomerMatches& matches);
    void onFailed(quint64 request, const QString& message);
    void onMatchesCounted(quint64 request, int total, bool capped);
    void appendPage(const QList<Customer>& page);

    Store& m_store;
    CustomerSearchWorker* m_worker = nullptr;
    QString m_filter;
    // The filter the rows show.
    QString m_shownFilter;
    QList<Customer> m_rows;
    int m_matchCount = 0;
    bool m_matchesCapped = false;
    // A short page means the store has nothing after it.
    bool m_hasMore = false;
    Pending m_pending = Pending::None;
    quint64 m_request = 0;
    qint64 m_customerTotal = -1;
};
