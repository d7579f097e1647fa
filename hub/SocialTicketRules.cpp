#include "SocialTicketRules.h"

#include "ApiError.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

constexpr const char* kStateKey = "social.ticket_rules";
constexpr int kMaxRules = 100;
constexpr int kMaxListItems = 50;
constexpr int kMaxText = 100;

const QStringList& priorities()
{
    static const QStringList values { QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
        QStringLiteral("urgent") };
    return values;
}

const QStringList& intents()
{
    static const QStringList values { QStringLiteral("complaint"), QStringLiteral("question"),
        QStringLiteral("praise"), QStringLiteral("other") };
    return values;
}

const QStringList& tiers()
{
    static const QStringList values { QStringLiteral("none"), QStringLiteral("standard"), QStringLiteral("silver"),
        QStringLiteral("gold"), QStringLiteral("platinum") };
    return values;
}

void requireKeys(const QJsonObject& object, const QStringList& allowed, const QString& path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            throw ApiError::badField(path + it.key(),
                QStringLiteral("\"%1\" is not a rule field; use %2.").arg(path + it.key(), allowed.join(QStringLiteral(", "))));
        }
    }
}

QString text(const QJsonValue& value, const QString& path)
{
    const QString result = value.toString().trimmed();
    if (!value.isString() || result.isEmpty() || result.size() > kMaxText) {
        throw ApiError::badField(
            path, QStringLiteral("\"%1\" must be a non-empty string of at most %2 characters.").arg(path).arg(kMaxText));
    }
    return result;
}

// A list of strings; with `allowed`, each must be one of them.
QStringList list(const QJsonObject& object, const QString& key, const QString& path, const QStringList& allowed = {})
{
    if (!object.contains(key))
        return {};
    const QString field = path + key;
    const QJsonValue value = object.value(key);
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > kMaxListItems) {
        throw ApiError::badField(
            field, QStringLiteral("\"%1\" must be a list of 1 to %2 strings.").arg(field).arg(kMaxListItems));
    }
    QStringList result;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString item = text(array.at(i), QStringLiteral("%1[%2]").arg(field).arg(i));
        if (!allowed.isEmpty() && !allowed.contains(item)) {
            throw ApiError::badField(QStringLiteral("%1[%2]").arg(field).arg(i),
                QStringLiteral("\"%1\" is not one of %2.").arg(item, allowed.join(QStringLiteral(", "))));
        }
        result.append(allowed.isEmpty() ? item.toCaseFolded() : item);
    }
    return result;
}

std::optional<double> sentimentBound(const QJsonObject& object, const QString& key, const QString& path)
{
    if (!object.contains(key))
        return std::nullopt;
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || value.toDouble() < -1 || value.toDouble() > 1)
        throw ApiError::badField(path + key, QStringLiteral("\"%1\" must be a number in [-1, 1].").arg(path + key));
    return value.toDouble();
}

QJsonArray array(const QStringList& values)
{
    return QJsonArray::fromStringList(values);
}

} // namespace

const QStringList& SocialTicketRules::networks()
{
    static const QStringList values { QStringLiteral("x"), QStringLiteral("facebook"), QStringLiteral("instagram"),
        QStringLiteral("linkedin"), QStringLiteral("tiktok"), QStringLiteral("youtube") };
    return values;
}

const QStringList& SocialTicketRules::kinds()
{
    static const QStringList values { QStringLiteral("post"), QStringLiteral("mention"), QStringLiteral("comment"),
        QStringLiteral("direct_message"), QStringLiteral("like"), QStringLiteral("share"), QStringLiteral("tag"),
        QStringLiteral("follow") };
    return values;
}

