#pragma once

#include "EntityCatalog.h"
#include "HubStorage.h"
#include "store/Store.h"

#include <functional>
#include <memory>

// HubStorage on one SQLite file that is a complete Unisono store (same
// domain schema and migrations as the desktop) plus the hub-only tables of
// HubSchema. The hub is single-threaded, so one connection serves it all.
class SqliteHubStorage : public HubStorage
{
public:
    // Opens (creating if needed) and migrates; throws StoreError with a
    // message for the operator when the file cannot be used.
    SqliteHubStorage(const QString& path, qint64 retainChanges);
    ~SqliteHubStorage() override;

    Store& store() { return m_store; }
    bool hasCustomers() { return m_store.customerCount() > 0; }
    // First-start duties: default users (with their agents rows), then one
    // baseline upsert per existing row so the feed describes data that was
    // there before the hub wrote its first change (demo data, imports).
    void bootstrap();

    std::optional<UserRecord> user(const QString& login) override;
    void addToken(const QByteArray& tokenHash, const Session& session) override;
    std::optional<Session> session(const QByteArray& tokenHash) override;
    int purgeExpired(qint64 now) override;

    QJsonArray searchCustomers(const QString& typed, int offset, int limit) override;
    std::optional<QJsonObject> customer(qint64 id) override;
    std::optional<QJsonObject> customerInteractions(qint64 customerId, int offset, int limit) override;
    QJsonArray queues() override;
    QJsonArray agents() override;

    qint64 changeFloor() override;
    qint64 latestSeq() override;
    ChangePage changes(qint64 since, int limit) override;
    ChangePageEnd visitChanges(
        qint64 since, int limit, const std::function<void(const ChangeView&)>& visit) override;

    CommandResult setAgentState(
        const CommandContext& context, qint64 agentId, const QString& state, const QString& reason) override;
    CommandResult addNote(const CommandContext& context, qint64 interactionId, const QString& text) override;
    CommandResult setDisposition(const CommandContext& context, qint64 interactionId,
        const QString& disposition, const QString& contactReason) override;

    // For the routing, statistics and customer operations, which speak SQL
    // to the same connection and write through the change feed below.
    Database& db() { return m_store.db(); }
    const EntityCatalog& catalog() const { return *m_catalog; }
    // One command in one transaction with its idempotency record; the write
    // throws ApiError to refuse (nothing is kept).
    CommandResult runCommand(const CommandContext& context, const std::function<CommandOutcome()>& write);
    // A write the hub makes by itself (an offer, a timeout, the simulator):
    // one transaction, no idempotency key.
    QList<ChangeRecord> runInternal(const std::function<QList<ChangeRecord>()>& write);
    // Feed rows; call inside a transaction after changing the row.
    ChangeRecord recordUpsert(const QString& entity, qint64 id, qint64 now);
    // A tombstone. With purgeHistory (erasure) every earlier change of the
    // entity is removed at once, so the feed keeps no copy of erased data;
    // that is safe inside the window too, since the tombstone supersedes them.
    ChangeRecord recordDelete(const QString& entity, qint64 id, qint64 now, bool purgeHistory);

private:
    using Write = std::function<ChangeRecord()>;
    CommandResult runCommand(const CommandContext& context, int successStatus, const Write& write);
    void pruneAfter(const ChangeRecord& change);
    void sweepWindow(qint64 cutoff);
    void raiseFloor(qint64 seq);
    qint64 stateValue(const char* key);
    void setStateValue(const char* key, qint64 value);
    QList<QJsonObject> rowsByIds(const QString& entity, const QList<qint64>& ids);
    QJsonArray rowsWhere(const QString& entity, const char* whereAndOrder, std::optional<qint64> bindValue);
    void ensureDefaultUsers();
    void ensureBaseline();

    Store m_store;
    std::unique_ptr<EntityCatalog> m_catalog;
    qint64 m_retainChanges;
};
