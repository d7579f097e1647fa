#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

class ChangeApplier;
class Database;
class HttpTransport;
struct HttpResponse;

// Brings a customer's interactions from before the history window into the
// store, a page at a time, when the agent scrolls past what is local: GET
// /api/v1/customers/{id}/interactions?limit=&offset= (newest first) on the
// transport's worker thread, then the rows go through ChangeApplier's generic
// upsert (writeRows) on this object's thread, in one transaction. The sync
// keeps what it brought current from then on (a local interaction is never
// left out by the window). Messages are not part of that answer: an old
// interaction arrives without its messages until the feed next carries them.
//
// Lives on the engine's thread and uses its store connection and transport
// (so it signs in with the engine's bearer token).
class HistoryFetcher : public QObject
{
    Q_OBJECT
public:
    HistoryFetcher(Database& db, ChangeApplier& applier, HttpTransport& transport, QObject* parent = nullptr);
    ~HistoryFetcher() override;

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    // The hub caps a page at 200.
    static constexpr int kMaxPageSize = 200;

    // One page of the customer's interactions, newest first. A request for
    // a customer already being fetched is dropped (the timeline asks again
    // on every scroll); the answer is fetched() or failed().
    void fetch(qint64 customerId, int offset, int limit = 50);
    // The page after what the store holds for this customer.
    void fetchOlder(qint64 customerId, int limit = 50);
    bool isFetching(qint64 customerId) const { return m_inFlight.contains(customerId); }

Q_SIGNALS:
    // Stored: `received` rows from `offset`; the backend has `total` for this
    // customer, so offset + received < total means there is more.
    void fetched(qint64 customerId, int offset, int received, int total, const QList<qint64>& interactionIds);
    void failed(qint64 customerId, const QString& error);

private:
    void onPage(qint64 customerId, int offset, const HttpResponse& response);

    Database& m_db;
    ChangeApplier& m_applier;
    HttpTransport& m_transport;
    QUrl m_baseUrl;
    QHash<qint64, quint64> m_inFlight; // customer -> request id
};
