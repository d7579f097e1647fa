#include "SyncLogging.h"

Q_LOGGING_CATEGORY(lcSync, "unisono.sync", QtInfoMsg)
