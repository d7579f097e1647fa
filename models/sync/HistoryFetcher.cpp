#include "HistoryFetcher.h"

#include "ChangeApplier.h"
#include "HttpTransport.h"
#include "SyncLogging.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <algorithm>

HistoryFetcher::HistoryFetcher(Database& db, ChangeApplier& applier, HttpTransport& transport, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_applier(applier)
    , m_transport(transport)
{
}

HistoryFetcher::~HistoryFetcher()
{
    // The transport may outlive us; its callbacks check their context, but
    // an abandoned request need not keep a connection busy.
    for (const quint64 id : std::as_const(m_inFlight))
        m_transport.abort(id);
}

void HistoryFetcher::fetchOlder(qint64 customerId, int limit)
{
    Statement& st = m_db.cached("SELECT count(*) FROM interactions WHERE customer_id = ?");
    st.bind(1, customerId);
    const int local = st.step() ? st.integer(0) : 0;
    st.reset();
    // Newest first on both sides, and everything newer than the window is
    // local: the next page starts after what we hold. An overlap (a newer
    // interaction the feed has not delivered yet) is harmless, upserts are
    // idempotent.
    fetch(customerId, local, limit);
}

void HistoryFetcher::fetch(qint64 customerId, int offset, int limit)
{
    if (m_inFlight.contains(customerId))
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, kMaxPageSize)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(std::max(0, offset)));
    QUrl url = m_baseUrl.resolved(QUrl(QStringLiteral("/api/v1/customers/%1/interactions").arg(customerId)));
    url.setQuery(query);
    HttpRequest request;
    request.url = url;
    request.headers = { { "Accept", "application/json" } };
    m_inFlight.insert(customerId, m_transport.send(request, this, [this, customerId, offset](const HttpResponse& response) {
        onPage(customerId, offset, response);
    }));
}

void HistoryFetcher::onPage(qint64 customerId, int offset, const HttpResponse& response)
{
    m_inFlight.remove(customerId);
    if (!response.isSuccess()) {
        const QString error = response.transportOk()
            ? QStringLiteral("HTTP %1 for the history of customer %2").arg(response.status).arg(customerId)
            : response.error;
        qCInfo(lcSync) << "history fetch failed:" << error;
        Q_EMIT failed(customerId, error);
        return;
    }
    const QJsonObject page = QJsonDocument::fromJson(response.body).object();
    const QJsonArray rows = page.value(QStringLiteral("interactions")).toArray();
    const ChangeBatchResult result = m_applier.writeRows(QStringLiteral("interaction"), rows);
    if (!result.ok) {
        Q_EMIT failed(customerId, QStringLiteral("The history of customer %1 could not be stored: %2").arg(customerId).arg(result.error));
        return;
    }
    QList<qint64> ids(result.interactionIds.cbegin(), result.interactionIds.cend());
    std::sort(ids.begin(), ids.end());
    Q_EMIT fetched(customerId, offset, int(rows.size()), page.value(QStringLiteral("total")).toInt(), ids);
}
