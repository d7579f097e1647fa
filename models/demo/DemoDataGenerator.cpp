#include "DemoDataGenerator.h"

#include "BulkLoadSettings.h"
#include "CheckConstraintAudit.h"
#include "DeferredIndexes.h"
#include "domain/Interaction.h"
#include "store/CustomerSearchIndex.h"
#include "store/Store.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QDate>
#include <QSet>
#include <algorithm>
#include <array>
#include <future>
#include <optional>

using Language = DemoTexts::Language;
using Reason = DemoTexts::Reason;

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;
constexpr qint64 kYear = 365 * kDay;
// Italy is UTC+1 (+2 in summer), the UK UTC+0 (+1). One fixed offset is close
// enough to put calls in office hours, and keeps the data independent of the
// time-zone database installed on the machine.
constexpr qint64 kLocalOffset = kHour;
// Rows per transaction. Random inserts (the UNIQUE identities index) dirty a
// page per row, and every commit writes each dirty page to the WAL once, so
// bigger batches write less; 50,000 keeps the WAL under a few hundred MB.
constexpr qint64 kBatchRows = 50'000;

enum Skill { Billing, Technical, Sales, Retention, Moves, Logistics, Care, kSkillCount };
constexpr std::array<const char*, kSkillCount> kSkillKeys { "billing", "technical", "sales", "retention",
    "moves", "logistics", "care" };
constexpr std::array<const char*, kSkillCount> kSkillLabels { "Billing", "Technical", "Sales", "Retention",
    "Moves", "Deliveries", "Customer Care" };

Skill skillFor(Reason reason)
{
    switch (reason) {
    case Reason::Billing:
    case Reason::Payment:
        return Billing;
    case Reason::TechnicalFault:
        return Technical;
    case Reason::NewContract:
    case Reason::PlanChange:
        return Sales;
    case Reason::Cancellation:
        return Retention;
    case Reason::Relocation:
        return Moves;
    case Reason::Delivery:
        return Logistics;
    case Reason::Complaint:
    case Reason::Information:
        return Care;
    }
    return Care;
}

enum Capability : quint8 { CanVoice = 1, CanChat = 2, CanEmail = 4, CanSocial = 8 };

const std::array<const char*, 3> kNetworks { "x", "facebook", "instagram" };
constexpr std::array<int, 3> kNetworkWeights { 40, 30, 30 };

// Italian mobile prefixes (TIM, Vodafone, WindTre, Iliad, ...) that
// libphonenumber 8.12 accepts with any 7-digit subscriber number.
constexpr std::array<int, 19> kItalianMobilePrefixes { 320, 328, 329, 333, 334, 335, 338, 339, 340, 347, 348,
    349, 366, 380, 388, 389, 391, 392, 393 };
// UK mobile ranges checked against libphonenumber 8.12: every 07xxx prefix in
// them is a valid GB mobile (07911 is not: it belongs to Guernsey).
constexpr std::array<std::pair<int, int>, 6> kUkMobileRanges { { { 7400, 7449 }, { 7500, 7508 },
    { 7710, 7779 }, { 7800, 7828 }, { 7840, 7899 }, { 7950, 7999 } } };

int ukMobilePrefix(qint64 index)
{
    for (const auto& [first, last] : kUkMobileRanges) {
        const int count = last - first + 1;
        if (index < count)
            return first + int(index);
        index -= count;
    }
    return kUkMobileRanges.front().first;
}

constexpr int ukMobilePrefixCount()
{
    int count = 0;
    for (const auto& [first, last] : kUkMobileRanges)
        count += last - first + 1;
    return count;
}

// Area code (without the trunk 0 for the UK) of cities whose landlines we
// generate; other cities get a mobile.
QString areaCode(const QString& city)
{
    static const QHash<QString, QString> codes {
        { QStringLiteral("Milano"), QStringLiteral("02") },
        { QStringLiteral("Roma"), QStringLiteral("06") },
        { QStringLiteral("Napoli"), QStringLiteral("081") },
        { QStringLiteral("Pozzuoli"), QStringLiteral("081") },
        { QStringLiteral("Torino"), QStringLiteral("011") },
        { QStringLiteral("Bologna"), QStringLiteral("051") },
        { QStringLiteral("Firenze"), QStringLiteral("055") },
        { QStringLiteral("Palermo"), QStringLiteral("091") },
        { QStringLiteral("Bari"), QStringLiteral("080") },
        { QStringLiteral("Genova"), QStringLiteral("010") },
        { QStringLiteral("Verona"), QStringLiteral("045") },
        { QStringLiteral("Salerno"), QStringLiteral("089") },
        { QStringLiteral("Catania"), QStringLiteral("095") },
        { QStringLiteral("Cagliari"), QStringLiteral("070") },
        { QStringLiteral("Monza"), QStringLiteral("039") },
        { QString::fromUtf8("Cantù"), QStringLiteral("031") },
        { QStringLiteral("London"), QStringLiteral("20") },
        { QStringLiteral("Cardiff"), QStringLiteral("29") },
    };
    return codes.value(city);
}

// A bijection of [0, modulus) (the multiplier is a prime that divides no
// modulus we use): distinct serials give distinct subscriber numbers, so the
// UNIQUE(kind, network, value) of identities never trips, and the salt makes
// another seed give other numbers.
qint64 scramble(qint64 serial, qint64 modulus, quint64 salt)
{
    constexpr qint64 kMultiplier = 4'294'967'291; // < 2^32, times (serial % modulus) < 2^27: no overflow
    return (serial % modulus * kMultiplier + qint64(DemoRandom::mix(salt) % quint64(modulus))) % modulus;
}

QString digits(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

QDate dateOf(qint64 utcSeconds)
{
    return QDate(1970, 1, 1).addDays(utcSeconds / kDay);
}

// Hundredths, so that sentiment and CSAT inputs are short decimals everywhere.
double hundredths(double value)
{
    return double(qRound(qBound(-1.0, value, 1.0) * 100.0)) / 100.0;
}

bool isTextChannel(Channel channel)
{
    return channel == Channel::Chat || channel == Channel::Email || channel == Channel::Sms
        || channel == Channel::Social;
}

// Contacts per local hour. Phones and chat are staffed 8:00-21:00; e-mail,
// social and self-service arrive around the clock, peaking in the evening.
constexpr std::array<int, 24> kOfficeHours { 0, 0, 0, 0, 0, 0, 0, 0, 6, 10, 12, 12, 9, 7, 9, 10, 10, 8, 6, 4,
    1, 0, 0, 0 };
constexpr std::array<int, 24> kAllDayHours { 1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 8, 9, 9, 7,
    4, 2 };

} // namespace

// One interaction on its way into the store, with what its messages, ticket,
// callback and social post need to agree with it.
struct DemoDataGenerator::Activity
{
    qint64 id = 0;
    qint64 ordinal = -1;
    const CustomerRow* customer = nullptr;
    const Agent* agent = nullptr;
    const Queue* queue = nullptr;
    Channel channel = Channel::Voice;
    bool inbound = true;
    bool incident = false;
    bool answered = false;
    bool systemMessage = false;
    Reason reason = Reason::Information;
    QString status;
    QString disposition;
    QString subject;
    qint64 offeredAt = 0;
    std::optional<qint64> answeredAt;
    std::optional<qint64> endedAt;
    qint64 handleSeconds = 0;
    double sentiment = 0;
    DemoTexts::Context context;
    QString customerName;
    QString firstCustomerText; // the linked social post repeats it
};

DemoDataGenerator::DemoDataGenerator(Store& store, quint64 seed, qint64 referenceTime)
    : m_store(store)
    , m_seed(seed)
    , m_now(referenceTime)
    , m_random(seed)
{
    for (const Language language : { DemoTexts::Italian, DemoTexts::English }) {
        for (const bool female : { false, true }) {
            QStringList folded;
            for (const QString& name : DemoTexts::firstNames(language, female))
                folded << DemoTexts::asciiFold(name).remove(QLatin1Char(' '));
            m_foldedFirst.push_back(folded);
        }
        QStringList folded;
        for (const QString& name : DemoTexts::lastNames(language))
            folded << DemoTexts::asciiFold(name).remove(QLatin1Char(' '));
        m_foldedLast.push_back(folded);
    }
}

DemoDataGenerator::~DemoDataGenerator() = default;

void DemoDataGenerator::generate(const DemoSize& size, Progress progress)
{
    m_size = size;
    m_progress = std::move(progress);
    m_summary = {};
    m_done = 0;
    m_nextProgress = 0;
    // Progress units: a customer, an interaction, a social post, and one for
    // building the indexes at the end.
    m_total = size.customers + size.interactions + size.socialActivities + 1;
    m_windowStart = m_now - qint64(size.historyDays) * kDay;
    m_transcriptsFrom = m_now - qint64(size.transcriptDays) * kDay;
    m_recentPosts.assign(kNetworks.size(), {});

    Database& db = m_store.db();
    BulkLoadSettings settings(db);
    DeferredIndexes deferred(db,
        { QStringLiteral("customers_by_name"), QStringLiteral("interactions_by_customer"),
            QStringLiteral("social_by_customer"), QStringLiteral("tickets_by_customer"),
            QStringLiteral("tickets_by_assignee"), QStringLiteral("identities_by_phone_ending") });
    try {
        m_transaction = std::make_unique<Transaction>(db);
        reportProgress();
        writeOrganisation();
        writeCustomers();
        reportProgress();
        writeHistory();
        writeAgenda();
        m_transaction->commit();
        m_transaction.reset();
        reportProgress();
    } catch (...) {
        m_transaction.reset();
        throw;
    }
    Transaction finish(db);
    deferred.restore();
    // Customers and identities went in without their search entries (one
    // FTS update per identity would rewrite each document five times); one
    // pass now indexes them all.
    CustomerSearchIndex::rebuild(db);
    // The load ran without CHECK enforcement (see BulkLoadSettings): one
    // pass per table now proves every row would have passed.
    CheckConstraintAudit::verify(db,
        { QStringLiteral("sites"), QStringLiteral("queues"), QStringLiteral("agents"),
            QStringLiteral("customers"), QStringLiteral("identities"), QStringLiteral("interactions"),
            QStringLiteral("messages"), QStringLiteral("tickets"), QStringLiteral("social_activity"),
            QStringLiteral("knowledge_articles"), QStringLiteral("callbacks") });
    finish.commit();
    m_done = m_total;
    if (m_progress)
        m_progress(m_done, m_total);
}

// ---------------------------------------------------------------------------
// Batches and progress.

void DemoDataGenerator::rowsWritten(qint64 rows, qint64 progressUnits)
{
    m_rowsInTransaction += rows;
    m_done += progressUnits;
    if (m_rowsInTransaction >= kBatchRows)
        commitBatch();
    if (m_done >= m_nextProgress)
        reportProgress();
}

