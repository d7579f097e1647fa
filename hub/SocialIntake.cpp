#include "SocialIntake.h"

#include "ApiError.h"
#include "HubLogging.h"
#include "InteractionWorkflow.h"
#include "JsonInput.h"
#include "SqliteHubStorage.h"
#include "identity/IdentityNormalizer.h"
#include "store/Statement.h"

#include <QUrl>

namespace {

// Long enough for any network's longest post (a LinkedIn article preview,
// a Facebook post); longer bodies are refused, not cut.
constexpr qsizetype kMaxTextCharacters = 50000;
constexpr int kMaxExternalId = 200;
constexpr int kMaxUrl = 2000;
constexpr qint64 kLatestTimestamp = 4102444800; // 2100-01-01

// Counted in characters as a reader sees them (code points), not UTF-16 units.
qsizetype characters(const QString& text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

} // namespace

bool SocialEvent::hasText(const QString& kind)
{
    return kind != QLatin1String("like") && kind != QLatin1String("follow");
}

SocialEvent SocialEvent::fromJson(const QByteArray& body)
{
    if (!body.isValidUtf8()) {
        throw ApiError(400, QStringLiteral("invalid_utf8"),
            QStringLiteral("The body is not valid UTF-8; send the event as UTF-8 JSON."), QStringLiteral("body"));
    }
    const QJsonObject object = JsonInput::object(body);
    static const QStringList kFields { QStringLiteral("network"), QStringLiteral("kind"), QStringLiteral("externalId"),
        QStringLiteral("authorHandle"), QStringLiteral("authorFollowers"), QStringLiteral("text"), QStringLiteral("url"),
        QStringLiteral("postedAt"), QStringLiteral("parentExternalId") };
    for (auto field = object.begin(); field != object.end(); ++field) {
        if (!kFields.contains(field.key())) {
            throw ApiError::badField(field.key(),
                QStringLiteral("\"%1\" is not a field of a social event; send %2.")
                    .arg(field.key(), kFields.join(QStringLiteral(", "))));
        }
    }
    SocialEvent event;
    event.network = JsonInput::requiredString(object, QStringLiteral("network"), 50);
    if (!SocialTicketRules::networks().contains(event.network)) {
        throw ApiError(400, QStringLiteral("unknown_network"),
            QStringLiteral("\"%1\" is not a network this hub listens to (%2).")
                .arg(event.network, SocialTicketRules::networks().join(QStringLiteral(", "))),
            QStringLiteral("network"));
    }
    event.kind = JsonInput::oneOf(object, QStringLiteral("kind"), SocialTicketRules::kinds());
    if (event.kind.isEmpty())
        throw ApiError::badField(QStringLiteral("kind"), QStringLiteral("\"kind\" is required."));
    event.externalId = JsonInput::requiredString(object, QStringLiteral("externalId"), kMaxExternalId);
    const QString handle = JsonInput::requiredString(object, QStringLiteral("authorHandle"), 100);
    const std::optional<QString> normalised = IdentityNormalizer::normalizeHandle(handle);
    if (!normalised) {
        throw ApiError::badField(QStringLiteral("authorHandle"),
            QStringLiteral("\"%1\" is not a handle (letters, digits, '.', '-' and '_', up to 64).").arg(handle));
    }
    event.handle = *normalised;
    event.followers
        = JsonInput::optionalInteger(object, QStringLiteral("authorFollowers"), 0, 1000000000000).value_or(0);

    const QJsonValue text = object.value(QStringLiteral("text"));
    if (!text.isUndefined() && !text.isNull() && !text.isString())
        throw ApiError::badField(QStringLiteral("text"), QStringLiteral("\"text\" must be a string."));
    // Kept exactly as written: markup and control marks are the customer's
    // words, shown as plain text; only the length is limited.
    event.text = text.toString();
    if (characters(event.text) > kMaxTextCharacters) {
        throw ApiError::badField(QStringLiteral("text"),
            QStringLiteral("\"text\" is longer than %1 characters.").arg(kMaxTextCharacters));
    }
    const bool blank = event.text.trimmed().isEmpty();
    if (!hasText(event.kind) && !blank)
        throw ApiError::badField(QStringLiteral("text"), QStringLiteral("A %1 carries no text.").arg(event.kind));
    const bool needsText = event.kind == QLatin1String("post") || event.kind == QLatin1String("mention")
        || event.kind == QLatin1String("comment") || event.kind == QLatin1String("direct_message");
    if (needsText && blank)
        throw ApiError::badField(QStringLiteral("text"), QStringLiteral("A %1 needs \"text\".").arg(event.kind));
    if (blank)
        event.text.clear();

    event.url = JsonInput::optionalString(object, QStringLiteral("url"), kMaxUrl);
    if (!event.url.isEmpty()) {
        const QUrl url(event.url, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty())
            throw ApiError::badField(QStringLiteral("url"), QStringLiteral("\"url\" must be an http(s) address."));
    }
    event.postedAt = JsonInput::optionalInteger(object, QStringLiteral("postedAt"), 0, kLatestTimestamp);
    event.parentExternalId = JsonInput::optionalString(object, QStringLiteral("parentExternalId"), kMaxExternalId);
    return event;
}

SocialIntake::SocialIntake(SqliteHubStorage& storage)
    : m_storage(storage)
    , m_rules(SocialTicketRules::load(storage.db()))
{
}

void SocialIntake::replaceRules(const SocialTicketRules& rules, const QString& login, qint64 now)
{
    rules.save(m_storage.db(), login, now);
    m_rules = SocialTicketRules::load(m_storage.db());
}

SocialIntake::Outcome SocialIntake::receive(const SocialEvent& event, qint64 now)
{
    Database& db = m_storage.db();
    Outcome outcome;
    Statement& seen = db.cached(
        "SELECT id, customer_id, ticket_id FROM social_activity WHERE network = ? AND external_id = ?");
    seen.bind(1, event.network).bind(2, event.externalId);
    if (seen.step()) {
        outcome.duplicate = true;
        outcome.activityId = seen.int64(0);
        outcome.customerId = seen.optInt64(1);
        outcome.ticketId = seen.optInt64(2);
        seen.reset();
        return outcome;
    }
    seen.reset();

    outcome.customerId = m_storage.store().customerByIdentity(IdentityKind::Social, event.handle, event.network);
    QString tier;
    QString customerLanguage;
    if (outcome.customerId) {
        Statement& customer = db.cached("SELECT tier, language FROM customers WHERE id = ?");
        customer.bind(1, *outcome.customerId);
        if (customer.step()) {
            tier = customer.text(0);
            customerLanguage = customer.text(1);
        }
        customer.reset();
    }

    SocialPostFacts facts { event.network, event.kind, QString(), std::nullopt, event.followers, tier, event.text };
    QString language;
    if (!event.text.isEmpty()) {
        const TextAnalysis analysis = m_analyzer.analyse(event.text);
        facts.intent = Intents::key(analysis.intent);
        facts.sentiment = std::clamp(std::round(analysis.sentiment * 100.0) / 100.0, -1.0, 1.0);
        language = Languages::code(analysis.language.language);
    }
    std::optional<qint64> parentId;
    if (!event.parentExternalId.isEmpty()) {
        Statement& parent = db.cached("SELECT id FROM social_activity WHERE network = ? AND external_id = ?");
        parent.bind(1, event.network).bind(2, event.parentExternalId);
        if (parent.step())
            parentId = parent.int64(0);
        parent.reset();
    }

    const QString author = QLatin1Char('@') + event.handle;
    const std::optional<SocialTicketRules::Match> match
        = event.text.isEmpty() ? std::nullopt : m_rules.evaluate(facts);
    if (match) {
        // The customer's own language routes the ticket; a stranger's post is
        // routed by the language it is written in.
        const QString routeLanguage = !customerLanguage.isEmpty() ? customerLanguage
            : language == QLatin1String("und")                   ? QString()
                                                                 : language;
        InteractionWorkflow workflow(m_storage);
        const std::optional<qint64> queue = workflow.queueFor(QStringLiteral("social"), QString(), routeLanguage);
        const QString subject = QStringLiteral("%1 %2 on %3: %4")
                                    .arg(author, event.kind, event.network, match->rule);
        db.cached("INSERT INTO tickets(customer_id, queue_id, subject, description, priority, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, outcome.customerId)
            .bind(2, queue)
            .bind(3, subject)
            .bind(4, event.text)
            .bind(5, match->priority)
            .bind(6, now)
            .bind(7, now)
            .run();
        outcome.ticketId = db.lastInsertId();
        outcome.rule = match->rule;
        if (queue) {
            NewInteraction interaction;
            interaction.channel = QStringLiteral("social");
            interaction.customerId = outcome.customerId;
            interaction.queueId = *queue;
            interaction.language = routeLanguage;
            interaction.subject = subject;
            interaction.ticketId = outcome.ticketId;
            outcome.changes.append(workflow.create(interaction, now));
            outcome.interactionId = outcome.changes.last().entityId;
            outcome.changes.append(
                workflow.addMessage(*outcome.interactionId, QStringLiteral("customer"), author, event.text, now));
            db.cached("UPDATE tickets SET interaction_id = ? WHERE id = ?")
                .bind(1, *outcome.interactionId)
                .bind(2, *outcome.ticketId)
                .run();
        } else {
            qCWarning(lcHubRouting) << "no social queue: ticket" << *outcome.ticketId << "waits unrouted";
        }
        outcome.changes.append(m_storage.recordUpsert(QStringLiteral("ticket"), *outcome.ticketId, now));
    }

    db.cached("INSERT INTO social_activity(customer_id, network, kind, external_id, parent_id, author_handle, "
              "author_followers, body, url, posted_at, sentiment, intent, language, ticket_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, outcome.customerId)
        .bind(2, event.network)
        .bind(3, event.kind)
        .bind(4, event.externalId)
        .bind(5, parentId)
        .bind(6, author)
        .bind(7, event.followers)
        .bind(8, event.text.isEmpty() ? std::optional<QString>() : std::optional<QString>(event.text))
        .bind(9, event.url.isEmpty() ? std::optional<QString>() : std::optional<QString>(event.url))
        .bind(10, event.postedAt.value_or(now))
        .bind(11, facts.sentiment)
        .bind(12, facts.intent.isEmpty() ? std::optional<QString>() : std::optional<QString>(facts.intent))
        .bind(13, language.isEmpty() ? std::optional<QString>() : std::optional<QString>(language))
        .bind(14, outcome.ticketId)
        .run();
    outcome.activityId = db.lastInsertId();
    outcome.changes.append(m_storage.recordUpsert(QStringLiteral("socialActivity"), outcome.activityId, now));
    return outcome;
}

QList<ChangeRecord> SocialIntake::postReply(
    qint64 interactionId, std::optional<qint64> agentId, const QString& text, qint64 now)
{
    Database& db = m_storage.db();
    Statement& origin = db.cached(
        "SELECT t.id, i.customer_id, i.queue_id, i.language, s.id, s.network, s.kind, s.author_handle, s.external_id "
        "FROM interactions i JOIN tickets t ON t.id = i.ticket_id "
        "JOIN social_activity s ON s.ticket_id = t.id "
        "WHERE i.id = ? AND i.channel = 'social' AND i.direction = 'inbound' ORDER BY s.id LIMIT 1");
    origin.bind(1, interactionId);
    if (!origin.step()) {
        origin.reset();
        return {};
    }
    const qint64 ticketId = origin.int64(0);
    const std::optional<qint64> customerId = origin.optInt64(1);
    const std::optional<qint64> queueId = origin.optInt64(2);
    const QString language = origin.text(3);
    const qint64 postId = origin.int64(4);
    const QString network = origin.text(5);
    const QString kind = origin.text(6);
    const QString handle = origin.text(7);
    const QString externalId = origin.text(8);
    origin.reset();

    // A private message is answered privately; anything public in public, under the post.
    const QString replyKind
        = kind == QLatin1String("direct_message") ? QStringLiteral("direct_message") : QStringLiteral("comment");
    db.cached("INSERT INTO interactions(customer_id, channel, direction, status, queue_id, agent_id, subject, language, "
              "offered_at, answered_at, ended_at, wait_seconds, handle_seconds, ticket_id) "
              "VALUES (?, 'social', 'outbound', 'ended', ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")
        .bind(1, customerId)
        .bind(2, queueId)
        .bind(3, agentId)
        .bind(4, QStringLiteral("Reply to %1 on %2").arg(handle, network))
        .bind(5, language.isEmpty() ? std::optional<QString>() : std::optional<QString>(language))
        .bind(6, now)
        .bind(7, now)
        .bind(8, now)
        .bind(9, ticketId)
        .run();
    const qint64 outboundId = db.lastInsertId();
    QList<ChangeRecord> changes { m_storage.recordUpsert(QStringLiteral("interaction"), outboundId, now) };
    const qint64 messageId = m_storage.store().addMessage(outboundId, now, QStringLiteral("agent"), m_rules.replyHandle(), text);
    changes.append(m_storage.recordUpsert(QStringLiteral("message"), messageId, now));
    db.cached("INSERT INTO social_activity(customer_id, network, kind, external_id, parent_id, author_handle, body, "
              "posted_at, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, customerId)
        .bind(2, network)
        .bind(3, replyKind)
        .bind(4, QStringLiteral("unisono-reply-%1").arg(outboundId))
        .bind(5, postId)
        .bind(6, m_rules.replyHandle())
        .bind(7, text)
        .bind(8, now)
        .bind(9, ticketId)
        .run();
    changes.append(m_storage.recordUpsert(QStringLiteral("socialActivity"), db.lastInsertId(), now));
    // Answered on the network: the ticket waits for the customer.
    db.cached("UPDATE tickets SET status = CASE WHEN status IN ('new','open') THEN 'pending' ELSE status END, "
              "updated_at = ?, version = version + 1 WHERE id = ?")
        .bind(1, now)
        .bind(2, ticketId)
        .run();
    changes.append(m_storage.recordUpsert(QStringLiteral("ticket"), ticketId, now));
    qCDebug(lcHubRouting) << "reply to" << externalId << "on" << network << "posted as interaction" << outboundId;
    return changes;
}
