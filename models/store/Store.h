#pragma once

#include "CustomerMatches.h"
#include "Database.h"
#include "domain/Customer.h"
#include "domain/Identity.h"
#include "domain/Interaction.h"
#include "identity/IdentityNormalizer.h"

#include <QList>
#include <optional>

// The local SQLite store every view reads (DESIGN.md: the single source the UI
// reads). Opening it checks the file before touching it — corrupt, read-only
// or from a newer Unisono all fail with a StoreError that names the file and
// says what to do, and leave the file as it was — then turns on WAL and
// foreign keys and migrates the schema in place.
class Store
{
public:
    explicit Store(const QString& path, IdentityNormalizer normalizer = IdentityNormalizer());

    Database& db() { return m_db; }
    const QString& path() const { return m_db.path(); }
    const IdentityNormalizer& normalizer() const { return m_normalizer; }
    int schemaVersion();

    // Writes. Callers group many in a Transaction; alone each is atomic.
    qint64 addCustomer(const Customer& customer);
    // Normalises the value; throws StoreError when it is not valid for its kind
    // or already belongs to another customer.
    Identity addIdentity(qint64 customerId, IdentityKind kind, const QString& rawValue, const QString& source,
                         const QString& network = QString());
    qint64 addInteraction(const Interaction& interaction);
    qint64 addMessage(qint64 interactionId, qint64 sentAt, const QString& author, const QString& authorName,
                      const QString& body, std::optional<double> sentiment = std::nullopt);
    // Refreshes a customer's search entry after identities or names changed.
    void reindexCustomer(qint64 customerId);

    // Reads.
    // Counts every row: tens of milliseconds on a million customers, so not
    // for the GUI thread (SearchWorker counts them off it).
    qint64 customerCount();
    bool hasCustomers();
    std::optional<Customer> customer(qint64 id);
    QList<Identity> identities(qint64 customerId);
    // All customers by name, a page at a time.
    QList<Customer> customers(int offset, int limit);
    // Type-ahead search over names, companies, phones (any format), emails,
    // handles, CRM and chat ids, ticket and interaction numbers; best matches
    // first (see CustomerSearch), everyone by name when nothing searchable
    // was typed. Bounded work per call, whatever the size of the store: the
    // matches are counted as far as the page needs them, or up to
    // CustomerSearch::kMaxMatches with CountMatches (a few milliseconds more).
    enum class Counting { ToPage, CountMatches };
    CustomerMatches findCustomers(const QString& typed, int offset, int limit, Counting counting = Counting::ToPage);
    QList<Customer> searchCustomers(const QString& typed, int offset, int limit)
    {
        return findCustomers(typed, offset, limit).customers;
    }
    std::optional<qint64> customerByIdentity(IdentityKind kind, const QString& rawValue,
                                             const QString& network = QString());
    qint64 interactionCount(qint64 customerId);
    // Newest first, a page at a time.
    QList<Interaction> interactions(qint64 customerId, int offset, int limit);

private:
    static void checkBeforeOpening(const QString& path);
    void checkSchema();

    Database m_db;
    IdentityNormalizer m_normalizer;
};