void DemoDataGenerator::commitBatch()
{
    m_transaction->commit();
    m_transaction = std::make_unique<Transaction>(m_store.db());
    m_rowsInTransaction = 0;
}

void DemoDataGenerator::reportProgress()
{
    // About every half percent: often enough for a progress bar, rarely
    // enough to cost nothing. "total" only once the indexes are built.
    m_nextProgress = m_done + std::max<qint64>(1, m_total / 200);
    if (m_progress)
        m_progress(std::min(m_done, m_total - 1), m_total);
}

// ---------------------------------------------------------------------------
// Sites, agents, queues, help articles.

void DemoDataGenerator::writeOrganisation()
{
    struct SiteSpec
    {
        const char* code;
        const char* name;
        const char* city;
        const char* timezone;
        Language language;
    };
    // Two Italian sites and a Welsh one (English-language queues; Cardiff is
    // where many UK contact centres are) acting as one virtual centre.
    static constexpr SiteSpec kSites[] {
        { "MIL", "Milano Porta Nuova", "Milano", "Europe/Rome", DemoTexts::Italian },
        { "NAP", "Napoli Centro Direzionale", "Napoli", "Europe/Rome", DemoTexts::Italian },
        { "CWL", "Cardiff Bay", "Cardiff", "Europe/London", DemoTexts::English },
    };
    Statement& insert
        = m_store.db().cached("INSERT INTO sites(code, name, city, timezone) VALUES (?, ?, ?, ?)");
    for (const SiteSpec& spec : kSites) {
        insert.bind(1, spec.code).bind(2, spec.name).bind(3, spec.city).bind(4, spec.timezone).run();
        m_sites.push_back(Site { m_store.db().lastInsertId(), spec.language });
    }
    m_summary.sites = qint64(m_sites.size());
    writeAgents();
    writeQueues();
    writeKnowledge();
    rowsWritten(m_summary.sites + m_summary.agents + m_summary.queues + m_summary.knowledgeArticles);
}

