#include "CustomerListModel.h"

#include "store/CustomerSearchWorker.h"
#include "store/Store.h"
#include "store/StoreError.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QTextDocument>
#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcCustomerList, "unisono.itemmodels.customers", QtInfoMsg)

} // namespace

CustomerListModel::CustomerListModel(Store& store, QObject* parent)
    : KeyedTableModel(parent)
    , m_store(store)
    , m_worker(new CustomerSearchWorker(store.path(), this))
{
    connect(m_worker, &CustomerSearchWorker::found, this, &CustomerListModel::onFound);
    connect(m_worker, &CustomerSearchWorker::failed, this, &CustomerListModel::onFailed);
    connect(m_worker, &CustomerSearchWorker::matchesCounted, this, &CustomerListModel::onMatchesCounted);
    connect(m_worker, &CustomerSearchWorker::customersCounted, this, [this](qint64 count) {
        m_customerTotal = count;
        Q_EMIT customerTotalChanged();
    });
    // The first page of everyone by name is there before any view asks, so a
    // fresh window can select the first customer straight away: one indexed
    // read of a page, a millisecond on a million customers. Counting them
    // is what takes long, and that happens on the worker.
    try {
        m_rows = m_store.findCustomers(QString(), 0, kPageSize).customers;
    } catch (const StoreError& error) {
        qCWarning(lcCustomerList) << "Could not read customers:" << error.message();
    }
    m_hasMore = m_rows.size() == kPageSize;
    m_worker->countCustomers();
}

CustomerListModel::~CustomerListModel() = default;

QString CustomerListModel::tierLabel(const QString& tier)
{
    if (tier == QLatin1String("standard"))
        return tr("Standard");
    if (tier == QLatin1String("silver"))
        return tr("Silver");
    if (tier == QLatin1String("gold"))
        return tr("Gold");
    if (tier == QLatin1String("platinum"))
        return tr("Platinum");
    return tier;
}

// Language codes as stored ("it", "en") shown as the agent reads them; the
// code stays visible because routing and scripts are keyed on it.
QString CustomerListModel::languageLabel(const QString& code)
{
    if (code.isEmpty())
        return {};
    // Qt names languages in English only: the languages this centre serves
    // are named in the desk's own language.
    if (code == QLatin1String("it"))
        return tr("Italian");
    if (code == QLatin1String("en"))
        return tr("English");
    const QLocale locale(code);
    if (locale.language() == QLocale::C)
        return code;
    return QLocale::languageToString(locale.language());
}

void CustomerListModel::setFilter(const QString& typed)
{
    m_filter = typed;
    m_pending = Pending::Filter;
    m_request = m_worker->search(typed, 0, kPageSize);
}

void CustomerListModel::reload()
{
    setFilter(m_filter);
}

void CustomerListModel::onFound(quint64 request, const CustomerMatches& matches)
{
    // An answer to anything but the newest request describes rows nobody asked for any more.
    if (request != m_request)
        return;
    const Pending pending = m_pending;
    m_pending = Pending::None;
    if (pending == Pending::More) {
        // A page counts only as far as it reads: keep a count that went further.
        if (!matches.capped || matches.total > m_matchCount) {
            m_matchCount = matches.total;
            m_matchesCapped = matches.capped;
        }
        appendPage(matches.customers);
        return;
    }
    beginResetModel();
    m_matchCount = matches.total;
    m_matchesCapped = matches.capped;
    m_shownFilter = m_filter;
    m_rows = matches.customers;
    m_hasMore = m_rows.size() == kPageSize;
    endResetModel();
    Q_EMIT filterApplied();
}

void CustomerListModel::onFailed(quint64 request, const QString& message)
{
    if (request != m_request)
        return;
    // A failed read shows fewer rows and says why in the log.
    qCWarning(lcCustomerList) << "Could not read customers:" << message;
    const Pending pending = m_pending;
    m_pending = Pending::None;
    m_hasMore = false;
    if (pending == Pending::More)
        return;
    beginResetModel();
    m_shownFilter = m_filter;
    m_rows.clear();
    m_matchCount = 0;
    m_matchesCapped = false;
    endResetModel();
    Q_EMIT filterApplied();
}

void CustomerListModel::onMatchesCounted(quint64 request, int total, bool capped)
{
    if (request != m_request)
        return;
    m_matchCount = total;
    m_matchesCapped = capped;
    Q_EMIT matchCountChanged();
}

