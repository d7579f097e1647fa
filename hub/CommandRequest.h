#pragma once

#include "ApiCall.h"
#include "HubStorage.h"

#include <QJsonObject>

// A command's Idempotency-Key, request hash and JSON body, checked once: a
// missing or overlong key and a body that is not a JSON object are 400s. An
// empty body counts as {} (accept, hold, DELETE... carry nothing).
class CommandRequest
{
public:
    static CommandRequest parse(const ApiCall& call, qint64 now);

    CommandContext context;
    QJsonObject body;
};
