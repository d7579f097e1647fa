#include "HubServer.h"

#include "ApiError.h"
#include "ChangePageWriter.h"
#include "ConnectionWatch.h"
#include "ContactCentre.h"
#include "EventBroadcaster.h"
#include "GzipEncoder.h"
#include "HubTcpServer.h"
#include "HubLogging.h"
#include "HubStorage.h"
#include "JsonInput.h"
#include "PasswordHasher.h"
#include "store/StoreError.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <array>
#include <limits>

namespace {

using Handler = HubRoutes::Handler;

constexpr int kMaxChangesPage = 5000;
constexpr int kDefaultChangesPage = 500;
constexpr int kMaxListPage = 200;
constexpr int kDefaultListPage = 50;
constexpr int kMaxIdempotencyKey = 200;
// What an agent may set; "busy" belongs to routing, which connects work.
const QStringList kAgentStates { QStringLiteral("ready"), QStringLiteral("not_ready"),
    QStringLiteral("after_call_work"), QStringLiteral("logged_out") };

QByteArray sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray newToken()
{
    std::array<quint32, 8> words {}; // 32 bytes
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.data()), sizeof(words)).toHex();
}

bool isSupervisor(const Session& session)
{
    return session.role == QLatin1String("supervisor") || session.role == QLatin1String("admin");
}

} // namespace

struct HubServer::CommandInput
{
    CommandContext context;
    QJsonObject body;
};

HubServer::HubServer(HubStorage& storage, const HubOptions& options, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_storage(storage)
    , m_options(options)
    , m_events(new EventBroadcaster(options.heartbeatMs, this))
{
    m_purge.setInterval(3600 * 1000);
    connect(&m_purge, &QTimer::timeout, this, &HubServer::purgeExpired);
    m_purge.start();
    purgeExpired();
}

HubServer::~HubServer() = default;

quint16 HubServer::start(const QHostAddress& address, quint16 port, QString* error)
{
    std::optional<QSslConfiguration> tls;
    if (!m_options.tlsCertPath.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_options.tlsCertPath, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = QStringLiteral("--tls-cert: no PEM certificate in %1.").arg(m_options.tlsCertPath);
            return 0;
        }
        QFile keyFile(m_options.tlsKeyPath);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--tls-key: cannot read %1 (%2).").arg(m_options.tlsKeyPath, keyFile.errorString());
            return 0;
        }
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = QStringLiteral("--tls-key: %1 holds no unencrypted RSA or EC private key in PEM.")
                         .arg(m_options.tlsKeyPath);
            return 0;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
        tls = configuration;
    }
    auto* server = new HubTcpServer(tls, m_options.requestTimeoutMs, m_options.idleTimeoutMs, this);
    if (!server->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2 (%3).").arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return 0;
    }
    bind(server);
    m_tls = tls.has_value();
    return server->serverPort();
}

void HubServer::stop()
{
    for (QTcpServer* server : servers())
        server->close();
    m_events->closeAll();
}

void HubServer::purgeExpired()
{
    if (const int purged = m_storage.purgeExpired(QDateTime::currentSecsSinceEpoch()))
        qCInfo(lcHubAuth) << "purged" << purged << "expired tokens and idempotency keys";
}

void HubServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest answers everything; kept for the abstract interface.
    send(request, socket,
        json(ApiError(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint.")).toJson(), 404));
}

bool HubServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ConnectionWatch::requestReceived(socket);
    QElapsedTimer timer;
    timer.start();
    const QString path = request.url().path();
    const QString method = HubRoutes::methodName(request.method());
    QString login;
    std::optional<Reply> reply;
    try {
        QStringList allowed;
        const std::optional<HubRoutes::Match> match = HubRoutes::find(request.method(), path, &allowed);
        if (request.body().size() > m_options.maxBodyBytes) {
            throw ApiError(413, QStringLiteral("body_too_large"),
                QStringLiteral("The body is larger than %1 bytes.").arg(m_options.maxBodyBytes),
                QStringLiteral("body"));
        }
        if (!match && allowed.isEmpty())
            throw ApiError(404, QStringLiteral("not_found"), QStringLiteral("No endpoint %1.").arg(path));
        if (!match) {
            ApiError error(405, QStringLiteral("method_not_allowed"),
                QStringLiteral("%1 does not accept %2; use %3.")
                    .arg(path, method, allowed.join(QStringLiteral(", "))));
            reply = json(error.toJson(), 405);
            reply->headers.append(
                qMakePair(QByteArray("Allow"), allowed.join(QStringLiteral(", ")).toLatin1()));
        } else {
            std::optional<Session> session;
            if (match->route->needsToken) {
                session = authenticate(request);
                login = session->login;
            }
            reply = dispatch(Call { request, socket, *match, session });
        }
    } catch (const ApiError& error) {
        reply = json(error.toJson(), error.status());
        if (error.status() == 401)
            reply->headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"unisono\"")));
    } catch (const StoreError& error) {
        qCCritical(lcHubStore) << method << path << "failed:" << error.message();
        reply = json(ApiError(500, QStringLiteral("storage"),
                         QStringLiteral("The hub could not read or write its database; try again."))
                         .toJson(),
            500);
    } catch (const std::exception& error) {
        qCCritical(lcHubHttp) << method << path << "failed:" << error.what();
        reply = json(
            ApiError(500, QStringLiteral("internal"), QStringLiteral("Internal error.")).toJson(), 500);
    }
    if (reply) {
        send(request, socket, *reply);
        ConnectionWatch::answered(socket);
    }
    qCInfo(lcHubHttp).noquote() << method << path << (reply ? reply->status : 200) << timer.elapsed() << "ms"
                                << (login.isEmpty() ? QStringLiteral("-") : login);
    return true;
}

void HubServer::send(const QHttpServerRequest& request, QTcpSocket* socket, const Reply& reply)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // the client left while we worked; writing now would crash Qt 6.4
    QByteArray body = reply.body;
    bool gzipped = false;
    if (body.size() > GzipEncoder::kMinimumSize && GzipEncoder::accepts(request.value("Accept-Encoding"))) {
        const QByteArray compressed = GzipEncoder::compress(body);
        if (!compressed.isEmpty()) {
            body = compressed;
            gzipped = true;
        }
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    // Caches must keep the plain and the compressed form apart.
    responder.writeHeader("Vary", "Accept-Encoding");
    if (gzipped)
        responder.writeHeader("Content-Encoding", "gzip");
    for (const auto& header : reply.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(body);
    // Out now rather than when the write notifier fires on the next pass of
    // the event loop: with thousands of streams open, each pass polls all
    // their descriptors.
    socket->flush();
}

HubServer::Reply HubServer::json(const QJsonObject& object, int status)
{
    return Reply { status, QJsonDocument(object).toJson(QJsonDocument::Compact), {} };
}

Session HubServer::authenticate(const QHttpServerRequest& request)
{
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer ") || header.size() <= 7) {
        throw ApiError(401, QStringLiteral("unauthorized"),
            QStringLiteral("Send Authorization: Bearer <token>; get a token from POST /api/v1/login."));
    }
    const std::optional<Session> session = m_storage.session(sha256Hex(header.mid(7).trimmed()));
    if (!session)
        throw ApiError(401, QStringLiteral("unauthorized"), QStringLiteral("Unknown token; log in again."));
    if (session->expiresAt <= QDateTime::currentSecsSinceEpoch())
        throw ApiError(
            401, QStringLiteral("token_expired"), QStringLiteral("The token has expired; log in again."));
    return *session;
}

