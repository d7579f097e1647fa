#include "TrafficSimulator.h"

#include "ApiError.h"
#include "CallbackScheduler.h"
#include "ContactCentre.h"
#include "EventBroadcaster.h"
#include "HubClock.h"
#include "HubLogging.h"
#include "InteractionWorkflow.h"
#include "Router.h"
#include "SocialIntake.h"
#include "identity/IdentityNormalizer.h"
#include "SqliteHubStorage.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <cmath>

using Reason = DemoTexts::Reason;

namespace {

constexpr qint64 kMinute = 60;
// How long the actions of one timer shot may run before the event loop
// gets a turn: HTTP clients and event streams must not wait behind a
// backlog at high --sim-speed (an action is a transaction and its fan-out,
// a few milliseconds with thousands of agents: a count of actions would let
// a burst hold the hub for half a second).
constexpr qint64 kTickBudgetNs = 10'000'000;

// Share of the peak rate by hour of the day in Rome, where the centre's
// customers live: a first peak mid-morning, a dip at lunch, a second peak
// early in the afternoon, almost nothing at night.
constexpr std::array<double, 25> kDayShape { 0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.10, 0.25, 0.55, 0.85, 1.00,
    0.95, 0.70, 0.65, 0.90, 0.85, 0.70, 0.55, 0.40, 0.28, 0.20, 0.14, 0.08, 0.05, 0.03 };

double dayShape(qint64 hubMs)
{
    static const QTimeZone rome(QByteArrayLiteral("Europe/Rome"));
    const QDateTime local = rome.isValid() ? QDateTime::fromMSecsSinceEpoch(hubMs, rome)
                                           : QDateTime::fromMSecsSinceEpoch(hubMs);
    const QTime time = local.time();
    const double hour = time.hour() + time.minute() / 60.0;
    const int h = int(hour);
    const double shape = kDayShape[std::size_t(h)] + (kDayShape[std::size_t(h + 1)] - kDayShape[std::size_t(h)]) * (hour - h);
    const int weekday = local.date().dayOfWeek();
    return shape * (weekday == 7 ? 0.3 : weekday == 6 ? 0.5 : 1.0);
}

// The skill queue a reason lands in, as in the demo data.
const char* skillFor(Reason reason)
{
    switch (reason) {
    case Reason::Billing:
    case Reason::Payment:
        return "billing";
    case Reason::TechnicalFault:
        return "technical";
    case Reason::NewContract:
    case Reason::PlanChange:
        return "sales";
    case Reason::Cancellation:
        return "retention";
    case Reason::Relocation:
        return "moves";
    case Reason::Delivery:
        return "logistics";
    case Reason::Complaint:
    case Reason::Information:
        return "care";
    }
    return "care";
}

// How customers feel when they get in touch, by reason (-1..1).
double moodFor(Reason reason)
{
    static constexpr std::array<int, DemoTexts::kReasonCount> kMood { -15, -30, 0, -40, 35, -15, -60, 20, -5, 20 };
    return kMood[std::size_t(reason)] / 100.0;
}

bool isWritten(const QString& channel)
{
    return channel == QLatin1String("chat") || channel == QLatin1String("email") || channel == QLatin1String("sms")
        || channel == QLatin1String("social");
}

double clampUnit(double value)
{
    return std::round(std::clamp(value, -1.0, 1.0) * 100.0) / 100.0;
}

} // namespace

TrafficSimulator::TrafficSimulator(SqliteHubStorage& storage, EventBroadcaster& events, ContactCentre& centre,
    const HubOptions& options, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_events(events)
    , m_centre(centre)
    , m_clock(centre.clock())
    , m_callbacks(centre.callbacks())
    , m_options(options)
    , m_random(options.seed)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TrafficSimulator::tick);
    connect(&centre.router(), &Router::offered, this,
        [this](qint64 interactionId, qint64 agentId, qint64) { offered(interactionId, agentId); });
    connect(&m_events, &EventBroadcaster::changePublished, this, &TrafficSimulator::follow);
}

TrafficSimulator::~TrafficSimulator() = default;

// --- the agenda --------------------------------------------------------------

void TrafficSimulator::at(qint64 hubMs, std::function<void()> action)
{
    m_agenda.emplace(hubMs, std::move(action));
    if (m_armedFor < 0 || hubMs < m_armedFor)
        arm();
}