void CustomerListModel::appendPage(const QList<Customer>& page)
{
    m_hasMore = page.size() == kPageSize;
    // A sync between two pages can shift a row into the next one; one id must be one row.
    QSet<qint64> loaded;
    for (const Customer& c : std::as_const(m_rows))
        loaded.insert(c.id);
    QList<Customer> more;
    for (const Customer& c : page)
        if (!loaded.contains(c.id))
            more.append(c);
    if (more.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(more.size()) - 1);
    m_rows.append(more);
    endInsertRows();
}

void CustomerListModel::refreshCustomers(const QList<qint64>& customerIds)
{
    if (customerIds.isEmpty())
        return;
    m_worker->countCustomers();
    const QSet<qint64> changed(customerIds.cbegin(), customerIds.cend());
    try {
        // The common case, a sync touching customers on screen in the list of
        // everyone, needs no query of the list: if none changed its name (the
        // sort key) their rows repaint where they are.
        if (m_shownFilter.trimmed().isEmpty()) {
            QHash<qint64, int> rowOf;
            for (int row = 0; row < m_rows.size(); ++row)
                rowOf.insert(m_rows.at(row).id, row);
            QList<QPair<int, Customer>> updates;
            for (const qint64 id : changed) {
                const int row = rowOf.value(id, -1);
                const std::optional<Customer> customer = row < 0 ? std::nullopt : m_store.customer(id);
                if (!customer || customer->displayName != m_rows.at(row).displayName) {
                    updates.clear();
                    break;
                }
                updates.append({ row, *customer });
            }
            if (updates.size() == changed.size()) {
                QList<int> rows;
                for (const auto& [row, customer] : std::as_const(updates)) {
                    m_rows[row] = customer;
                    rows.append(row);
                }
                emitRowsChanged(rows);
                return;
            }
        }
        // New, renamed, erased or filtered customers: read the rows loaded so
        // far again (a bounded read, see CustomerSearch) and move only what moved.
        const int window = std::max<int>(kPageSize, int(m_rows.size()));
        CustomerMatches fresh = m_store.findCustomers(m_shownFilter, 0, window, Store::Counting::CountMatches);
        // A page on its way was counted from the rows as they were.
        if (m_pending == Pending::More) {
            m_pending = Pending::None;
            m_request = 0;
        }
        m_hasMore = fresh.customers.size() == window;
        m_matchCount = fresh.total;
        m_matchesCapped = fresh.capped;
        reconcile(m_rows, std::move(fresh.customers), changed, [](const Customer& c) { return c.id; });
    } catch (const StoreError& error) {
        // The rows on screen stay as they were; the next change reads again.
        qCWarning(lcCustomerList) << "Could not refresh customers:" << error.message();
    }
}

int CustomerListModel::rowOfCustomer(qint64 customerId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == customerId)
            return row;
    return -1;
}

int CustomerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer& c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.displayName;
        case Company:
            return c.company;
        case Tier:
            return tierLabel(c.tier);
        case City:
            return c.city;
        case Language:
            return languageLabel(c.language);
        }
        break;
    case Qt::ToolTipRole:
        // Tooltips guess at rich text: names go in as escaped HTML, never as markup.
        if (index.column() == Name && c.vip)
            return Qt::convertFromPlainText(tr("%1 — VIP customer").arg(c.displayName));
        if (index.column() == Language)
            return c.language;
        break;
    case Qt::FontRole:
        // VIPs stand out in a long list without adding colour noise.
        if (c.vip && index.column() == Name) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case CustomerIdRole:
        return c.id;
    case VipRole:
        return c.vip;
    case IconNameRole:
        if (index.column() == Name && c.vip)
            return QStringLiteral("vip");
        return QString();
    }
    return {};
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Company:
        return tr("Company");
    case Tier:
        return tr("Tier");
    case City:
        return tr("City");
    case Language:
        return tr("Language");
    }
    return {};
}

bool CustomerListModel::canFetchMore(const QModelIndex& parent) const
{
    // One page at a time: the view asks again when this one's rows arrive.
    return !parent.isValid() && m_hasMore && m_pending == Pending::None;
}

void CustomerListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_pending = Pending::More;
    m_request = m_worker->search(m_shownFilter, int(m_rows.size()), kPageSize);
}
