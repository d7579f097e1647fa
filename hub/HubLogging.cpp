#include "HubLogging.h"

Q_LOGGING_CATEGORY(lcHub, "unisono.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubHttp, "unisono.hub.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubStore, "unisono.hub.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubEvents, "unisono.hub.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubAuth, "unisono.hub.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubRouting, "unisono.hub.routing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubSim, "unisono.hub.sim", QtInfoMsg)