void TrafficSimulator::after(qint64 hubSeconds, std::function<void()> action)
{
    at(m_clock.nowMs() + hubSeconds * 1000, std::move(action));
}

void TrafficSimulator::arm()
{
    if (m_agenda.empty()) {
        m_timer.stop();
        m_armedFor = -1;
        return;
    }
    m_armedFor = m_agenda.begin()->first;
    m_timer.start(m_clock.realDelayMs(m_armedFor - m_clock.nowMs()));
}

void TrafficSimulator::tick()
{
    m_armedFor = -1;
    const qint64 now = m_clock.nowMs();
    QElapsedTimer budget;
    budget.start();
    bool outOfTime = false;
    while (!m_agenda.empty() && m_agenda.begin()->first <= now) {
        if (budget.nsecsElapsed() > kTickBudgetNs) {
            outOfTime = true;
            break;
        }
        std::function<void()> action = std::move(m_agenda.begin()->second);
        m_agenda.erase(m_agenda.begin());
        try {
            action();
        } catch (const ApiError& error) {
            // The world moved on (a human took it, the customer left): skip.
            qCDebug(lcHubSim) << "skipped:" << error.message();
        } catch (const StoreError& error) {
            qCWarning(lcHubSim) << "a simulated action failed:" << error.message();
        }
    }
    if (outOfTime) {
        m_armedFor = m_agenda.begin()->first;
        m_timer.start(0); // more is due: let HTTP in first, then continue
        return;
    }
    arm();
}

void TrafficSimulator::write(const std::function<QList<ChangeRecord>(InteractionWorkflow&)>& body)
{
    InteractionWorkflow workflow(m_storage);
    const QList<ChangeRecord> changes = m_storage.runInternal([&] { return body(workflow); });
    m_events.publishChanges(changes);
}

// --- start -------------------------------------------------------------------

void TrafficSimulator::start()
{
    m_firstCustomer = m_storage.db().scalar("SELECT coalesce(min(id), 0) FROM customers");
    m_lastCustomer = m_storage.db().scalar("SELECT coalesce(max(id), 0) FROM customers");
    takeOver();
    for (Arrival kind :
        { Arrival::Call, Arrival::Chat, Arrival::Email, Arrival::Sms, Arrival::Social, Arrival::Callback })
        scheduleArrival(kind);
    after(3600, [this] { logSummary(); });
    qCInfo(lcHubSim).noquote() << QStringLiteral(
        "simulating %1 agents; peak arrivals per hour: calls %2, chats %3, e-mails %4, SMS %5, social %6, "
        "callbacks %7; speed x%8, seed %9")
                                      .arg(m_agents.size())
                                      .arg(m_options.rates.calls)
                                      .arg(m_options.rates.chats)
                                      .arg(m_options.rates.emails)
                                      .arg(m_options.rates.sms)
                                      .arg(m_options.rates.social)
                                      .arg(m_options.rates.callbacks)
                                      .arg(m_options.simSpeed)
                                      .arg(m_options.seed);
}

void TrafficSimulator::takeOver()
{
    // The staff: agents who answer contacts and whom no hub user speaks for.
    Statement& st = m_storage.db().cached(
        "SELECT a.id, a.display_name, a.state FROM agents a WHERE a.role = 'agent' AND a.skills <> '' "
        "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.agent_id = a.id) ORDER BY a.id");
    QList<QPair<qint64, QString>> states;
    while (st.step()) {
        const QString name = st.text(1);
        m_agents.insert(st.int64(0), Agent { st.int64(0), name, name.section(QLatin1Char(' '), 0, 0) });
        states.append({ st.int64(0), st.text(2) });
    }
    st.reset();

    InteractionWorkflow workflow(m_storage);
    QList<qint64> makeReady;
    for (const auto& [agentId, state] : states) {
        const std::optional<InteractionRow> live = workflow.liveInteractionOf(agentId);
        if (live && live->status == QLatin1String("wrap_up")) {
            after(m_random.range(5, 60), [this, id = live->id] { wrapUp(id); });
        } else if (live && live->status != QLatin1String("offered")) {
            after(m_random.range(20, 240), [this, id = live->id] { finish(id); });
        } else if (state == QLatin1String("busy") || state == QLatin1String("after_call_work")) {
            makeReady.append(agentId); // the demo's snapshot, with nothing in hand
        } else if (state == QLatin1String("not_ready")) {
            after(m_random.range(2, 20) * kMinute, [this, agentId] { setState(agentId, QStringLiteral("ready"), {}); });
        } else if (state == QLatin1String("logged_out")) {
            // The shift starts over the next half hour.
            after(m_random.range(1, 30 * kMinute), [this, agentId] { setState(agentId, QStringLiteral("ready"), {}); });
        }
        after(m_random.range(20, 60) * kMinute, [this, agentId] { shift(agentId); });
    }
    if (!makeReady.isEmpty()) {
        const qint64 now = m_clock.nowSecs();
        write([&](InteractionWorkflow& w) {
            QList<ChangeRecord> changes;
            for (qint64 id : makeReady)
                changes.append(w.setAgentState(id, QStringLiteral("ready"), QString(), now));
            return changes;
        });
    }
}

