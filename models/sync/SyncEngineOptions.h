#pragma once

#include "HttpTransportOptions.h"

#include <QString>
#include <QUrl>
#include <memory>

class OutboxEffects;

// What SyncEngine needs to know: where the backend and the store are, who
// signs in, and how patient to be.
struct SyncEngineOptions
{
    QUrl baseUrl; // http(s)://host:port, the API is under /api/v1
    QString login;
    QString password;
    QString storePath;
    int pageSize = 1000;
    // History window: interactions that began more than this many days ago
    // are not copied into the store by the sync (a desk needs recent history
    // at hand, not every contact of every customer since the start);
    // HistoryFetcher brings older ones in when the agent scrolls to them.
    // 0 keeps the whole history.
    int historyDays = 180;
    // Reconnect backoff: doubles from min to max, each delay then jittered
    // down by up to half, so a hundred desks do not reconnect in step after
    // the hub restarts.
    int backoffMinMs = 1000;
    int backoffMaxMs = 60'000;
    // Live events; without them the engine only pulls when asked.
    bool live = true;
    HttpTransportOptions http;
    // Settles the local effects of the agent's commands (AgentActions'
    // LocalEffects); none when only raw commands are queued.
    std::shared_ptr<const OutboxEffects> outboxEffects;
};