void DemoDataGenerator::writeAgents()
{
    const int total = std::max(m_size.agents, 6);
    const std::array<int, 3> perSite { total * 40 / 100, total * 35 / 100,
        total - total * 40 / 100 - total * 35 / 100 };
    // The agents' state is what a supervisor would see at the reference time.
    const int localHour = int((m_now + kLocalOffset) % kDay / kHour);
    const bool open = localHour >= 8 && localHour < 21;
    Statement& insert = m_store.db().cached(
        "INSERT INTO agents(login, display_name, site_id, team, role, skills, languages, state, state_reason,"
        " state_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QSet<QString> logins;
    static const char* const kSiteCities[] { "Milano", "Napoli", "Cardiff" };
    for (int site = 0; site < 3; ++site) {
        const Language language = m_sites[std::size_t(site)].language;
        const int count = perSite[std::size_t(site)];
        const int supervisors = std::max(1, count / 14);
        const int teams = std::max(1, (count - supervisors + 11) / 12);
        for (int i = 0; i < count; ++i) {
            Agent agent;
            agent.site = site;
            const bool female = m_random.percent(55);
            agent.firstName = m_random.pick(DemoTexts::firstNames(language, female));
            const QString lastName = m_random.pick(DemoTexts::lastNames(language));
            agent.displayName = agent.firstName + QLatin1Char(' ') + lastName;
            const QString base = DemoTexts::asciiFold(agent.firstName).remove(QLatin1Char(' '))
                + QLatin1Char('.') + DemoTexts::asciiFold(lastName).remove(QLatin1Char(' '));
            QString login = base;
            for (int n = 2; logins.contains(login); ++n)
                login = base + QString::number(n);
            logins.insert(login);

            // Milano's first is the admin; then each site's supervisors.
            const int firstAgent = (site == 0 ? 1 : 0) + supervisors;
            const char* role = site == 0 && i == 0 ? "admin" : i < firstAgent ? "supervisor" : "agent";
            agent.answersContacts = qstrcmp(role, "agent") == 0;
            const int team = i % teams;
            // Each team has a main topic; sites start at different topics so
            // that even the tiny size covers most of them.
            const int mainSkill = (team + site * 3) % kSkillCount;
            agent.skills = quint8(1u << mainSkill);
            for (int extra = int(m_random.range(1, 2)); extra > 0; --extra)
                agent.skills |= quint8(1u << m_random.below(kSkillCount));
            if (m_random.percent(85))
                agent.capabilities |= CanVoice;
            if (m_random.percent(55))
                agent.capabilities |= CanChat;
            if (m_random.percent(45))
                agent.capabilities |= CanEmail;
            if (m_random.percent(20))
                agent.capabilities |= CanSocial;
            if (agent.capabilities == 0)
                agent.capabilities = CanVoice;
            agent.languages = quint8(1u << language);
            if (m_random.percent(language == DemoTexts::Italian ? 25 : 15))
                agent.languages |= quint8(1u << (1 - language));

            QStringList skills;
            for (int s = 0; s < kSkillCount; ++s)
                if (agent.skills & (1u << s))
                    skills << QString::fromLatin1(kSkillKeys[std::size_t(s)]);
            static const char* const kCapabilityKeys[] { "voice", "chat", "email", "social" };
            for (int c = 0; c < 4; ++c)
                if (agent.capabilities & (1u << c))
                    skills << QString::fromLatin1(kCapabilityKeys[c]);
            QStringList languages;
            for (const Language l : { DemoTexts::Italian, DemoTexts::English })
                if (agent.languages & (1u << l))
                    languages << QString::fromLatin1(DemoTexts::languageKey(l));

            const char* state = "logged_out";
            QString reason;
            if (open && qstrcmp(role, "admin") != 0) {
                // Supervisors take no queue work, so they are never busy or in after-call work.
                static constexpr int kAgentWeights[] { 30, 30, 8, 12, 20 };
                static constexpr int kSupervisorWeights[] { 50, 0, 0, 30, 20 };
                static const char* const kStates[] { "ready", "busy", "after_call_work", "not_ready",
                    "logged_out" };
                state
                    = kStates[m_random.weighted(agent.answersContacts ? kAgentWeights : kSupervisorWeights)];
                if (qstrcmp(state, "not_ready") == 0)
                    reason = m_random.pick(DemoTexts::notReadyReasons());
            } else if (m_random.percent(4)) {
                state = "ready"; // someone always stays on late
            }
            const QString teamName = qstrcmp(role, "admin") == 0
                ? QString()
                : QStringLiteral("%1 %2 %3")
                      .arg(QLatin1String(kSiteCities[site]),
                          QLatin1String(kSkillLabels[std::size_t(mainSkill)]))
                      .arg(team + 1);
            insert.bind(1, login)
                .bind(2, agent.displayName)
                .bind(3, m_sites[std::size_t(site)].id)
                .bind(4, teamName)
                .bind(5, role)
                .bind(6, skills.join(QLatin1Char(',')))
                .bind(7, languages.join(QLatin1Char(',')))
                .bind(8, state)
                .bind(9, reason)
                .bind(10, m_now - m_random.range(30, 90 * kMinute))
                .run();
            agent.id = m_store.db().lastInsertId();
            m_agents.push_back(agent);
        }
    }
    m_summary.agents = qint64(m_agents.size());
}

void DemoDataGenerator::writeQueues()
{
    struct KindSpec
    {
        QueueKind kind;
        const char* channel;
        const char* label;
        quint8 capability;
        int slPercent;
        int slSeconds;
        bool perSkill;
    };
    // Service-level targets as contact centres usually set them: 80% of calls
    // in 20 s, 90% of chats in a minute, 90% of e-mails within a day.
    static constexpr KindSpec kKinds[] {
        { QueueKind::Voice, "voice", "Voice", CanVoice, 80, 20, true },
        { QueueKind::Chat, "chat", "Chat", CanChat, 90, 60, true },
        { QueueKind::Email, "email", "Email", CanEmail, 90, 86400, true },
        { QueueKind::Callback, "callback", "Callback", CanVoice, 80, 300, false },
        { QueueKind::Messaging, "social", "Social & SMS", CanSocial, 90, 3600, false },
        { QueueKind::Forum, "forum", "Community Forum", CanSocial, 80, 172800, false },
    };
    m_queueLookup.assign(6 * (kSkillCount + 1) * 2, -1);
    Statement& insert = m_store.db().cached("INSERT INTO queues(name, skill, channel, language, site_id, "
                                            "service_level_pct, service_level_seconds)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const Language language : { DemoTexts::Italian, DemoTexts::English }) {
        for (const KindSpec& spec : kKinds) {
            const int firstSkill = spec.perSkill ? 0 : -1;
            const int lastSkill = spec.perSkill ? kSkillCount - 1 : -1;
            for (int skill = firstSkill; skill <= lastSkill; ++skill) {
                Queue queue;
                queue.kind = spec.kind;
                queue.skill = skill;
                queue.language = language;
                // Each queue has a home site, but any site's agents may take it.
                if (language == DemoTexts::English)
                    queue.site = 2;
                else
                    queue.site = (skill == Technical || skill == Moves || skill == Logistics) ? 1 : 0;
                const QString name
                    = QStringLiteral("%1 %2").arg(QLatin1String(language == DemoTexts::Italian ? "IT" : "EN"),
                          QLatin1String(spec.label))
                    + (skill >= 0 ? QLatin1Char(' ') + QLatin1String(kSkillLabels[std::size_t(skill)])
                                  : QString());
                const char* skillKey = skill >= 0      ? kSkillKeys[std::size_t(skill)]
                    : spec.kind == QueueKind::Callback ? "outbound"
                    : spec.kind == QueueKind::Forum    ? "community"
                                                       : "social";
                insert.bind(1, name)
                    .bind(2, skillKey)
                    .bind(3, spec.channel)
                    .bind(4, DemoTexts::languageKey(language))
                    .bind(5, m_sites[std::size_t(queue.site)].id)
                    .bind(6, spec.slPercent)
                    .bind(7, spec.slSeconds)
                    .run();
                queue.id = m_store.db().lastInsertId();

                // Who may answer, from the best fit down to anyone, so that
                // even the tiny size has someone on every queue.
                const auto eligible = [&](const Agent& a, bool needSkill, bool needCapability) {
                    return a.answersContacts && (a.languages & (1u << language))
                        && (!needCapability || (a.capabilities & spec.capability))
                        && (!needSkill || skill < 0 || (a.skills & (1u << skill)));
                };
                for (int pass = 0; pass < 3 && queue.agents.empty(); ++pass) {
                    for (std::size_t a = 0; a < m_agents.size(); ++a)
                        if (eligible(m_agents[a], pass == 0, pass <= 1))
                            queue.agents.push_back(int(a));
                }
                for (std::size_t a = 0; queue.agents.empty() && a < m_agents.size(); ++a)
                    if (m_agents[a].answersContacts)
                        queue.agents.push_back(int(a));
                m_queueLookup[std::size_t((int(spec.kind) * (kSkillCount + 1) + skill + 1) * 2 + language)]
                    = int(m_queues.size());
                m_queues.push_back(std::move(queue));
            }
        }
    }
    m_summary.queues = qint64(m_queues.size());
}

int DemoDataGenerator::queueFor(QueueKind kind, int skill, Language language) const
{
    const bool perSkill = kind == QueueKind::Voice || kind == QueueKind::Chat || kind == QueueKind::Email;
    const int s = perSkill ? skill : -1;
    return m_queueLookup[std::size_t((int(kind) * (kSkillCount + 1) + s + 1) * 2 + language)];
}

void DemoDataGenerator::writeKnowledge()
{
    Statement& insert = m_store.db().cached(
        "INSERT INTO knowledge_articles(title, body, language, tags, updated_at) VALUES (?, ?, ?, ?, ?)");
    for (const DemoTexts::Article& article : DemoTexts::knowledgeArticles()) {
        insert.bind(1, article.title)
            .bind(2, article.body)
            .bind(3, article.language)
            .bind(4, article.tags)
            .bind(5, m_now - m_random.range(kDay, 400 * kDay))
            .run();
        ++m_summary.knowledgeArticles;
    }
}

// ---------------------------------------------------------------------------
// Customers and their identities.

// A customer planned (every random choice made) but not yet written; its
// identities are normalised on another thread meanwhile.
struct DemoDataGenerator::PendingIdentity
{
    IdentityKind kind = IdentityKind::Phone;
    const char* kindKey = "";
    QString network;
    QString raw;
    QString expected;
    const char* source = "";
    bool verified = false;
    qint64 createdAt = 0;
    std::optional<QString> value; // filled by the normalising thread
};

struct DemoDataGenerator::PendingCustomer
{
    qint64 ordinal = 0;
    QString firstName;
    QString lastName;
    QString company;
    const char* language = "it";
    const char* tier = "standard";
    double lifetimeValue = 0;
    QString city;
    QString address;
    QString country;
    bool consentMarketing = false;
    bool consentRecording = false;
    bool consentProfiling = false;
    QString crmFields;
    qint64 updatedAt = 0;
    std::vector<PendingIdentity> identities;
};

void DemoDataGenerator::writeCustomers()
{
    const qint64 count = m_size.customers;
    m_customers.assign(std::size_t(count), CustomerRow());
    m_createdAt.assign(std::size_t(count), 0);
    std::vector<quint32> weights(std::size_t(count), 0);

    // Ordinals follow the order customers joined: 70% in the seven years
    // before the history window, the rest during it. Ids then grow with time,
    // as in a real CRM, and the history can pick among those who exist yet.
    const qint64 early = std::max<qint64>(1, count * 7 / 10);
    const qint64 earlyStart = m_windowStart - 7 * kYear;
    const qint64 lateSpan = std::max<qint64>(1, m_now - m_windowStart - kDay);

    // A few customers (businesses, serial complainers) contact us far more
    // than anyone else: the timeline has to cope with thousands of rows.
    const qint64 whales = std::max<qint64>(1, count / 50'000);
    for (qint64 w = 0; w < whales; ++w)
        m_customers[std::size_t(m_random.below(early))].whale = true;

    qint64 ordinaryWeight = 0;
    const auto plan = [&](qint64 i) {
        qint64 base = 0;
        qint64 step = 0;
        if (i < early) {
            base = earlyStart + 7 * kYear * i / early;
            step = 7 * kYear / early;
        } else {
            base = m_windowStart + lateSpan * (i - early) / std::max<qint64>(1, count - early);
            step = lateSpan / std::max<qint64>(1, count - early);
        }
        // The jitter stays below one step, so created_at still ascends with the ordinal.
        m_createdAt[std::size_t(i)] = base + m_random.below(std::max<qint64>(1, step));
        CustomerRow& row = m_customers[std::size_t(i)];
        row.createdAt = m_createdAt[std::size_t(i)];
        PendingCustomer pending = planCustomer(i, row);

        // How often this customer gets in touch: most rarely, a few a lot.
        static constexpr int kActivity[] { 700, 250, 45, 5 };
        static constexpr std::array<std::pair<int, int>, 4> kRanges { { { 1, 4 }, { 5, 20 }, { 21, 100 },
            { 101, 400 } } };
        const auto [lo, hi] = kRanges[std::size_t(m_random.weighted(kActivity))];
        weights[std::size_t(i)] = quint32(m_random.range(lo, hi));
        if (!row.whale)
            ordinaryWeight += weights[std::size_t(i)];
        return pending;
    };

    // libphonenumber and the e-mail and handle patterns cost as much as the
    // inserts, so a second thread normalises block k while this one plans
    // block k and writes block k - 1. Only this thread draws random numbers,
    // so the data stays the same; the normaliser is const and thread-safe.
    const IdentityNormalizer& normalizer = m_store.normalizer();
    const auto normalise = [&normalizer](std::vector<PendingCustomer>* block) {
        for (PendingCustomer& customer : *block)
            for (PendingIdentity& identity : customer.identities)
                identity.value = normalizer.normalize(identity.kind, identity.raw);
    };
    constexpr qint64 kBlock = 2048;
    std::vector<PendingCustomer> normalising;
    std::vector<PendingCustomer> writing;
    std::future<void> job; // declared last: its destructor waits before the blocks go
    for (qint64 first = 0; first < count; first += kBlock) {
        std::vector<PendingCustomer> planned;
        planned.reserve(std::size_t(std::min(kBlock, count - first)));
        for (qint64 i = first; i < std::min(count, first + kBlock); ++i)
            planned.push_back(plan(i));
        if (job.valid())
            job.get();
        writing = std::move(normalising);
        normalising = std::move(planned);
        job = std::async(std::launch::async, normalise, &normalising);
        for (PendingCustomer& customer : writing)
            insertCustomer(customer);
    }
    if (job.valid()) {
        job.get();
        for (PendingCustomer& customer : normalising)
            insertCustomer(customer);
    }

    // Whales get a weight that brings each about `target` interactions.
    const qint64 target = std::clamp<qint64>(m_size.interactions / 200, 10, 4'000);
    const qint64 rest = std::max<qint64>(1, m_size.interactions - whales * target);
    const quint32 whaleWeight = quint32(std::max<qint64>(1, ordinaryWeight * target / rest));
    m_cumulativeWeight.assign(std::size_t(count), 0);
    quint64 sum = 0;
    for (qint64 i = 0; i < count; ++i) {
        sum += m_customers[std::size_t(i)].whale ? whaleWeight : weights[std::size_t(i)];
        m_cumulativeWeight[std::size_t(i)] = sum;
    }
}

DemoDataGenerator::PendingCustomer DemoDataGenerator::planCustomer(qint64 ordinal, CustomerRow& row)
{
    PendingCustomer c;
    c.ordinal = ordinal;
    const Language language = m_random.percent(65) ? DemoTexts::Italian : DemoTexts::English;
    row.language = quint8(language);
    row.female = m_random.percent(52);
    row.firstName = quint16(m_random.below(DemoTexts::firstNames(language, row.female).size()));
    row.lastName = quint16(m_random.below(DemoTexts::lastNames(language).size()));
    const QList<DemoTexts::City>& cities = DemoTexts::cities(language);
    row.city = quint8(m_random.below(cities.size()));
    const DemoTexts::City& city = cities.at(row.city);
    c.firstName = firstNameOf(row);
    c.lastName = lastNameOf(row);
    c.language = DemoTexts::languageKey(language);
    c.city = city.name;
    c.country = city.country;
    const bool uk = city.country == QLatin1String("GB");

    static constexpr int kTierWeights[] { 70, 18, 9, 3 };
    static const char* const kTiers[] { "standard", "silver", "gold", "platinum" };
    const int tier = m_random.weighted(kTierWeights);
    c.tier = kTiers[tier];
    row.vip = m_random.percent(tier == 3 ? 40 : tier == 2 ? 10 : 1);
    const bool business = m_random.percent(7);
    static constexpr std::array<std::pair<double, double>, 4> kValue { { { 50, 1500 }, { 1000, 4000 },
        { 3000, 12000 }, { 10000, 60000 } } };
    c.lifetimeValue = m_random.real(kValue[std::size_t(tier)].first, kValue[std::size_t(tier)].second);
    if (business)
        c.lifetimeValue = m_random.real(c.lifetimeValue, c.lifetimeValue * 3);
    c.updatedAt = row.createdAt + m_random.below(std::max<qint64>(1, m_now - row.createdAt));

    // CRM fields as the CRM sends them: compact JSON, keys in a fixed order.
    static const char* const kPaymentIt[] { "sepa", "sepa", "card", "postal_slip", "bank_transfer" };
    static const char* const kPaymentUk[] { "direct_debit", "direct_debit", "card", "bank_transfer" };
    static const char* const kRisk[] { "low", "low", "low", "medium", "medium", "high" };
    const QDate since = dateOf(row.createdAt);
    c.crmFields = QStringLiteral("{\"contractId\":\"C-%1-%2\",\"plan\":\"%3\",\"segment\":\"%4\","
                                 "\"paymentMethod\":\"%5\",\"billingCycle\":\"%6\",\"customerSince\":\"%7\","
                                 "\"churnRisk\":\"%8\"")
                      .arg(since.year())
                      .arg(digits(ordinal + 1, 7))
                      .arg(m_random.pick(DemoTexts::products(language)))
                      .arg(QLatin1String(business ? "business" : "consumer"))
                      .arg(QLatin1String(uk ? m_random.pick(kPaymentUk) : m_random.pick(kPaymentIt)))
                      .arg(QLatin1String(uk || m_random.percent(60) ? "monthly" : "bimonthly"))
                      .arg(since.toString(Qt::ISODate))
                      .arg(QLatin1String(m_random.pick(kRisk)));
    if (m_random.percent(30))
        c.crmFields += QStringLiteral(",\"lastNps\":%1").arg(m_random.range(0, 10));
    if (business && !m_agents.empty())
        c.crmFields += QStringLiteral(",\"accountManager\":\"%1\"")
                           .arg(m_agents[std::size_t(m_random.below(qint64(m_agents.size())))].displayName);
    c.crmFields += QLatin1Char('}');
    if (business)
        c.company = DemoTexts::company(language, c.firstName, c.lastName, city.name, m_random);
    c.address = DemoTexts::address(city, m_random);
    c.consentMarketing = m_random.percent(45);
    c.consentRecording = m_random.percent(85);
    c.consentProfiling = m_random.percent(30);

    const auto identity = [&c](IdentityKind kind, const QString& network, const QString& raw,
                              const QString& expected, const char* source, bool verified, qint64 createdAt) {
        c.identities.push_back(PendingIdentity {
            kind, identityKindKey(kind), network, raw, expected, source, verified, createdAt, {} });
    };

    // Phones: the CRM's number first, then one the phone system learned.
    const bool hasLandline = !areaCode(city.name).isEmpty();
    if (language == DemoTexts::Italian)
        row.phoneKind
            = hasLandline && m_random.percent(15) ? PhoneKind::ItalianLandline : PhoneKind::ItalianMobile;
    else if (uk)
        row.phoneKind = hasLandline && m_random.percent(10) ? PhoneKind::UkLandline : PhoneKind::UkMobile;
    else
        row.phoneKind = m_random.percent(60) ? PhoneKind::UkMobile : PhoneKind::ItalianMobile;
    const qint64 learnedAt = row.createdAt + m_random.below(std::max<qint64>(1, m_now - row.createdAt));
    {
        const Phone primary = phone(row.phoneKind, 2 * ordinal, city.name);
        identity(IdentityKind::Phone, QString(), primary.raw, primary.e164, "crm", m_random.percent(60),
            row.createdAt);
    }
    if (m_random.percent(30)) {
        PhoneKind kind = row.phoneKind;
        if (kind == PhoneKind::ItalianMobile && hasLandline && !uk)
            kind = m_random.percent(60) ? PhoneKind::ItalianLandline : PhoneKind::ItalianMobile;
        else if (kind == PhoneKind::ItalianLandline)
            kind = PhoneKind::ItalianMobile;
        else if (kind == PhoneKind::UkLandline)
            kind = PhoneKind::UkMobile;
        const Phone second = phone(kind, 2 * ordinal + 1, city.name);
        identity(IdentityKind::Phone, QString(), second.raw, second.e164, "pbx", false, learnedAt);
    }

    // E-mail addresses and handles end in a number unique to the customer
    // (the name parts never end in a digit), so no two customers share one.
    const QString& f = m_foldedFirst[std::size_t(row.language * 2 + (row.female ? 1 : 0))].at(row.firstName);
    const QString& l = m_foldedLast[row.language].at(row.lastName);
    const QString n = QString::number(ordinal + 1);
    if (m_random.percent(82)) {
        const QString forms[] { f + QLatin1Char('.') + l + n, f + l + n, f.left(1) + QLatin1Char('.') + l + n,
            l + QLatin1Char('.') + f + n, f + QLatin1Char('_') + l + n };
        const QString& domain = m_random.pick(DemoTexts::emailDomains(language));
        QString local = m_random.pick(forms);
        // Some systems keep the capitals the customer typed; the store folds them.
        if (m_random.percent(15))
            local[0] = local[0].toUpper();
        const QString email = local + QLatin1Char('@') + domain;
        identity(IdentityKind::Email, QString(), email, email.toLower(), "crm", m_random.percent(50),
            row.createdAt);
        if (m_random.percent(12)) {
            QString other = m_random.pick(DemoTexts::emailDomains(language));
            while (other == domain)
                other = m_random.pick(DemoTexts::emailDomains(language));
            const QString work = f + QLatin1Char('.') + l + n + QLatin1Char('@') + other;
            identity(IdentityKind::Email, QString(), work, work, "email-gateway", false, learnedAt);
        }
    }
    if (m_random.percent(35)) {
        row.network = quint8(1 + m_random.weighted(kNetworkWeights));
        row.handleForm = quint8(m_random.below(6));
        const QString handle = handleOf(ordinal, row);
        // Written as seen on the network: with the @ and mixed case, sometimes.
        QString raw = handle;
        if (m_random.percent(50))
            raw = QLatin1Char('@') + raw;
        if (m_random.percent(20))
            raw = raw.toUpper();
        identity(IdentityKind::Social, networkOf(row), raw, handle, "social-listening", false, learnedAt);
        if (m_random.percent(10)) {
            const int other = (row.network % 3) + 1; // another network, same handle
            identity(IdentityKind::Social, QString::fromLatin1(kNetworks[std::size_t(other - 1)]), handle,
                handle, "social-listening", false, learnedAt);
        }
    }
    const QString crmId = QStringLiteral("CRM-%1").arg(ordinal + 1'000'001);
    identity(IdentityKind::Crm, QString(), crmId, crmId, "crm", true, row.createdAt);
    if (m_random.percent(30)) {
        // Chat visitor ids look random but are a bijection of the ordinal.
        const QString visitor = QStringLiteral("wv_%1").arg(
            DemoRandom::mix(quint64(ordinal) ^ (m_seed << 24)), 16, 16, QLatin1Char('0'));
        identity(IdentityKind::Chat, QString(), visitor, visitor, "webchat", false, learnedAt);
    }
    return c;
}

void DemoDataGenerator::insertCustomer(PendingCustomer& c)
{
    CustomerRow& row = m_customers[std::size_t(c.ordinal)];
    m_store.db()
        .cached("INSERT INTO customers(first_name, last_name, display_name, company, language, tier, vip,"
                " lifetime_value, city, address, country, consent_marketing, consent_recording,"
                " consent_profiling, crm_fields, created_at, updated_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, c.firstName)
        .bind(2, c.lastName)
        .bind(3, c.firstName + QLatin1Char(' ') + c.lastName)
        .bind(4, c.company)
        .bind(5, c.language)
        .bind(6, c.tier)
        .bind(7, int(row.vip))
        .bind(8, c.lifetimeValue)
        .bind(9, c.city)
        .bind(10, c.address)
        .bind(11, c.country)
        .bind(12, int(c.consentMarketing))
        .bind(13, int(c.consentRecording))
        .bind(14, int(c.consentProfiling))
        .bind(15, c.crmFields)
        .bind(16, row.createdAt)
        .bind(17, c.updatedAt)
        .run();
    row.id = m_store.db().lastInsertId();
    ++m_summary.customers;

    Statement& insert = m_store.db().cached(
        "INSERT INTO identities(customer_id, kind, network, value, raw_value, source, verified, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const PendingIdentity& identity : c.identities) {
        // The same normaliser Store::addIdentity uses. A value it rejects,
        // or reads differently from what we meant, is a bug in this generator.
        if (!identity.value || *identity.value != identity.expected) {
            throw StoreError(
                QStringLiteral("Demo data generator bug: the %1 \"%2\" normalises to \"%3\", "
                               "expected \"%4\".")
                    .arg(QLatin1String(identity.kindKey), identity.raw,
                        identity.value.value_or(QStringLiteral("(invalid)")), identity.expected));
        }
        // Not Store::addIdentity: it stamps created_at with the wall clock (the
        // data must depend on the reference time only) and rebuilds the
        // customer's search entry on every call; the index is rebuilt once at
        // the end instead. No ON CONFLICT: a duplicate must fail loudly.
        insert.bind(1, row.id)
            .bind(2, identity.kindKey)
            .bind(3, identity.network.isNull() ? QStringLiteral("") : identity.network)
            .bind(4, *identity.value)
            .bind(5, identity.raw)
            .bind(6, identity.source)
            .bind(7, int(identity.verified))
            .bind(8, identity.createdAt)
            .run();
        ++m_summary.identities;
    }
    rowsWritten(1 + qint64(c.identities.size()), 1);
}

QString DemoDataGenerator::firstNameOf(const CustomerRow& row) const
{
    return DemoTexts::firstNames(Language(row.language), row.female).at(row.firstName);
}

QString DemoDataGenerator::lastNameOf(const CustomerRow& row) const
{
    return DemoTexts::lastNames(Language(row.language)).at(row.lastName);
}

QString DemoDataGenerator::networkOf(const CustomerRow& row) const
{
    return row.network == 0 ? QString() : QString::fromLatin1(kNetworks[std::size_t(row.network - 1)]);
}

QString DemoDataGenerator::handleOf(qint64 ordinal, const CustomerRow& row) const
{
    const QString& f = m_foldedFirst[std::size_t(row.language * 2 + (row.female ? 1 : 0))].at(row.firstName);
    const QString& l = m_foldedLast[row.language].at(row.lastName);
    const QString n = QString::number(ordinal + 1);
    switch (row.handleForm) {
    case 0:
        return f + QLatin1Char('_') + l + n;
    case 1:
        return f + l + n;
    case 2:
        return f + QLatin1Char('.') + l + n;
    case 3:
        return f + n;
    case 4:
        return l + QLatin1Char('_') + f + n;
    default:
        return f.left(1) + l + n;
    }
}

DemoDataGenerator::Phone DemoDataGenerator::phone(PhoneKind kind, qint64 serial, const QString& city)
{
    const QString e164 = phoneE164(kind, serial, city, m_seed);
    // The national part, split back into what people write.
    const QString national = e164.mid(3);
    QString raw;
    switch (kind) {
    case PhoneKind::ItalianMobile: {
        const QString p = national.left(3), s = national.mid(3);
        const QString forms[] { QStringLiteral("+39 %1 %2 %3").arg(p, s.left(3), s.mid(3)),
            QStringLiteral("0039-%1-%2").arg(p, s), QStringLiteral("%1 %2").arg(p, s), p + s,
            QStringLiteral("+39%1%2").arg(p, s), QStringLiteral("+39 (%1) %2").arg(p, s),
            QStringLiteral("%1.%2.%3").arg(p, s.left(3), s.mid(3)),
            QStringLiteral("0039 %1 %2 %3").arg(p, s.left(3), s.mid(3)), QStringLiteral("%1/%2").arg(p, s) };
        raw = m_random.pick(forms);
        break;
    }
    case PhoneKind::ItalianLandline: {
        const QString a = areaCode(city), s = national.mid(a.size());
        const QString forms[] { QStringLiteral("%1 %2 %3").arg(a, s.left(4), s.mid(4)),
            QStringLiteral("+39 %1 %2").arg(a, s), QStringLiteral("0039 %1-%2").arg(a, s), a + s,
            QStringLiteral("%1/%2").arg(a, s), QStringLiteral("+39%1%2").arg(a, s) };
        raw = m_random.pick(forms);
        break;
    }
    case PhoneKind::UkMobile: {
        const QString p = national.left(4), s = national.mid(4);
        // Never the bare national form "07911 123456": the store reads numbers
        // without a country code as Italian, and 07911123456 is a valid
        // Italian landline. UK numbers arrive with +44 or 0044.
        const QString forms[] { QStringLiteral("+44 %1 %2").arg(p, s), QStringLiteral("0044 %1 %2").arg(p, s),
            QStringLiteral("+44 (0)%1 %2").arg(p, s), QStringLiteral("+44%1%2").arg(p, s),
            QStringLiteral("+44 %1 %2 %3").arg(p, s.left(3), s.mid(3)),
            QStringLiteral("0044-%1-%2").arg(p, s) };
        raw = m_random.pick(forms);
        break;
    }
    case PhoneKind::UkLandline: {
        const QString a = national.left(2), s = national.mid(2);
        const QString forms[] { QStringLiteral("+44 %1 %2 %3").arg(a, s.left(4), s.mid(4)),
            QStringLiteral("+44 (0)%1 %2 %3").arg(a, s.left(4), s.mid(4)),
            QStringLiteral("0044 %1 %2").arg(a, s), QStringLiteral("+44%1%2").arg(a, s) };
        raw = m_random.pick(forms);
        break;
    }
    }
    return Phone { e164, raw };
}

QString DemoDataGenerator::phoneE164(PhoneKind kind, qint64 serial, const QString& city, quint64 salt)
{
    switch (kind) {
    case PhoneKind::ItalianMobile: {
        const qint64 count = qint64(kItalianMobilePrefixes.size());
        return QStringLiteral("+39%1%2")
            .arg(kItalianMobilePrefixes[std::size_t(serial % count)])
            .arg(digits(scramble(serial / count, 10'000'000, salt), 7));
    }
    case PhoneKind::ItalianLandline: {
        // Two-digit areas (Milano 02, Roma 06) have 8-digit numbers, three-digit
        // ones 7; neither starts with 0. Both leave room for millions of serials.
        const QString area = areaCode(city);
        const int width = area.size() == 2 ? 8 : 7;
        const qint64 first = width == 8 ? 10'000'000 : 1'000'000;
        return QStringLiteral("+39") + area + QString::number(first + scramble(serial, 9 * first, salt));
    }
    case PhoneKind::UkMobile: {
        const qint64 count = ukMobilePrefixCount();
        return QStringLiteral("+44%1%2")
            .arg(ukMobilePrefix(serial % count))
            .arg(digits(scramble(serial / count, 1'000'000, salt), 6));
    }
    case PhoneKind::UkLandline: {
        if (areaCode(city) == QLatin1String("20")) {
            static constexpr int kLondon[] { 3, 7, 8 }; // 020 3xxx, 7xxx and 8xxx are all London
            return QStringLiteral("+4420%1%2")
                .arg(kLondon[serial % 3])
                .arg(digits(scramble(serial / 3, 10'000'000, salt), 7));
        }
        return QStringLiteral("+44292%1")
            .arg(digits(scramble(serial, 10'000'000, salt), 7)); // Cardiff 029 2xxx
    }
    }
    return {};
}

// ---------------------------------------------------------------------------
// History: day by day, oldest first, so that ids grow with time as they do
// in a real store (timelines then read rows scattered over the file, not a
// customer's rows side by side, and the benchmark stays honest).

void DemoDataGenerator::writeHistory()
{
    const int days = std::max(1, m_size.historyDays);
    std::vector<qint64> weights(static_cast<std::size_t>(days));
    std::vector<bool> incidents(static_cast<std::size_t>(days));
    // Weekday and season shape the volume: Mondays are busiest, Sundays
    // quiet; January brings the year's first bills, August empties Italy.
    static constexpr int kWeekday[] { 125, 110, 105, 100, 95, 55, 30 };
    static constexpr int kMonth[] { 120, 100, 100, 95, 95, 90, 85, 70, 110, 105, 100, 80 };
    for (int d = 0; d < days; ++d) {
        const QDate date = dateOf(m_windowStart + d * kDay + kLocalOffset + 12 * kHour);
        const qint64 growth = 100 + 60 * d / days; // the business grew 60% over the period
        // About one day in sixty a network incident triples the contacts.
        incidents[std::size_t(d)] = m_random.below(60) == 0;
        weights[std::size_t(d)] = growth * kWeekday[date.dayOfWeek() - 1] * kMonth[date.month() - 1]
            * (incidents[std::size_t(d)] ? 3 : 1);
    }
    qint64 totalWeight = 0;
    for (const qint64 w : weights)
        totalWeight += w;
    qint64 cumulative = 0;
    qint64 interactionsSoFar = 0;
    qint64 socialSoFar = 0;
    for (int d = 0; d < days; ++d) {
        cumulative += weights[std::size_t(d)];
        // Exact totals: each day gets the difference of two rounded prefixes.
        const qint64 interactionsUpTo = m_size.interactions * cumulative / totalWeight;
        const qint64 socialUpTo = m_size.socialActivities * cumulative / totalWeight;
        writeDay(m_windowStart + d * kDay, interactionsUpTo - interactionsSoFar, socialUpTo - socialSoFar,
            incidents[std::size_t(d)], double(d) / days);
        interactionsSoFar = interactionsUpTo;
        socialSoFar = socialUpTo;
    }
}

void DemoDataGenerator::writeDay(
    qint64 dayStart, qint64 count, qint64 socialCount, bool incident, double progress)
{
    struct Slot
    {
        qint64 at;
        qint64 sequence;
        int channel; // -1: a social post that is not an interaction
    };
    // Voice gives way to chat over the years, as it has everywhere.
    const int voice = 400 - int(60 * progress);
    const int chat = 130 + int(90 * progress);
    // Social is drawn often because only customers with a known handle keep
    // it (about a third); the others' turn into chats. Net: about 5%.
    const std::array<int, 8> channelWeights { voice, 150, chat, 60, 150, 50, 80 + int(20 * progress), 30 };
    static_assert(kAllChannels.size() == 8);
    std::vector<Slot> slots;
    slots.reserve(std::size_t(count + socialCount));
    const qint64 localStart = (dayStart + kLocalOffset) % kDay;
    for (qint64 i = 0; i < count + socialCount; ++i) {
        const int channel = i < count ? m_random.weighted(channelWeights) : -1;
        const Channel c = channel < 0 ? Channel::Social : kAllChannels[std::size_t(channel)];
        const bool office
            = channel >= 0 && (c == Channel::Voice || c == Channel::Chat || c == Channel::Callback);
        const int hour = m_random.weighted(office ? kOfficeHours : kAllDayHours);
        const qint64 local = hour * kHour + m_random.below(kHour);
        slots.push_back(Slot { dayStart + (local - localStart + kDay) % kDay, i, channel });
    }
    // Sorted on unique keys, so every standard library gives the same order.
    std::sort(slots.begin(), slots.end(),
        [](const Slot& a, const Slot& b) { return a.at != b.at ? a.at < b.at : a.sequence < b.sequence; });
    for (const Slot& slot : slots) {
        if (slot.channel < 0) {
            writeSocialNoise(slot.at);
            rowsWritten(1, 1);
        } else {
            writeInteraction(slot.at, kAllChannels[std::size_t(slot.channel)], incident);
        }
    }
}

qint64 DemoDataGenerator::pickCustomer(qint64 at)
{
    // Only customers who had joined by then; each in proportion to its weight.
    const auto joined = std::upper_bound(m_createdAt.begin(), m_createdAt.end(), at) - m_createdAt.begin();
    if (joined == 0)
        return -1;
    const quint64 r = m_random.next() % m_cumulativeWeight[std::size_t(joined - 1)];
    return std::upper_bound(m_cumulativeWeight.begin(), m_cumulativeWeight.begin() + joined, r)
        - m_cumulativeWeight.begin();
}

int DemoDataGenerator::pickAgent(const Queue& queue)
{
    return queue.agents[std::size_t(m_random.below(qint64(queue.agents.size())))];
}

DemoTexts::Context DemoDataGenerator::contextFor(
    const CustomerRow* customer, const Agent* agent, qint64 when, Language language) const
{
    DemoTexts::Context context;
    context.language = language;
    context.when = when;
    if (customer) {
        const DemoTexts::City& city = DemoTexts::cities(Language(customer->language)).at(customer->city);
        context.customerFirstName = firstNameOf(*customer);
        context.customerFullName = context.customerFirstName + QLatin1Char(' ') + lastNameOf(*customer);
        context.city = city.name;
        context.pounds = city.country == QLatin1String("GB");
    } else {
        context.customerFirstName
            = language == DemoTexts::Italian ? QStringLiteral("cliente") : QStringLiteral("there");
        context.city = language == DemoTexts::Italian ? QStringLiteral("Milano") : QStringLiteral("London");
    }
    context.agentFirstName = agent ? agent->firstName : QStringLiteral("Lumi");
    return context;
}

void DemoDataGenerator::fixTopic(DemoTexts::Context& context)
{
    context.product = m_random.pick(DemoTexts::products(context.language));
    context.amountCents = m_random.range(990, 24990);
    context.reference = m_random.range(1, 1'000'000'000);
    context.daysAhead = int(m_random.range(1, 10));
}

void DemoDataGenerator::writeInteraction(qint64 offeredAt, Channel channel, bool incident)
{
    Activity a;
    a.offeredAt = offeredAt;
    a.incident = incident;
    // Self-service sessions and forum posts are often anonymous.
    const bool anonymous = (channel == Channel::SelfService && m_random.percent(35))
        || (channel == Channel::Forum && m_random.percent(40));
    a.ordinal = anonymous ? -1 : pickCustomer(offeredAt);
    a.customer = a.ordinal >= 0 ? &m_customers[std::size_t(a.ordinal)] : nullptr;
    // We only know social contacts from customers whose handle we know.
    if (channel == Channel::Social && (!a.customer || a.customer->network == 0))
        channel = Channel::Chat;
    a.channel = channel;
    Language language = a.customer ? Language(a.customer->language) : Language(m_random.percent(65) ? 0 : 1);
    if (a.customer && m_random.percent(3))
        language = Language(1 - language); // a bilingual customer, or the agent's choice

    // Direction.
    switch (channel) {
    case Channel::Voice:
        a.inbound = m_random.percent(90);
        break;
    case Channel::Callback:
        a.inbound = false;
        break;
    case Channel::Email:
        a.inbound = m_random.percent(88);
        break;
    case Channel::Sms:
        a.inbound = m_random.percent(45);
        break;
    case Channel::Social:
        a.inbound = m_random.percent(92);
        break;
    default:
        a.inbound = true;
        break;
    }

    // Why.
    std::array<int, DemoTexts::kReasonCount> reasons { 22, 18, 6, 5, 9, 6, 7, 14, 8, 5 };
    auto boost = [&reasons](Reason r, int factor) { reasons[std::size_t(r)] *= factor; };
    if (incident)
        boost(Reason::TechnicalFault, 4);
    if (channel == Channel::Social) {
        boost(Reason::Complaint, 3);
        boost(Reason::TechnicalFault, 2);
    } else if (channel == Channel::SelfService) {
        boost(Reason::Billing, 2);
        boost(Reason::Payment, 3);
        boost(Reason::Information, 2);
    } else if (channel == Channel::Forum) {
        boost(Reason::TechnicalFault, 3);
        boost(Reason::Information, 2);
    } else if (!a.inbound && (channel == Channel::Voice || channel == Channel::Callback)) {
        // Outbound calls: offers, renewals and retention.
        boost(Reason::NewContract, 3);
        boost(Reason::PlanChange, 3);
        boost(Reason::Cancellation, 2);
    } else if (!a.inbound && channel == Channel::Sms) {
        // Outbound texts: deliveries, engineer visits, payments.
        boost(Reason::Delivery, 3);
        boost(Reason::TechnicalFault, 2);
        boost(Reason::Payment, 2);
    }
    a.reason = Reason(m_random.weighted(reasons));
    const Skill skill = skillFor(a.reason);

    // Where it queued.
    QueueKind kind = QueueKind::Voice;
    switch (channel) {
    case Channel::Voice:
        kind = QueueKind::Voice;
        break;
    case Channel::Callback:
        kind = QueueKind::Callback;
        break;
    case Channel::Chat:
        kind = QueueKind::Chat;
        break;
    case Channel::Email:
        kind = QueueKind::Email;
        break;
    case Channel::Sms:
    case Channel::Social:
        kind = QueueKind::Messaging;
        break;
    case Channel::Forum:
        kind = QueueKind::Forum;
        break;
    case Channel::SelfService:
        break;
    }
    a.queue
        = channel == Channel::SelfService ? nullptr : &m_queues[std::size_t(queueFor(kind, skill, language))];

    // How long it waited and took.
    qint64 wait = 0;
    qint64 handle = 0;
    a.answered = true;
    bool needsAgent = true;
    const qint64 talk = skill == Technical || skill == Sales ? m_random.range(300, 1500)
        : skill == Billing || skill == Retention             ? m_random.range(180, 1000)
                                                             : m_random.range(120, 720);
    switch (channel) {
    case Channel::Voice:
        if (a.inbound) {
            static constexpr int kWaitBands[] { 70, 22, 8 };
            static constexpr std::array<std::pair<int, int>, 3> kWaits { { { 0, 20 }, { 21, 90 },
                { 91, 600 } } };
            const auto [lo, hi] = kWaits[std::size_t(m_random.weighted(kWaitBands))];
            wait = m_random.range(lo, hi);
            if ((wait > 60 && m_random.percent(35)) || m_random.permille(15)) {
                a.answered = false;
                a.disposition = QStringLiteral("abandoned");
            }
        } else {
            wait = m_random.range(5, 30);
            if (m_random.percent(25)) {
                a.answered = false;
                a.disposition = QStringLiteral("no_answer");
            }
        }
        handle = talk;
        break;
    case Channel::Callback:
        wait = m_random.range(5, 40);
        if (m_random.percent(18)) {
            a.answered = false;
            a.disposition = QStringLiteral("no_answer");
        }
        handle = talk * 2 / 3;
        break;
    case Channel::Chat:
        wait = m_random.percent(80) ? m_random.range(3, 60) : m_random.range(61, 400);
        if ((wait > 120 && m_random.percent(30)) || m_random.permille(20)) {
            a.answered = false;
            a.disposition = QStringLiteral("abandoned");
        }
        handle = m_random.range(180, 1500);
        break;
    case Channel::Email:
        wait = !a.inbound          ? 0
            : m_random.percent(60) ? m_random.range(10 * kMinute, 4 * kHour)
                                   : m_random.range(4 * kHour, 48 * kHour);
        handle = a.inbound ? m_random.range(120, 900) : m_random.range(60, 300);
        break;
    case Channel::Sms:
        if (!a.inbound && m_random.percent(60)) {
            // Appointment and payment notifications: sent by the system.
            needsAgent = false;
            a.systemMessage = true;
            a.disposition = QStringLiteral("notification_sent");
        } else {
            wait = a.inbound ? m_random.range(60, 4 * kHour) : 0;
            handle = m_random.range(30, 240);
        }
        break;
    case Channel::Social:
        wait = m_random.range(5 * kMinute, 6 * kHour);
        handle = m_random.range(60, 600);
        break;
    case Channel::SelfService:
        needsAgent = false;
        handle = m_random.range(60, 900);
        a.disposition
            = m_random.percent(75) ? QStringLiteral("self_served") : QStringLiteral("transferred_to_agent");
        break;
    case Channel::Forum:
        wait = m_random.range(30 * kMinute, 72 * kHour);
        handle = m_random.range(120, 900);
        if (m_random.percent(30)) {
            needsAgent = false;
            a.disposition = QStringLiteral("answered_by_community");
        }
        break;
    }

    const bool abandoned = a.disposition == QLatin1String("abandoned");
    const int agentIndex = a.queue && needsAgent && !abandoned ? pickAgent(*a.queue) : -1;
    a.agent = agentIndex >= 0 ? &m_agents[std::size_t(agentIndex)] : nullptr;
    a.status = abandoned ? QStringLiteral("abandoned") : QStringLiteral("ended");
    std::optional<qint64> waitSeconds = wait;
    std::optional<qint64> handleSeconds;
    if (a.answered) {
        a.answeredAt = offeredAt + wait;
        a.endedAt = *a.answeredAt + handle;
        handleSeconds = handle;
    } else {
        a.endedAt = offeredAt + wait;
    }
    // The last minutes before the reference time are still in progress.
    const qint64 reachedAt = a.answeredAt.value_or(*a.endedAt);
    if (reachedAt > m_now) {
        a.status = QStringLiteral("queued");
        a.answered = false;
        a.answeredAt.reset();
        a.endedAt.reset();
        waitSeconds.reset();
        handleSeconds.reset();
        a.disposition.clear();
        a.agent = nullptr;
    } else if (*a.endedAt > m_now) {
        a.status = QStringLiteral("active");
        a.endedAt.reset();
        handleSeconds.reset();
    } else if (a.answered && channel == Channel::Voice && *a.endedAt + 45 > m_now) {
        a.status = QStringLiteral("wrap_up"); // after-call work
    }
    a.handleSeconds = handleSeconds.value_or(0);
    const bool finished = a.status == QLatin1String("ended") || a.status == QLatin1String("wrap_up");

    // How it ended, and how the customer felt about it.
    if (finished && a.answered && a.disposition.isEmpty()) {
        static const char* const kDispositions[] { "resolved", "follow_up", "escalated", "callback_scheduled",
            "transferred", "information_sent", "sale", "retained", "cancelled" };
        std::array<int, 9> weights { 62, 10, 8, 6, 6, 8, 0, 0, 0 };
        if (a.reason == Reason::NewContract || a.reason == Reason::PlanChange)
            weights = { 30, 15, 0, 6, 4, 0, 45, 0, 0 };
        else if (a.reason == Reason::Cancellation)
            weights = { 0, 10, 10, 5, 0, 0, 0, 35, 40 };
        else if (a.reason == Reason::Complaint)
            weights = { 40, 15, 30, 10, 5, 0, 0, 0, 0 };
        a.disposition = QString::fromLatin1(kDispositions[m_random.weighted(weights)]);
    }
    static constexpr int kReasonMood[] { -15, -30, 0, -40, 35, -15, -60, 20, -5, 20 };
    double mood = kReasonMood[std::size_t(a.reason)] / 100.0;
    static const QHash<QString, double> kOutcomeMood {
        { QStringLiteral("resolved"), 0.25 },
        { QStringLiteral("sale"), 0.3 },
        { QStringLiteral("retained"), 0.15 },
        { QStringLiteral("information_sent"), 0.15 },
        { QStringLiteral("self_served"), 0.2 },
        { QStringLiteral("escalated"), -0.2 },
        { QStringLiteral("follow_up"), -0.05 },
        { QStringLiteral("transferred"), -0.1 },
        { QStringLiteral("cancelled"), -0.15 },
        { QStringLiteral("abandoned"), -0.35 },
    };
    mood += kOutcomeMood.value(a.disposition, 0.0);
    if ((channel == Channel::Voice || channel == Channel::Chat) && wait > 120)
        mood -= 0.15;
    a.sentiment = hundredths(mood + m_random.bell() * 0.35);

    a.context = contextFor(a.customer, a.agent, offeredAt, language);
    fixTopic(a.context);
    a.customerName = a.customer ? a.context.customerFullName : QString();
    a.subject = DemoTexts::subject(a.reason, a.context, m_random);

    Interaction interaction;
    if (a.customer)
        interaction.customerId = a.customer->id;
    interaction.channel = channel;
    interaction.inbound = a.inbound;
    interaction.status = a.status;
    if (a.queue)
        interaction.queueId = a.queue->id;
    if (a.agent)
        interaction.agentId = a.agent->id;
    if (a.agent)
        interaction.siteId = m_sites[std::size_t(a.agent->site)].id;
    else if (a.queue)
        interaction.siteId = m_sites[std::size_t(a.queue->site)].id;
    interaction.subject = a.subject;
    interaction.language = QString::fromLatin1(DemoTexts::languageKey(language));
    interaction.offeredAt = offeredAt;
    interaction.answeredAt = a.answeredAt;
    interaction.endedAt = a.endedAt;
    interaction.waitSeconds = waitSeconds;
    interaction.handleSeconds = handleSeconds;
    interaction.disposition = a.disposition;
    interaction.contactReason = QString::fromLatin1(DemoTexts::reasonKey(a.reason));
    // Speech and text analytics score what was said; nothing was, yet, in a queued contact.
    if (a.status != QLatin1String("queued") && !a.systemMessage)
        interaction.sentiment = a.sentiment;
    const int csatPercent = channel == Channel::Chat ? 30 : 20;
    if (finished && a.answered && a.customer && needsAgent && m_random.percent(csatPercent))
        interaction.csat = std::clamp<qint64>(qRound(3 + 2.2 * a.sentiment + m_random.bell() * 0.8), 1, 5);
    if (a.disposition == QLatin1String("sale"))
        interaction.revenue
            = a.reason == Reason::NewContract ? m_random.real(120, 1200) : m_random.real(24, 360);
    a.id = m_store.addInteraction(interaction);
    ++m_summary.interactions;
    qint64 rows = 1;

    if (isTextChannel(channel) && offeredAt >= m_transcriptsFrom) {
        const qint64 before = m_summary.messages;
        writeMessages(a);
        rows += m_summary.messages - before;
    }
    qint64 ticketId = 0;
    if (a.customer
        && (a.disposition == QLatin1String("escalated") || a.disposition == QLatin1String("follow_up"))) {
        ticketId = writeTicket(a);
        ++rows;
    }
    if (a.customer && a.disposition == QLatin1String("callback_scheduled")) {
        writeCallback(a);
        ++rows;
    }
    if (channel == Channel::Social && a.customer)
        rows += writeLinkedSocial(a, ticketId);
    rowsWritten(rows, 1);
}

void DemoDataGenerator::writeMessages(Activity& a)
{
    struct Turn
    {
        const char* author;
        QString name;
        QString body;
        std::optional<double> sentiment;
    };
    std::vector<Turn> turns;
    const DemoTexts::Context& context = a.context;
    const QString agentName = a.agent ? a.agent->displayName : QString();
    const auto customerTurn = [&](const QString& body, std::optional<double> sentiment) {
        turns.push_back(Turn { "customer", a.customerName, body, sentiment });
    };
    const auto agentTurn = [&](const QString& body) {
        turns.push_back(Turn { "agent", agentName, body, m_random.real(0.2, 0.6) });
    };

    if (a.systemMessage) {
        turns.push_back(Turn { "system", QStringLiteral("Lumenet"),
            DemoTexts::smsNotification(a.reason, context, m_random), std::nullopt });
        if (m_random.percent(15))
            customerTurn(DemoTexts::customerThanks(context, m_random), m_random.real(0.2, 0.5));
    } else if (!a.inbound) {
        // We wrote first: a follow-up or an offer; the customer may answer.
        const QString opening = DemoTexts::agentReply(a.reason, context, m_random);
        agentTurn(a.channel == Channel::Email ? DemoTexts::agentEmail(opening, context, m_random) : opening);
        if (a.answered && m_random.percent(50))
            customerTurn(a.sentiment > 0 ? DemoTexts::customerThanks(context, m_random)
                                         : DemoTexts::customerStillUnhappy(context, m_random),
                a.sentiment);
    } else {
        // A customer's first words: a complaint when the mood is bad, a
        // question otherwise, and now and then straight praise on social.
        QString opening;
        const bool praised = a.channel == Channel::Social && a.sentiment > 0.4 && m_random.percent(50);
        const bool complained = !praised && (a.reason == Reason::Complaint || a.sentiment < -0.3);
        if (praised)
            opening = DemoTexts::socialPost(DemoTexts::Tone::Praise, context, m_random);
        else if (complained)
            opening = DemoTexts::customerComplaint(a.reason, context, m_random);
        else
            opening = DemoTexts::customerQuestion(a.reason, context, m_random);
        if (a.channel == Channel::Social && !opening.contains(QLatin1String("@Lumenet")))
            opening = QStringLiteral("@Lumenet ") + opening;
        const QString shown
            = a.channel == Channel::Email ? DemoTexts::customerEmail(opening, context, m_random) : opening;
        if (a.channel == Channel::Chat && m_random.percent(40))
            turns.push_back(Turn {
                "bot", QStringLiteral("Lumi"), DemoTexts::botGreeting(context, m_random), std::nullopt });
        customerTurn(shown, a.sentiment);
        if (a.answered) {
            // One to four messages in all; most conversations have two or three.
            static constexpr int kLengths[] { 10, 35, 30, 25 };
            const std::size_t length = std::size_t(1 + m_random.weighted(kLengths));
            if (turns.size() < length) {
                // In public, the brand thanks or apologises; questions get an answer.
                const QString reply = a.channel == Channel::Social && (praised || complained)
                    ? DemoTexts::socialReply(praised, context, m_random)
                    : DemoTexts::agentReply(a.reason, context, m_random);
                agentTurn(
                    a.channel == Channel::Email ? DemoTexts::agentEmail(reply, context, m_random) : reply);
            }
            if (turns.size() < length) {
                if (a.sentiment > 0.3)
                    customerTurn(m_random.percent(60) ? DemoTexts::customerPraise(context, m_random)
                                                      : DemoTexts::customerThanks(context, m_random),
                        m_random.real(0.5, 0.95));
                else if (a.sentiment < -0.35)
                    customerTurn(
                        DemoTexts::customerStillUnhappy(context, m_random), m_random.real(-0.9, -0.5));
                else
                    customerTurn(DemoTexts::customerThanks(context, m_random), m_random.real(0.1, 0.5));
            }
            if (turns.size() < length)
                agentTurn(DemoTexts::agentClosing(context, m_random));
        }
    }

    // The first message arrives when the contact is offered; replies after
    // it is answered, spread over the handling time.
    const qint64 start = a.answeredAt.value_or(a.offeredAt);
    const std::size_t count = turns.size();
    for (std::size_t i = 0; i < count; ++i) {
        const qint64 sentAt = i == 0 ? a.offeredAt : start + a.handleSeconds * qint64(i) / qint64(count);
        if (sentAt > m_now)
            break;
        m_store.addMessage(a.id, sentAt, QString::fromLatin1(turns[i].author), turns[i].name, turns[i].body,
            turns[i].sentiment);
        ++m_summary.messages;
    }
    for (const Turn& turn : turns) {
        if (qstrcmp(turn.author, "customer") == 0) {
            a.firstCustomerText = turn.body;
            break;
        }
    }
}

qint64 DemoDataGenerator::writeTicket(const Activity& a)
{
    const qint64 created = a.endedAt.value_or(a.offeredAt);
    const qint64 age = m_now - created;
    const char* status = "new";
    if (age > 45 * kDay) {
        static constexpr int w[] { 85, 15 };
        static const char* const s[] { "closed", "solved" };
        status = s[m_random.weighted(w)];
    } else if (age > 7 * kDay) {
        static constexpr int w[] { 50, 30, 15, 5 };
        static const char* const s[] { "solved", "closed", "pending", "open" };
        status = s[m_random.weighted(w)];
    } else {
        static constexpr int w[] { 25, 40, 25, 10 };
        static const char* const s[] { "new", "open", "pending", "solved" };
        status = s[m_random.weighted(w)];
    }
    static const char* const kPriorities[] { "low", "normal", "high", "urgent" };
    std::array<int, 4> weights { 15, 65, 15, 5 };
    if (a.reason == Reason::Complaint || a.reason == Reason::Cancellation || (a.customer && a.customer->vip))
        weights = { 0, 45, 45, 10 };
    if (a.incident && a.reason == Reason::TechnicalFault)
        weights = { 0, 30, 40, 30 };
    const int priority = m_random.weighted(weights);
    static constexpr qint64 kSla[] { 7 * kDay, 3 * kDay, kDay, 4 * kHour };
    std::optional<qint64> assignee;
    if (qstrcmp(status, "new") != 0 || m_random.percent(50)) {
        if (a.agent && m_random.percent(60))
            assignee = a.agent->id;
        else if (a.queue)
            assignee = m_agents[std::size_t(pickAgent(*a.queue))].id;
    }
    const qint64 updated
        = qstrcmp(status, "new") == 0 ? created : created + m_random.below(std::max<qint64>(1, age));
    m_store.db()
        .cached("INSERT INTO tickets(customer_id, interaction_id, queue_id, assignee_id, subject, "
                "description, status,"
                " priority, created_at, updated_at, due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, a.customer->id)
        .bind(2, a.id)
        .bind(3, a.queue ? std::optional<qint64>(a.queue->id) : std::nullopt)
        .bind(4, assignee)
        .bind(5, a.subject)
        .bind(6, DemoTexts::ticketDescription(a.reason, a.context, m_random))
        .bind(7, status)
        .bind(8, kPriorities[priority])
        .bind(9, created)
        .bind(10, updated)
        .bind(11, created + kSla[priority])
        .run();
    ++m_summary.tickets;
    return m_store.db().lastInsertId();
}

qint64 DemoDataGenerator::businessHours(qint64 t) const
{
    // Callbacks are due between 9:00 and 19:00 local time.
    const qint64 local = t + kLocalOffset;
    const qint64 midnight = local - local % kDay;
    const qint64 hour = local % kDay / kHour;
    qint64 adjusted = local;
    if (hour < 9)
        adjusted = midnight + 9 * kHour + local % kHour;
    else if (hour >= 19)
        adjusted = midnight + kDay + 9 * kHour + local % kHour;
    return adjusted - kLocalOffset;
}

void DemoDataGenerator::writeCallback(const Activity& a)
{
    const qint64 requested = a.endedAt.value_or(a.offeredAt);
    const qint64 due = businessHours(requested + m_random.range(30 * kMinute, 2 * kDay));
    const char* status = "scheduled";
    if (due < m_now) {
        static constexpr int w[] { 80, 12, 8 };
        static const char* const s[] { "completed", "failed", "cancelled" };
        status = s[m_random.weighted(w)];
    }
    const Language language = a.context.language;
    const Queue& queue = m_queues[std::size_t(queueFor(QueueKind::Callback, -1, language))];
    std::optional<qint64> agent;
    if (qstrcmp(status, "scheduled") != 0 || m_random.percent(50))
        agent = a.agent && m_random.percent(50) ? a.agent->id : m_agents[std::size_t(pickAgent(queue))].id;
    const DemoTexts::City& city = DemoTexts::cities(Language(a.customer->language)).at(a.customer->city);
    const QString note = (language == DemoTexts::Italian ? QStringLiteral("Richiamare il cliente: ")
                                                         : QStringLiteral("Call back about: "))
        + a.subject;
    m_store.db()
        .cached("INSERT INTO callbacks(customer_id, phone, queue_id, agent_id, requested_at, due_at, status, "
                "note,"
                " interaction_id) VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, a.customer->id)
        .bind(2, phoneE164(a.customer->phoneKind, 2 * a.ordinal, city.name, m_seed))
        .bind(3, queue.id)
        .bind(4, agent)
        .bind(5, requested)
        .bind(6, due)
        .bind(7, status)
        .bind(8, note)
        .bind(9, a.id) // the contact that asked for it
        .run();
    ++m_summary.callbacks;
}

namespace {

struct SocialPost
{
    QString externalId;
    QString url;
};

// Ids and links in each network's own shape; the counter keeps them unique.
SocialPost socialPostIds(int network, const QString& handle, qint64 postedAt, qint64 counter, quint64 seed)
{
    switch (network) {
    case 0: { // x: a snowflake id, milliseconds since 2010-11-04 shifted left 22 bits
        const qint64 id
            = (std::max<qint64>(0, postedAt * 1000 - 1'288'834'974'657) << 22) | (counter & 0x3fffff);
        return { QString::number(id), QStringLiteral("https://x.com/%1/status/%2").arg(handle).arg(id) };
    }
    case 1: {
        const QString id = QStringLiteral("104857600123456_%1").arg(900'000'000'000'000 + counter);
        return { id,
            QStringLiteral("https://www.facebook.com/%1/posts/%2")
                .arg(handle, id.section(QLatin1Char('_'), 1)) };
    }
    default: {
        static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        quint64 bits = DemoRandom::mix(quint64(counter) ^ (seed << 32));
        QString code;
        for (int i = 0; i < 11; ++i, bits >>= 6)
            code += QLatin1Char(kAlphabet[bits & 63]);
        return { code, QStringLiteral("https://www.instagram.com/p/%1/").arg(code) };
    }
    }
}

} // namespace

qint64 DemoDataGenerator::writeLinkedSocial(const Activity& a, qint64 ticketId)
{
    const CustomerRow& customer = *a.customer;
    const int network = customer.network - 1;
    const QString handle = handleOf(a.ordinal, customer);
    static constexpr int kKinds[] { 60, 25, 15 };
    static const char* const kKindKeys[] { "mention", "direct_message", "comment" };
    const char* kind = kKindKeys[m_random.weighted(kKinds)];
    std::optional<qint64> parent;
    std::vector<qint64>& recent = m_recentPosts[std::size_t(network)];
    if (qstrcmp(kind, "comment") == 0 && !recent.empty())
        parent = recent[std::size_t(m_random.below(qint64(recent.size())))];
    const char* intent = a.reason == Reason::NewContract || a.reason == Reason::PlanChange ? "purchase_intent"
        : a.reason == Reason::Cancellation                                                 ? "churn_risk"
        : a.sentiment > 0.4                                                                ? "praise"
        : a.sentiment < -0.3 || a.reason == Reason::Complaint                              ? "complaint"
                                                                                           : "question";
    QString body = a.firstCustomerText;
    if (body.isEmpty()) {
        body = a.sentiment < -0.3 ? DemoTexts::socialPost(DemoTexts::Tone::Complaint, a.context, m_random)
                                  : DemoTexts::socialPost(DemoTexts::Tone::Question, a.context, m_random);
    }
    // A stable follower count per customer; most have a few hundred, a few are influencers.
    const quint64 h = DemoRandom::mix(quint64(a.ordinal) ^ m_seed);
    const qint64 bucket = qint64(h % 1000);
    const qint64 followers = bucket < 700 ? 20 + qint64(h >> 20) % 800
        : bucket < 950                    ? 800 + qint64(h >> 20) % 4200
        : bucket < 995                    ? 5000 + qint64(h >> 20) % 45000
                                          : 50000 + qint64(h >> 20) % 200000;
    const SocialPost ids = socialPostIds(network, handle, a.offeredAt, m_socialCounter++, m_seed);
    const bool direct = qstrcmp(kind, "direct_message") == 0;
    Statement& insert = m_store.db().cached(
        "INSERT INTO social_activity(customer_id, network, kind, external_id, parent_id, author_handle,"
        " author_followers, body, url, posted_at, sentiment, intent, ticket_id) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, customer.id)
        .bind(2, kNetworks[std::size_t(network)])
        .bind(3, kind)
        .bind(4, ids.externalId)
        .bind(5, parent)
        .bind(6, handle)
        .bind(7, followers)
        .bind(8, body)
        .bind(9, direct ? QString() : ids.url) // direct messages have no public link
        .bind(10, a.offeredAt)
        .bind(11, a.sentiment)
        .bind(12, intent)
        .bind(13, ticketId > 0 ? std::optional<qint64>(ticketId) : std::nullopt)
        .run();
    const qint64 postId = m_store.db().lastInsertId();
    ++m_summary.socialActivities;
    if (!direct) {
        if (recent.size() < 64)
            recent.push_back(postId);
        else
            recent[std::size_t(m_socialCounter % 64)] = postId;
    }
    // The brand answers public posts in public, under the post.
    if (!direct && a.answered && a.answeredAt && m_random.percent(50)) {
        const SocialPost reply
            = socialPostIds(network, QStringLiteral("lumenet"), *a.answeredAt, m_socialCounter++, m_seed);
        insert.bind(1, customer.id)
            .bind(2, kNetworks[std::size_t(network)])
            .bind(3, "comment")
            .bind(4, reply.externalId)
            .bind(5, postId)
            .bind(6, a.context.language == DemoTexts::Italian ? "lumenet" : "lumenet_uk")
            .bind(7, a.context.language == DemoTexts::Italian ? 48210 : 21877)
            .bind(8, DemoTexts::socialReply(a.sentiment > 0.4, a.context, m_random))
            .bind(9, reply.url)
            .bind(10, *a.answeredAt)
            .bind(11, 0.5)
            .bind(12, "response")
            .bindNull(13)
            .run();
        ++m_summary.socialActivities;
        return 2;
    }
    return 1;
}

void DemoDataGenerator::writeSocialNoise(qint64 postedAt)
{
    // Half the chatter comes from customers we know by their handle, the rest
    // from people we cannot (yet) tie to a customer.
    qint64 ordinal = -1;
    for (int attempt = 0; attempt < 3 && ordinal < 0; ++attempt) {
        const qint64 candidate = pickCustomer(postedAt);
        if (candidate >= 0 && m_customers[std::size_t(candidate)].network != 0)
            ordinal = candidate;
    }
    const CustomerRow* customer = ordinal >= 0 ? &m_customers[std::size_t(ordinal)] : nullptr;
    const int network = customer ? customer->network - 1 : m_random.weighted(kNetworkWeights);
    const Language language
        = customer ? Language(customer->language) : Language(m_random.percent(65) ? 0 : 1);
    QString handle;
    if (customer) {
        handle = handleOf(ordinal, *customer);
    } else {
        static const char* const kSuffixes[] { "_official", "_fan", "74", "_travels", "_mum", "_dad", "x",
            "_ph" };
        const bool female = m_random.percent(50);
        const QString first = DemoTexts::asciiFold(m_random.pick(DemoTexts::firstNames(language, female)))
                                  .remove(QLatin1Char(' '));
        handle = first + QLatin1String(m_random.pick(kSuffixes)) + QString::number(m_random.range(1, 9999));
    }

    static constexpr int kKindWeights[] { 15, 20, 15, 25, 10, 5, 10 };
    static const char* const kKinds[] { "post", "mention", "comment", "like", "share", "tag", "follow" };
    int kind = m_random.weighted(kKindWeights);
    std::vector<qint64>& recent = m_recentPosts[std::size_t(network)];
    const bool needsParent = kind == 2 || kind == 3 || kind == 4;
    if (needsParent && recent.empty())
        kind = 0; // nothing to react to yet: make it a post
    std::optional<qint64> parent;
    if (kind == 2 || kind == 3 || kind == 4)
        parent = recent[std::size_t(m_random.below(qint64(recent.size())))];

    const bool hasText = kind == 0 || kind == 1 || kind == 2 || kind == 5;
    QString body;
    std::optional<double> sentiment;
    const char* intent = nullptr;
    if (hasText) {
        static constexpr int kToneWeights[] { 25, 35, 25, 15 };
        const auto tone = DemoTexts::Tone(m_random.weighted(kToneWeights));
        DemoTexts::Context context = contextFor(customer, nullptr, postedAt, language);
        context.agentFirstName = m_agents.empty()
            ? QStringLiteral("Giulia")
            : m_agents[std::size_t(m_random.below(qint64(m_agents.size())))].firstName;
        body = DemoTexts::socialPost(tone, context, m_random);
        switch (tone) {
        case DemoTexts::Tone::Praise:
            sentiment = m_random.real(0.4, 0.95);
            intent = "praise";
            break;
        case DemoTexts::Tone::Complaint:
            sentiment = m_random.real(-0.95, -0.3);
            intent = "complaint";
            break;
        case DemoTexts::Tone::Question:
            sentiment = m_random.real(-0.2, 0.2);
            intent = "question";
            break;
        case DemoTexts::Tone::Neutral:
            sentiment = m_random.real(-0.1, 0.3);
            break;
        }
    }
    const qint64 followers = m_random.percent(95) ? m_random.range(0, 3000) : m_random.range(3000, 120000);
    SocialPost ids;
    if (kind != 3 && kind != 6) // likes and follows have no id or link of their own
        ids = socialPostIds(network, handle, postedAt, m_socialCounter++, m_seed);
    m_store.db()
        .cached(
            "INSERT INTO social_activity(customer_id, network, kind, external_id, parent_id, author_handle,"
            " author_followers, body, url, posted_at, sentiment, intent, ticket_id) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, customer ? std::optional<qint64>(customer->id) : std::nullopt)
        .bind(2, kNetworks[std::size_t(network)])
        .bind(3, kKinds[kind])
        .bind(4, ids.externalId)
        .bind(5, parent)
        .bind(6, handle)
        .bind(7, followers)
        .bind(8, body)
        .bind(9, ids.url)
        .bind(10, postedAt)
        .bind(11, sentiment)
        .bind(12, intent)
        .bindNull(13)
        .run();
    ++m_summary.socialActivities;
    if (kind == 0 || kind == 1 || kind == 5) {
        const qint64 id = m_store.db().lastInsertId();
        if (recent.size() < 64)
            recent.push_back(id);
        else
            recent[std::size_t(m_socialCounter % 64)] = id;
    }
}

// ---------------------------------------------------------------------------
// Today's agenda: callbacks customers asked for that are still to be made.

void DemoDataGenerator::writeAgenda()
{
    const qint64 count = std::max<qint64>(6, m_size.customers / 400);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 requested = m_now - m_random.range(10 * kMinute, kDay);
        const qint64 ordinal = pickCustomer(requested);
        if (ordinal < 0)
            continue;
        const CustomerRow& customer = m_customers[std::size_t(ordinal)];
        const Language language = Language(customer.language);
        const Queue& queue = m_queues[std::size_t(queueFor(QueueKind::Callback, -1, language))];
        // The first is being dialled right now; the rest are due over the next two days.
        const bool dialing = i == 0;
        const qint64 due
            = dialing ? m_now - 30 : businessHours(m_now + m_random.range(15 * kMinute, 2 * kDay));
        std::optional<qint64> agent;
        if (dialing || m_random.percent(40))
            agent = m_agents[std::size_t(pickAgent(queue))].id;
        const DemoTexts::Context context = contextFor(&customer, nullptr, requested, language);
        const QString note = (language == DemoTexts::Italian ? QStringLiteral("Richiesta dal sito web: ")
                                                             : QStringLiteral("Requested on the website: "))
            + DemoTexts::subject(Reason(m_random.below(DemoTexts::kReasonCount)), context, m_random);
        const DemoTexts::City& city = DemoTexts::cities(language).at(customer.city);
        m_store.db()
            .cached("INSERT INTO callbacks(customer_id, phone, queue_id, agent_id, requested_at, due_at, "
                    "status, note,"
                    " interaction_id) VALUES (?,?,?,?,?,?,?,?,?)")
            .bind(1, customer.id)
            .bind(2, phoneE164(customer.phoneKind, 2 * ordinal, city.name, m_seed))
            .bind(3, queue.id)
            .bind(4, agent)
            .bind(5, requested)
            .bind(6, due)
            .bind(7, dialing ? "dialing" : "scheduled")
            .bind(8, note)
            .bindNull(9)
            .run();
        ++m_summary.callbacks;
        rowsWritten(1);
    }
}