// --- arrivals ----------------------------------------------------------------

void TrafficSimulator::scheduleArrival(Arrival kind)
{
    const HubOptions::Rates& r = m_options.rates;
    const double perHour = kind == Arrival::Call ? r.calls
        : kind == Arrival::Chat                  ? r.chats
        : kind == Arrival::Email                 ? r.emails
        : kind == Arrival::Sms                   ? r.sms
        : kind == Arrival::Social                ? r.social
                                                 : r.callbacks;
    if (perHour <= 0)
        return;
    // A Poisson process whose rate follows the day, by thinning: candidates
    // at the peak rate, each kept with the share of the peak at its time.
    qint64 t = m_clock.nowMs();
    for (int guard = 0; guard < 100000; ++guard) {
        t += qint64(-std::log(1.0 - m_random.unit()) / perHour * 3600.0 * 1000.0) + 1;
        if (m_random.unit() < dayShape(t))
            break;
    }
    at(t, [this, kind] { arrive(kind); });
}

void TrafficSimulator::arrive(Arrival kind)
{
    scheduleArrival(kind);
    ++m_counters.arrivals;
    switch (kind) {
    case Arrival::Call:
        contact(QStringLiteral("voice"), true);
        break;
    case Arrival::Chat:
        contact(QStringLiteral("chat"), false);
        break;
    case Arrival::Email:
        contact(QStringLiteral("email"), false);
        break;
    case Arrival::Sms:
        contact(QStringLiteral("sms"), true);
        break;
    case Arrival::Social:
        socialActivity();
        break;
    case Arrival::Callback:
        callbackRequest();
        break;
    }
}

TrafficSimulator::Customer TrafficSimulator::pickCustomer(bool allowUnknown)
{
    Customer customer;
    if (m_lastCustomer > 0 && !(allowUnknown && m_random.percent(8))) {
        Statement& st = m_storage.db().cached("SELECT id, language, first_name, display_name, coalesce(city, ''), "
                                              "coalesce(country, '') FROM customers WHERE id >= ? ORDER BY id LIMIT 1");
        st.bind(1, m_random.range(m_firstCustomer, m_lastCustomer));
        if (st.step()) {
            customer.id = st.int64(0);
            customer.language = st.text(1) == QLatin1String("en") ? DemoTexts::English : DemoTexts::Italian;
            customer.firstName = st.text(2);
            customer.fullName = st.text(3);
            customer.city = st.text(4);
            customer.pounds = st.text(5) == QLatin1String("GB");
        }
        st.reset();
    }
    if (!customer.id) {
        // Someone the centre does not know yet (a new number, a guest chat).
        customer.language = m_random.percent(80) ? DemoTexts::Italian : DemoTexts::English;
        customer.firstName = m_random.pick(DemoTexts::firstNames(customer.language, m_random.percent(50)));
        customer.fullName = customer.firstName + QLatin1Char(' ') + m_random.pick(DemoTexts::lastNames(customer.language));
    }
    return customer;
}

Reason TrafficSimulator::pickReason()
{
    // Billing, fault, move, cancel, new contract, delivery, complaint, info, payment, plan change.
    static constexpr std::array<int, DemoTexts::kReasonCount> kWeights { 22, 18, 5, 5, 8, 8, 8, 12, 8, 6 };
    return Reason(m_random.weighted(kWeights));
}

