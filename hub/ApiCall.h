#pragma once

#include "HubStorage.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QList>

// One authenticated request as the contact-centre handlers see it (the
// server has matched the route and checked the token), and what they answer.
// Keeping these apart from HubServer's own types lets the handlers live in
// their own classes while the server keeps HTTP, auth and errors.
struct ApiCall
{
    const QHttpServerRequest& request;
    const QList<qint64>& ids; // the {id} values of the path
    const Session& session;
};

struct ApiAnswer
{
    int status = 200;
    QByteArray body; // JSON
    bool replayed = false; // an Idempotency-Key replay
};
