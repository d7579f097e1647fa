#pragma once

#include <QLoggingCategory>

// unisono.sync: transport, change feed, live events and outbox.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