void TrafficSimulator::contact(const QString& channel, bool allowUnknown)
{
    const Customer customer = pickCustomer(allowUnknown);
    const Reason reason = pickReason();
    const QString language = QString::fromLatin1(DemoTexts::languageKey(customer.language));
    InteractionWorkflow workflow(m_storage);
    const std::optional<qint64> queue = workflow.queueFor(channel, QString::fromLatin1(skillFor(reason)), language);
    if (!queue) {
        qCDebug(lcHubSim) << "no queue takes" << channel << "contacts; arrival dropped";
        return;
    }
    Contact contact;
    contact.reason = reason;
    contact.mood = moodFor(reason) + m_random.bell() * 0.3;
    DemoTexts::Context& context = contact.context;
    context.language = customer.language;
    context.customerFirstName = customer.firstName;
    context.customerFullName = customer.fullName;
    context.city = customer.city;
    context.pounds = customer.pounds;
    context.when = m_clock.nowSecs();
    context.reference = m_random.range(100000, 999999);
    context.amountCents = m_random.range(1500, 25000);
    context.daysAhead = int(m_random.range(1, 10));
    context.product = m_random.pick(DemoTexts::products(customer.language));

    NewInteraction interaction;
    interaction.channel = channel;
    interaction.customerId = customer.id;
    interaction.queueId = *queue;
    interaction.language = language;
    if (!customer.id) {
        // A stranger still writes or calls from somewhere: the offer names it
        // and the agent's desk offers to link it to a customer.
        const QString name = customer.fullName;
        static const QRegularExpression notLetter(QStringLiteral("[^a-z]"));
        const QString handle
            = customer.fullName.toLower().normalized(QString::NormalizationForm_KD).remove(notLetter);
        const bool english = customer.language == DemoTexts::English;
        if (channel == QLatin1String("email")) {
            interaction.from = ContactIdentity { QStringLiteral("email"),
                QStringLiteral("%1%2@example.net").arg(handle).arg(m_random.range(1, 99)), {}, name };
        } else if (channel == QLatin1String("chat")) {
            interaction.from = ContactIdentity { QStringLiteral("chat"),
                QStringLiteral("guest-%1").arg(m_random.range(100000, 999999)), QStringLiteral("webchat"), name };
        } else if (channel == QLatin1String("social")) {
            interaction.from = ContactIdentity { QStringLiteral("social"),
                QStringLiteral("%1_%2").arg(handle).arg(m_random.range(10, 99)), QStringLiteral("instagram"), name };
        } else {
            interaction.from = ContactIdentity { QStringLiteral("phone"),
                english ? QStringLiteral("+44 7700 9%1").arg(m_random.range(10000, 99999))
                        : QStringLiteral("+39 3%1 %2").arg(m_random.range(20, 99)).arg(m_random.range(1000000, 9999999)),
                {}, name };
        }
    }
    if (channel == QLatin1String("email") || channel == QLatin1String("voice"))
        interaction.subject = DemoTexts::subject(reason, context, m_random);
    const bool complaint = reason == Reason::Complaint || m_random.percent(10);
    const QString text = complaint ? DemoTexts::customerComplaint(reason, context, m_random)
                                   : DemoTexts::customerQuestion(reason, context, m_random);
    qint64 interactionId = 0;
    const qint64 now = m_clock.nowSecs();
    write([&](InteractionWorkflow& w) {
        QList<ChangeRecord> changes { w.create(interaction, now) };
        interactionId = changes.first().entityId;
        if (channel == QLatin1String("chat"))
            changes.append(w.addMessage(interactionId, QStringLiteral("bot"), QStringLiteral("Lumi"),
                DemoTexts::botGreeting(context, m_random), now));
        if (isWritten(channel)) {
            const QString body = channel == QLatin1String("email") ? DemoTexts::customerEmail(text, context, m_random) : text;
            changes.append(w.addMessage(interactionId, QStringLiteral("customer"), customer.fullName, body, now));
        }
        return changes;
    });
    m_contacts.insert(interactionId, contact);
    // Callers and chatters give up if nobody answers; written contacts wait.
    if (channel == QLatin1String("voice"))
        after(qint64(-std::log(1.0 - m_random.unit()) * 150) + 10, [this, interactionId] { abandonIfWaiting(interactionId); });
    else if (channel == QLatin1String("chat"))
        after(qint64(-std::log(1.0 - m_random.unit()) * 400) + 30, [this, interactionId] { abandonIfWaiting(interactionId); });
}

