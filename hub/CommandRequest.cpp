#include "CommandRequest.h"

#include "ApiError.h"
#include "HubRoutes.h"
#include "JsonInput.h"

#include <QCryptographicHash>

namespace {
constexpr int kMaxIdempotencyKey = 200;
}

CommandRequest CommandRequest::parse(const ApiCall& call, qint64 now)
{
    const QByteArray key = call.request.value("Idempotency-Key").trimmed();
    if (key.isEmpty()) {
        throw ApiError::badField(QStringLiteral("Idempotency-Key"),
            QStringLiteral("Commands need an Idempotency-Key header (a UUID per command, reused on retries)."));
    }
    if (key.size() > kMaxIdempotencyKey) {
        throw ApiError::badField(QStringLiteral("Idempotency-Key"),
            QStringLiteral("Idempotency-Key is longer than %1 characters.").arg(kMaxIdempotencyKey));
    }
    CommandRequest command;
    command.context.login = call.session.login;
    command.context.idempotencyKey = QString::fromLatin1(key);
    command.context.requestHash = QCryptographicHash::hash(HubRoutes::methodName(call.request.method()).toLatin1()
                                                                 + ' ' + call.request.url().path().toUtf8() + '\n'
                                                                 + call.request.body(),
        QCryptographicHash::Sha256)
                                      .toHex();
    command.context.now = now;
    if (!call.request.body().trimmed().isEmpty())
        command.body = JsonInput::object(call.request.body());
    return command;
}