std::optional<HubServer::Reply> HubServer::dispatch(const Call& call)
{
    switch (call.match.route->handler) {
    case Handler::Login:
        return login(call);
    case Handler::Customers:
        return customers(call);
    case Handler::Customer:
        return customer(call);
    case Handler::CustomerInteractions:
        return customerInteractions(call);
    case Handler::Queues:
        return queues(call);
    case Handler::Agents:
        return agents(call);
    case Handler::Changes:
        return changes(call);
    case Handler::Events:
        events(call);
        return std::nullopt;
    case Handler::AgentState:
        return agentState(call);
    case Handler::InteractionNotes:
        return interactionNotes(call);
    case Handler::InteractionDisposition:
        return interactionDisposition(call);
    default:
        break;
    }
    if (m_centre) {
        const ApiAnswer answer = m_centre->handle(call.match.route->handler,
            ApiCall { call.request, call.match.ids, *call.session });
        Reply reply { answer.status, answer.body, {} };
        if (answer.replayed)
            reply.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
        return reply;
    }
    throw ApiError(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
}

// --- reads ---------------------------------------------------------------

HubServer::Reply HubServer::login(const Call& call)
{
    const QJsonObject body = JsonInput::object(call.request.body());
    const QString login = JsonInput::requiredString(body, QStringLiteral("login"), 200);
    const QString password = JsonInput::requiredString(body, QStringLiteral("password"), 1000);
    const std::optional<UserRecord> user = m_storage.user(login);
    const bool ok = user ? PasswordHasher::verify(user->passwordHash, password)
                         : (PasswordHasher::verifyDummy(password), false);
    if (!ok) {
        qCInfo(lcHubAuth) << "failed login for" << login;
        throw ApiError(
            401, QStringLiteral("invalid_credentials"), QStringLiteral("Wrong login or password."));
    }
    const QByteArray token = newToken();
    const Session session { user->login, user->role, user->agentId,
        QDateTime::currentSecsSinceEpoch() + m_options.tokenTtlSeconds };
    m_storage.addToken(sha256Hex(token), session);
    qCInfo(lcHubAuth) << "login" << user->login << user->role;
    return json(QJsonObject {
        { QStringLiteral("token"), QString::fromLatin1(token) },
        { QStringLiteral("login"), user->login },
        { QStringLiteral("role"), user->role },
        { QStringLiteral("agentId"),
            user->agentId ? QJsonValue(*user->agentId) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("expiresAt"), session.expiresAt },
    });
}

HubServer::Reply HubServer::customers(const Call& call)
{
    const QUrlQuery query = call.request.query();
    const QString typed = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (typed.size() > 200)
        throw ApiError::badField(QStringLiteral("q"), QStringLiteral("\"q\" is longer than 200 characters."));
    const int limit
        = int(JsonInput::queryInteger(query, QStringLiteral("limit"), kDefaultListPage, 1, kMaxListPage));
    const int offset = int(JsonInput::queryInteger(query, QStringLiteral("offset"), 0, 0, 1000000000));
    return json(
        QJsonObject { { QStringLiteral("customers"), m_storage.searchCustomers(typed, offset, limit) },
            { QStringLiteral("offset"), offset }, { QStringLiteral("limit"), limit } });
}

HubServer::Reply HubServer::customer(const Call& call)
{
    const qint64 id = call.match.ids.at(0);
    const std::optional<QJsonObject> customer = m_storage.customer(id);
    if (!customer)
        throw ApiError::notFound(QStringLiteral("Customer %1").arg(id));
    return json(*customer);
}

HubServer::Reply HubServer::customerInteractions(const Call& call)
{
    const qint64 id = call.match.ids.at(0);
    const QUrlQuery query = call.request.query();
    const int limit
        = int(JsonInput::queryInteger(query, QStringLiteral("limit"), kDefaultListPage, 1, kMaxListPage));
    const int offset = int(JsonInput::queryInteger(query, QStringLiteral("offset"), 0, 0, 1000000000));
    std::optional<QJsonObject> page = m_storage.customerInteractions(id, offset, limit);
    if (!page)
        throw ApiError::notFound(QStringLiteral("Customer %1").arg(id));
    page->insert(QStringLiteral("offset"), offset);
    page->insert(QStringLiteral("limit"), limit);
    return json(*page);
}

HubServer::Reply HubServer::queues(const Call&)
{
    return json(QJsonObject { { QStringLiteral("queues"), m_storage.queues() } });
}

HubServer::Reply HubServer::agents(const Call& call)
{
    if (!isSupervisor(*call.session)) {
        throw ApiError(
            403, QStringLiteral("forbidden"), QStringLiteral("Only supervisors and admins may list agents."));
    }
    return json(QJsonObject { { QStringLiteral("agents"), m_storage.agents() } });
}

qint64 HubServer::checkCursor(qint64 since, std::optional<qint64> scanFloor)
{
    const qint64 floor = m_storage.changeFloor();
    if (since > 0 && since < floor && !scanFloor) {
        throw ApiError(410, QStringLiteral("cursor_expired"),
            QStringLiteral("Changes after %1 are no longer kept (the feed keeps everything after %2): "
                           "resync from scratch with since=0, which returns every entity's latest "
                           "state.")
                .arg(since)
                .arg(floor),
            QStringLiteral("since"));
    }
    if (since > 0 && since < floor && *scanFloor != floor) {
        throw ApiError(410, QStringLiteral("cursor_expired"),
            QStringLiteral("Your scan from since=0 began under floor %1 but the feed's floor is now %2: a "
                           "deletion after your cursor %3 is no longer kept. Start the scan again from "
                           "since=0.")
                .arg(*scanFloor)
                .arg(floor)
                .arg(since),
            QStringLiteral("scanFloor"));
    }
    if (since > m_storage.latestSeq()) {
        // A cursor from the future: the hub's database was replaced.
        throw ApiError(410, QStringLiteral("cursor_expired"),
            QStringLiteral("Cursor %1 is ahead of this hub's feed (last change %2): the hub's data was "
                           "reset; resync from scratch with since=0.")
                .arg(since)
                .arg(m_storage.latestSeq()),
            QStringLiteral("since"));
    }
    return floor;
}

HubServer::Reply HubServer::changes(const Call& call)
{
    const QUrlQuery query = call.request.query();
    const qint64 since
        = JsonInput::queryInteger(query, QStringLiteral("since"), 0, 0, std::numeric_limits<qint64>::max());
    const int limit = int(
        JsonInput::queryInteger(query, QStringLiteral("limit"), kDefaultChangesPage, 1, kMaxChangesPage));
    std::optional<qint64> scanFloor;
    if (query.hasQueryItem(QStringLiteral("scanFloor"))) {
        scanFloor = JsonInput::queryInteger(
            query, QStringLiteral("scanFloor"), 0, 0, std::numeric_limits<qint64>::max());
    }
    const qint64 floor = checkCursor(since, scanFloor);
    ChangePageWriter page;
    const ChangePageEnd end
        = m_storage.visitChanges(since, limit, [&page](const ChangeView& change) { page.add(change); });
    return Reply { 200, page.finish(end, floor), {} };
}

void HubServer::events(const Call& call)
{
    std::optional<qint64> lastId;
    const QByteArray header = call.request.value("Last-Event-ID").trimmed();
    if (!header.isEmpty()) {
        bool ok = false;
        lastId = header.toLongLong(&ok);
        if (!ok || *lastId < 0) {
            throw ApiError::badField(QStringLiteral("Last-Event-ID"),
                QStringLiteral("Last-Event-ID must be the id of an event (a change seq)."));
        }
        checkCursor(*lastId);
    }
    QTcpSocket* socket = call.socket;
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QHttpServerResponder responder = makeResponder(call.request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    responder.writeHeader("Content-Type", "text/event-stream; charset=utf-8");
    responder.writeHeader("Cache-Control", "no-cache");
    // The stream ends when either side closes; proxies must not buffer it.
    responder.writeHeader("Connection", "close");
    responder.writeHeader("X-Accel-Buffering", "no");
    responder.writeBody("retry: 3000\n\n");
    if (lastId) {
        // Replay from the feed, then go live. The hub is single-threaded, so
        // no command can commit between the last page read and addClient:
        // nothing is missed and nothing is sent twice.
        qint64 cursor = *lastId;
        for (;;) {
            const ChangePage page = m_storage.changes(cursor, kMaxChangesPage);
            for (const ChangeRecord& change : page.changes)
                socket->write(EventBroadcaster::formatChange(change));
            cursor = page.next;
            if (!page.more)
                break;
        }
    }
    ConnectionWatch::streaming(socket);
    m_events->addClient(socket, *call.session);
    socket->flush(); // the head and replay now: live events go straight to the descriptor once Qt holds nothing
}

// --- commands --------------------------------------------------------------

HubServer::CommandInput HubServer::commandInput(const Call& call)
{
    const QByteArray key = call.request.value("Idempotency-Key").trimmed();
    if (key.isEmpty()) {
        throw ApiError::badField(QStringLiteral("Idempotency-Key"),
            QStringLiteral("Commands need an Idempotency-Key header (a UUID per command, "
                           "reused on retries)."));
    }
    if (key.size() > kMaxIdempotencyKey) {
        throw ApiError::badField(QStringLiteral("Idempotency-Key"),
            QStringLiteral("Idempotency-Key is longer than %1 characters.").arg(kMaxIdempotencyKey));
    }
    CommandInput input;
    input.context.login = call.session->login;
    input.context.idempotencyKey = QString::fromLatin1(key);
    input.context.requestHash = sha256Hex(HubRoutes::methodName(call.request.method()).toLatin1() + ' '
        + call.request.url().path().toUtf8() + '\n' + call.request.body());
    input.context.now = QDateTime::currentSecsSinceEpoch();
    input.body = JsonInput::object(call.request.body());
    return input;
}

HubServer::Reply HubServer::commandReply(const CommandResult& result)
{
    Reply reply { result.status, result.body, {} };
    if (result.replayed)
        reply.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
    for (const ChangeRecord& change : result.changes)
        m_events->publishChange(change);
    return reply;
}

HubServer::Reply HubServer::agentState(const Call& call)
{
    const qint64 agentId = call.match.ids.at(0);
    CommandInput input = commandInput(call);
    // State times are on the contact centre's clock, like those routing and
    // the simulator write (they differ under --sim-speed): a board orders
    // an agent's states by them.
    if (m_centre)
        input.context.now = m_centre->clock().nowSecs();
    if (!isSupervisor(*call.session) && call.session->agentId != agentId) {
        throw ApiError(
            403, QStringLiteral("forbidden"), QStringLiteral("An agent may change only their own state."));
    }
    const QString state = JsonInput::requiredString(input.body, QStringLiteral("state"), 40);
    if (!kAgentStates.contains(state)) {
        throw ApiError::badField(QStringLiteral("state"),
            QStringLiteral("\"state\" must be one of %1 (busy is set by routing).")
                .arg(kAgentStates.join(QStringLiteral(", "))));
    }
    const QString reason = JsonInput::optionalString(input.body, QStringLiteral("reason"), 200);
    if (m_centre)
        m_centre->checkAgentState(agentId, state);
    const CommandResult result = m_storage.setAgentState(input.context, agentId, state, reason);
    const Reply reply = commandReply(result); // the change event goes out first
    if (!result.replayed) {
        m_events->publish("agent_state",
            QJsonObject { { QStringLiteral("agentId"), agentId }, { QStringLiteral("state"), state },
                { QStringLiteral("reason"), reason }, { QStringLiteral("since"), input.context.now } });
    }
    return reply;
}

HubServer::Reply HubServer::interactionNotes(const Call& call)
{
    const CommandInput input = commandInput(call);
    const QString text = JsonInput::requiredString(input.body, QStringLiteral("text"), 10000);
    return commandReply(m_storage.addNote(input.context, call.match.ids.at(0), text));
}

HubServer::Reply HubServer::interactionDisposition(const Call& call)
{
    const CommandInput input = commandInput(call);
    const QString disposition = JsonInput::requiredString(input.body, QStringLiteral("disposition"), 100);
    const QString contactReason = JsonInput::requiredString(input.body, QStringLiteral("contactReason"), 200);
    return commandReply(
        m_storage.setDisposition(input.context, call.match.ids.at(0), disposition, contactReason));
}