void TrafficSimulator::abandonIfWaiting(qint64 interactionId)
{
    const std::optional<InteractionRow> row = InteractionWorkflow(m_storage).find(interactionId);
    if (!row || row->status != QLatin1String("queued"))
        return;
    ++m_counters.abandoned;
    m_contacts.remove(interactionId);
    write([&](InteractionWorkflow& w) { return w.end(*row, m_clock.nowSecs()); });
}

void TrafficSimulator::socialActivity()
{
    ++m_counters.social;
    static const std::array<const char*, 3> kNetworks { "x", "facebook", "instagram" };
    QString network = QString::fromLatin1(kNetworks[std::size_t(m_random.below(3))]);
    QString handle;
    Customer customer;
    if (!m_random.percent(25)) {
        // A customer the centre knows by their handle.
        Statement& st = m_storage.db().cached("SELECT customer_id, network, value FROM identities "
                                              "WHERE kind = 'social' AND id >= ? ORDER BY id LIMIT 1");
        st.bind(1, m_random.below(std::max<qint64>(1, m_storage.db().scalar("SELECT coalesce(max(id), 0) FROM identities"))));
        if (st.step()) {
            customer.id = st.int64(0);
            network = st.text(1);
            handle = st.text(2);
        }
        st.reset();
    }
    if (customer.id) {
        Statement& st = m_storage.db().cached(
            "SELECT language, first_name, display_name, coalesce(city, '') FROM customers WHERE id = ?");
        st.bind(1, *customer.id);
        if (st.step()) {
            customer.language = st.text(0) == QLatin1String("en") ? DemoTexts::English : DemoTexts::Italian;
            customer.firstName = st.text(1);
            customer.fullName = st.text(2);
            customer.city = st.text(3);
        }
        st.reset();
    } else {
        customer = pickCustomer(true);
        customer.id.reset(); // a stranger: only the handle is known
        handle = DemoTexts::asciiFold(customer.firstName).remove(QLatin1Char(' '))
            + QString::number(m_random.range(1, 9999));
    }
    if (!handle.startsWith(QLatin1Char('@')))
        handle.prepend(QLatin1Char('@'));

    static constexpr std::array<int, 4> kTones { 20, 35, 30, 15 }; // praise, complaint, question, neutral
    const auto tone = DemoTexts::Tone(m_random.weighted(kTones));
    const double sentiment = clampUnit(tone == DemoTexts::Tone::Praise ? m_random.real(0.4, 0.95)
            : tone == DemoTexts::Tone::Complaint                      ? m_random.real(-0.95, -0.35)
            : tone == DemoTexts::Tone::Question                       ? m_random.real(-0.2, 0.2)
                                                                      : m_random.real(-0.1, 0.15));
    // Most authors have a few hundred followers; a few have a large audience.
    const qint64 followers = qint64(std::pow(10.0, 1.0 + 4.5 * std::pow(m_random.unit(), 2.5)));
    DemoTexts::Context context;
    context.language = customer.language;
    context.customerFirstName = customer.firstName;
    context.customerFullName = customer.fullName;
    context.city = customer.city;
    context.when = m_clock.nowSecs();
    const QString body = DemoTexts::socialPost(tone, context, m_random);
    // The post takes the webhook's path: stored, understood, linked to its
    // author and, when the ticket rules say so, a routed social ticket.
    SocialEvent event;
    event.network = network;
    event.kind = m_random.percent(60) ? QStringLiteral("mention") : QStringLiteral("post");
    event.externalId = QStringLiteral("sim-%1-%2-%3").arg(m_options.seed).arg(m_clock.nowMs()).arg(++m_socialCounter);
    event.handle = IdentityNormalizer::normalizeHandle(handle).value_or(QStringLiteral("someone"));
    event.followers = followers;
    event.text = body;
    event.url = QStringLiteral("https://%1.example/%2/%3").arg(network, event.handle, event.externalId);
    qint64 interactionId = 0;
    write([&](InteractionWorkflow&) {
        const SocialIntake::Outcome outcome = m_centre.socialIntake().receive(event, m_clock.nowSecs());
        interactionId = outcome.interactionId.value_or(0);
        return outcome.changes;
    });
    if (interactionId) {
        Contact contact;
        contact.reason = tone == DemoTexts::Tone::Complaint ? Reason::Complaint : Reason::Information;
        contact.context = context;
        contact.mood = sentiment;
        m_contacts.insert(interactionId, contact);
    }
}