SocialTicketRules SocialTicketRules::fromJson(const QJsonObject& document)
{
    requireKeys(document, { QStringLiteral("rules"), QStringLiteral("replyHandle") }, QString());
    SocialTicketRules result;
    result.m_replyHandle = document.contains(QStringLiteral("replyHandle"))
        ? text(document.value(QStringLiteral("replyHandle")), QStringLiteral("replyHandle"))
        : QStringLiteral("@unisono");
    if (!result.m_replyHandle.startsWith(QLatin1Char('@')))
        result.m_replyHandle.prepend(QLatin1Char('@'));
    const QJsonValue rules = document.value(QStringLiteral("rules"));
    if (!rules.isArray() || rules.toArray().size() > kMaxRules) {
        throw ApiError::badField(QStringLiteral("rules"),
            QStringLiteral("\"rules\" must be a list of at most %1 rules (an empty list opens no tickets).").arg(kMaxRules));
    }
    QStringList names;
    const QJsonArray array = rules.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("rules[%1].").arg(i);
        if (!array.at(i).isObject())
            throw ApiError::badField(path.chopped(1), QStringLiteral("Each rule must be an object."));
        const QJsonObject object = array.at(i).toObject();
        requireKeys(object, { QStringLiteral("name"), QStringLiteral("priority"), QStringLiteral("when") }, path);
        Rule rule;
        rule.name = text(object.value(QStringLiteral("name")), path + QStringLiteral("name"));
        if (names.contains(rule.name))
            throw ApiError::badField(path + QStringLiteral("name"), QStringLiteral("Two rules are called \"%1\".").arg(rule.name));
        names.append(rule.name);
        rule.priority = text(object.value(QStringLiteral("priority")), path + QStringLiteral("priority"));
        if (!priorities().contains(rule.priority)) {
            throw ApiError::badField(path + QStringLiteral("priority"),
                QStringLiteral("\"priority\" must be one of %1.").arg(priorities().join(QStringLiteral(", "))));
        }
        const QJsonValue when = object.value(QStringLiteral("when"));
        if (!when.isObject())
            throw ApiError::badField(path + QStringLiteral("when"), QStringLiteral("\"when\" must be an object of conditions."));
        const QJsonObject conditions = when.toObject();
        const QString at = path + QStringLiteral("when.");
        requireKeys(conditions,
            { QStringLiteral("intents"), QStringLiteral("networks"), QStringLiteral("kinds"), QStringLiteral("tiers"),
                QStringLiteral("keywords"), QStringLiteral("maxSentiment"), QStringLiteral("minSentiment"),
                QStringLiteral("minFollowers") },
            at);
        rule.intents = list(conditions, QStringLiteral("intents"), at, intents());
        rule.networks = list(conditions, QStringLiteral("networks"), at, networks());
        rule.kinds = list(conditions, QStringLiteral("kinds"), at, kinds());
        rule.tiers = list(conditions, QStringLiteral("tiers"), at, tiers());
        rule.keywords = list(conditions, QStringLiteral("keywords"), at);
        rule.maxSentiment = sentimentBound(conditions, QStringLiteral("maxSentiment"), at);
        rule.minSentiment = sentimentBound(conditions, QStringLiteral("minSentiment"), at);
        if (rule.minSentiment && rule.maxSentiment && *rule.minSentiment > *rule.maxSentiment) {
            throw ApiError::badField(at + QStringLiteral("minSentiment"),
                QStringLiteral("\"minSentiment\" is above \"maxSentiment\": the rule could never match."));
        }
        if (conditions.contains(QStringLiteral("minFollowers"))) {
            const QJsonValue followers = conditions.value(QStringLiteral("minFollowers"));
            const double value = followers.toDouble(-1);
            if (!followers.isDouble() || value < 0 || value > 1e12 || value != double(qint64(value))) {
                throw ApiError::badField(at + QStringLiteral("minFollowers"),
                    QStringLiteral("\"minFollowers\" must be a whole number of at least 0."));
            }
            rule.minFollowers = qint64(value);
        }
        result.m_rules.append(rule);
    }
    return result;
}

