#pragma once

#include <QLoggingCategory>

// One logging category per hub subsystem (DESIGN.md habit 8), so an operator
// can turn up one part with --log-level or QT_LOGGING_RULES without the rest.
Q_DECLARE_LOGGING_CATEGORY(lcHub) // start-up, configuration
Q_DECLARE_LOGGING_CATEGORY(lcHubHttp) // one line per request
Q_DECLARE_LOGGING_CATEGORY(lcHubStore) // storage, change feed pruning
Q_DECLARE_LOGGING_CATEGORY(lcHubEvents) // SSE clients
Q_DECLARE_LOGGING_CATEGORY(lcHubAuth) // logins, tokens
Q_DECLARE_LOGGING_CATEGORY(lcHubRouting) // offers, timeouts
Q_DECLARE_LOGGING_CATEGORY(lcHubSim) // the traffic simulator