void TrafficSimulator::callbackRequest()
{
    // Someone who would rather be called back: their number is on file.
    Statement& st = m_storage.db().cached(
        "SELECT i.customer_id, i.value, c.language FROM identities i JOIN customers c ON c.id = i.customer_id "
        "WHERE i.kind = 'phone' AND i.id >= ? ORDER BY i.id LIMIT 1");
    st.bind(1, m_random.below(std::max<qint64>(1, m_storage.db().scalar("SELECT coalesce(max(id), 0) FROM identities"))));
    std::optional<NewCallback> callback;
    QString language;
    if (st.step()) {
        callback = NewCallback { st.int64(0), st.text(1), 0, 0, {} };
        language = st.text(2);
    }
    st.reset();
    if (!callback)
        return;
    const std::optional<qint64> queue = InteractionWorkflow(m_storage).queueFor(QStringLiteral("callback"), QString(), language);
    if (!queue)
        return;
    ++m_counters.callbacks;
    const qint64 now = m_clock.nowSecs();
    callback->queueId = *queue;
    callback->dueAt = now + m_random.range(5, 90) * kMinute;
    const Reason reason = pickReason();
    callback->note = language == QLatin1String("en")
        ? QStringLiteral("Asked for a call back about %1").arg(QLatin1String(DemoTexts::reasonKey(reason)))
        : QStringLiteral("Richiesta di richiamata: %1").arg(QLatin1String(DemoTexts::reasonKey(reason)));
    write([&](InteractionWorkflow&) { return QList<ChangeRecord> { m_callbacks.schedule(*callback, now) }; });
    m_callbacks.rearm();
}

// --- agents ------------------------------------------------------------------

void TrafficSimulator::offered(qint64 interactionId, qint64 agentId)
{
    if (!m_agents.contains(agentId))
        return; // a person: their desktop got the SSE offer
    if (m_random.percent(4)) {
        ++m_counters.missed; // away from the desk: routing times the offer out
        return;
    }
    after(m_random.range(2, 9), [this, interactionId, agentId] { answer(interactionId, agentId); });
}

void TrafficSimulator::follow(const ChangeRecord& change)
{
    // A simulated agent who missed an offer is set not ready by routing;
    // they notice and come back after a minute or two.
    if (change.entity != QLatin1String("agent") || !m_agents.contains(change.entityId))
        return;
    const QJsonObject agent = QJsonDocument::fromJson(change.payload).object();
    if (agent.value(QStringLiteral("state")).toString() == QLatin1String("not_ready")
        && agent.value(QStringLiteral("stateReason")).toString() == QLatin1String("Missed offer")) {
        const qint64 agentId = change.entityId;
        after(m_random.range(30, 150), [this, agentId] { setState(agentId, QStringLiteral("ready"), {}); });
    }
}

void TrafficSimulator::answer(qint64 interactionId, qint64 agentId)
{
    const std::optional<InteractionRow> row = InteractionWorkflow(m_storage).find(interactionId);
    if (!row || row->status != QLatin1String("offered") || row->agentId != agentId)
        return; // withdrawn, timed out or the customer left
    write([&](InteractionWorkflow& w) { return w.accept(*row, m_clock.nowSecs()); });
    ++m_counters.answered;
    const Reason reason = m_contacts.value(interactionId).reason;
    const qint64 handle = handleSeconds(row->channel, reason);
    if ((row->channel == QLatin1String("voice") || row->channel == QLatin1String("callback")) && m_random.percent(15)) {
        // The agent checks something with a colleague.
        const qint64 holdAt = handle * m_random.range(30, 70) / 100;
        const qint64 holdFor = m_random.range(20, 120);
        after(holdAt, [this, interactionId] { hold(interactionId, true); });
        after(holdAt + holdFor, [this, interactionId] { hold(interactionId, false); });
        after(handle + holdFor, [this, interactionId] { finish(interactionId); });
        return;
    }
    after(handle, [this, interactionId] { finish(interactionId); });
}