SocialTicketRules SocialTicketRules::defaults()
{
    const QJsonObject document = QJsonDocument::fromJson(R"({"replyHandle": "@unisono", "rules": [
        {"name": "Complaint from an influencer", "priority": "urgent",
         "when": {"intents": ["complaint"], "minFollowers": 10000}},
        {"name": "Complaint from a gold or platinum customer", "priority": "high",
         "when": {"intents": ["complaint"], "tiers": ["gold", "platinum"]}},
        {"name": "Very unhappy", "priority": "high", "when": {"maxSentiment": -0.6, "kinds": ["post", "mention", "comment", "direct_message", "tag"]}},
        {"name": "Complaint", "priority": "normal", "when": {"intents": ["complaint"]}},
        {"name": "Question", "priority": "normal", "when": {"intents": ["question"]}}
    ]})").object();
    return fromJson(document);
}

SocialTicketRules SocialTicketRules::load(Database& db)
{
    Statement& st = db.cached("SELECT value FROM hub_state WHERE key = ?");
    st.bind(1, kStateKey);
    const QString stored = st.step() ? st.text(0) : QString();
    st.reset();
    if (stored.isEmpty())
        return defaults();
    const QJsonObject saved = QJsonDocument::fromJson(stored.toUtf8()).object();
    SocialTicketRules rules = fromJson(saved.value(QStringLiteral("document")).toObject());
    rules.m_updatedBy = saved.value(QStringLiteral("updatedBy")).toString();
    rules.m_updatedAt = saved.value(QStringLiteral("updatedAt")).toInteger();
    return rules;
}

void SocialTicketRules::save(Database& db, const QString& login, qint64 now) const
{
    const QJsonObject saved { { QStringLiteral("document"), toJson() }, { QStringLiteral("updatedBy"), login },
        { QStringLiteral("updatedAt"), now } };
    db.cached("INSERT INTO hub_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, kStateKey)
        .bind(2, QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)))
        .run();
}

QJsonObject SocialTicketRules::toJson() const
{
    QJsonArray rules;
    for (const Rule& rule : m_rules) {
        QJsonObject when;
        auto put = [&](const char* key, const QStringList& values) {
            if (!values.isEmpty())
                when.insert(QLatin1String(key), array(values));
        };
        put("intents", rule.intents);
        put("networks", rule.networks);
        put("kinds", rule.kinds);
        put("tiers", rule.tiers);
        put("keywords", rule.keywords);
        if (rule.maxSentiment)
            when.insert(QStringLiteral("maxSentiment"), *rule.maxSentiment);
        if (rule.minSentiment)
            when.insert(QStringLiteral("minSentiment"), *rule.minSentiment);
        if (rule.minFollowers)
            when.insert(QStringLiteral("minFollowers"), *rule.minFollowers);
        rules.append(QJsonObject { { QStringLiteral("name"), rule.name }, { QStringLiteral("priority"), rule.priority },
            { QStringLiteral("when"), when } });
    }
    return QJsonObject { { QStringLiteral("replyHandle"), m_replyHandle }, { QStringLiteral("rules"), rules } };
}

std::optional<SocialTicketRules::Match> SocialTicketRules::evaluate(const SocialPostFacts& facts) const
{
    const QString folded = facts.text.toCaseFolded();
    const QString tier = facts.tier.isEmpty() ? QStringLiteral("none") : facts.tier;
    for (const Rule& rule : m_rules) {
        if (!rule.intents.isEmpty() && !rule.intents.contains(facts.intent))
            continue;
        if (!rule.networks.isEmpty() && !rule.networks.contains(facts.network))
            continue;
        if (!rule.kinds.isEmpty() && !rule.kinds.contains(facts.kind))
            continue;
        if (!rule.tiers.isEmpty() && !rule.tiers.contains(tier))
            continue;
        if (rule.minFollowers && facts.followers < *rule.minFollowers)
            continue;
        // A like or a follow has no sentiment: a sentiment condition never matches it.
        if (rule.maxSentiment && (!facts.sentiment || *facts.sentiment > *rule.maxSentiment))
            continue;
        if (rule.minSentiment && (!facts.sentiment || *facts.sentiment < *rule.minSentiment))
            continue;
        if (!rule.keywords.isEmpty()
            && std::none_of(rule.keywords.cbegin(), rule.keywords.cend(),
                [&](const QString& keyword) { return folded.contains(keyword); }))
            continue;
        return Match { rule.name, rule.priority };
    }
    return std::nullopt;
}