qint64 TrafficSimulator::handleSeconds(const QString& channel, Reason reason)
{
    // Talk or work time by channel, longer for faults and sales.
    const bool long_ = reason == Reason::TechnicalFault || reason == Reason::NewContract || reason == Reason::PlanChange;
    const double factor = long_ ? 1.5 : 1.0;
    qint64 lo = 120, hi = 600;
    if (channel == QLatin1String("voice") || channel == QLatin1String("callback")) {
        lo = 150;
        hi = 720;
    } else if (channel == QLatin1String("chat")) {
        lo = 240;
        hi = 900;
    } else if (channel == QLatin1String("email")) {
        lo = 120;
        hi = 480;
    } else if (channel == QLatin1String("sms")) {
        lo = 45;
        hi = 240;
    } else if (channel == QLatin1String("social")) {
        lo = 90;
        hi = 360;
    }
    return qint64(double(m_random.range(lo, hi)) * factor);
}

void TrafficSimulator::hold(qint64 interactionId, bool on)
{
    const std::optional<InteractionRow> row = InteractionWorkflow(m_storage).find(interactionId);
    if (!row || !row->agentId || !m_agents.contains(*row->agentId))
        return;
    if (on && row->status == QLatin1String("active"))
        write([&](InteractionWorkflow& w) { return w.hold(*row, m_clock.nowSecs()); });
    else if (!on && row->status == QLatin1String("held"))
        write([&](InteractionWorkflow& w) { return w.resume(*row, m_clock.nowSecs()); });
}

void TrafficSimulator::finish(qint64 interactionId)
{
    const std::optional<InteractionRow> row = InteractionWorkflow(m_storage).find(interactionId);
    if (!row || !row->agentId || !m_agents.contains(*row->agentId)
        || (row->status != QLatin1String("active") && row->status != QLatin1String("held")))
        return;
    const Agent agent = m_agents.value(*row->agentId);
    Contact contact = m_contacts.value(interactionId);
    if (!m_contacts.contains(interactionId)) {
        // Work the simulator did not create (the demo's, an integration's).
        contact.reason = pickReason();
        contact.mood = moodFor(contact.reason);
        contact.context.language = row->language == QLatin1String("en") ? DemoTexts::English : DemoTexts::Italian;
        contact.context.when = m_clock.nowSecs();
    }
    contact.context.agentFirstName = agent.firstName;

    static const std::array<const char*, 9> kDispositions { "resolved", "follow_up", "escalated",
        "callback_scheduled", "transferred", "information_sent", "sale", "retained", "cancelled" };
    std::array<int, 9> weights { 62, 10, 8, 6, 6, 8, 0, 0, 0 };
    if (contact.reason == Reason::NewContract || contact.reason == Reason::PlanChange)
        weights = { 30, 15, 0, 6, 4, 0, 45, 0, 0 };
    else if (contact.reason == Reason::Cancellation)
        weights = { 0, 10, 10, 5, 0, 0, 0, 35, 40 };
    else if (contact.reason == Reason::Complaint)
        weights = { 40, 15, 30, 10, 5, 0, 0, 0, 0 };
    const QString disposition = QString::fromLatin1(kDispositions[std::size_t(m_random.weighted(weights))]);
    // A resolved contact lifts the mood; an escalation does not.
    const double lift = disposition == QLatin1String("resolved") || disposition == QLatin1String("sale") ? 0.35
        : disposition == QLatin1String("escalated") || disposition == QLatin1String("cancelled")         ? -0.2
                                                                                                         : 0.1;
    const double sentiment = clampUnit(contact.mood + lift + m_random.bell() * 0.25);
    std::optional<int> csat;
    const int surveyed = row->channel == QLatin1String("email") || row->channel == QLatin1String("social") ? 15 : 35;
    if (m_random.percent(surveyed))
        csat = std::clamp(int(std::lround(3.2 + sentiment * 2.0 + m_random.bell())), 1, 5);
    const qint64 now = m_clock.nowSecs();
    write([&](InteractionWorkflow& w) {
        QList<ChangeRecord> changes;
        if (isWritten(row->channel)) {
            QString reply = DemoTexts::agentReply(contact.reason, contact.context, m_random);
            if (row->channel == QLatin1String("email"))
                reply = DemoTexts::agentEmail(reply, contact.context, m_random);
            else if (row->channel == QLatin1String("chat"))
                reply += QLatin1Char(' ') + DemoTexts::agentClosing(contact.context, m_random);
            changes.append(w.addMessage(row->id, QStringLiteral("agent"), agent.displayName, reply, now));
        }
        changes += w.end(*row, now);
        changes += w.setOutcome(row->id, disposition, QString::fromLatin1(DemoTexts::reasonKey(contact.reason)), csat,
            sentiment, now);
        return changes;
    });
    m_contacts.remove(interactionId);
    // After-call work: notes, the CRM form.
    const qint64 wrap = row->channel == QLatin1String("voice") || row->channel == QLatin1String("callback")
        ? m_random.range(20, 90)
        : m_random.range(10, 45);
    after(wrap, [this, interactionId] { wrapUp(interactionId); });
}

void TrafficSimulator::wrapUp(qint64 interactionId)
{
    const std::optional<InteractionRow> row = InteractionWorkflow(m_storage).find(interactionId);
    if (!row || row->status != QLatin1String("wrap_up") || !row->agentId || !m_agents.contains(*row->agentId))
        return;
    const qint64 agentId = *row->agentId;
    const qint64 now = m_clock.nowSecs();
    // Now and then the agent steps away after a contact.
    const bool away = m_random.percent(8);
    const QString reason = away ? m_random.pick(DemoTexts::notReadyReasons()) : QString();
    write([&](InteractionWorkflow& w) {
        QList<ChangeRecord> changes;
        if (row->disposition.isEmpty() || row->contactReason.isEmpty()) {
            changes += w.setOutcome(row->id, QStringLiteral("resolved"), QString::fromLatin1(DemoTexts::reasonKey(pickReason())),
                std::nullopt, std::nullopt, now);
        }
        changes += w.wrapUp(w.require(row->id), now);
        if (away)
            changes.append(w.setAgentState(agentId, QStringLiteral("not_ready"), reason, now));
        return changes;
    });
    if (away)
        after(m_random.range(3, 15) * kMinute, [this, agentId] { setState(agentId, QStringLiteral("ready"), {}); });
}

void TrafficSimulator::shift(qint64 agentId)
{
    // Every so often an idle agent takes a break, has lunch around midday
    // or goes to a training session; the shift() after brings them back.
    after(m_random.range(20, 60) * kMinute, [this, agentId] { shift(agentId); });
    InteractionWorkflow workflow(m_storage);
    if (workflow.liveInteractionOf(agentId))
        return;
    const QString state = workflow.agentState(agentId);
    if (state != QLatin1String("ready"))
        return;
    const int hour = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).time().hour();
    QString reason;
    qint64 minutes = 0;
    if (hour >= 12 && hour < 15 && m_random.percent(30)) {
        reason = QStringLiteral("lunch");
        minutes = m_random.range(30, 60);
    } else if (m_random.percent(15)) {
        reason = QStringLiteral("break");
        minutes = m_random.range(5, 15);
    } else if (m_random.percent(4)) {
        reason = QStringLiteral("training");
        minutes = m_random.range(30, 90);
    } else {
        return;
    }
    setState(agentId, QStringLiteral("not_ready"), reason);
    after(minutes * kMinute, [this, agentId] { setState(agentId, QStringLiteral("ready"), {}); });
}

void TrafficSimulator::setState(qint64 agentId, const QString& state, const QString& reason)
{
    InteractionWorkflow workflow(m_storage);
    if (workflow.liveInteractionOf(agentId))
        return; // routing reached them first; the contact comes first
    const QString current = workflow.agentState(agentId);
    if (current == state || current == QLatin1String("busy") || current == QLatin1String("after_call_work"))
        return;
    write([&](InteractionWorkflow& w) { return QList<ChangeRecord> { w.setAgentState(agentId, state, reason, m_clock.nowSecs()) }; });
}

void TrafficSimulator::logSummary()
{
    after(3600, [this] { logSummary(); });
    qCInfo(lcHubSim).noquote() << QStringLiteral(
        "last simulated hour: %1 arrivals, %2 answered by simulated agents, %3 abandoned, %4 offers missed, "
        "%5 social posts, %6 callback requests")
                                      .arg(m_counters.arrivals)
                                      .arg(m_counters.answered)
                                      .arg(m_counters.abandoned)
                                      .arg(m_counters.missed)
                                      .arg(m_counters.social)
                                      .arg(m_counters.callbacks);
    m_counters = {};
}
