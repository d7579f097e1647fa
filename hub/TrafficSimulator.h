#pragma once

#include "ChangeRecord.h"
#include "HubOptions.h"
#include "demo/DemoRandom.h"
#include "demo/DemoTexts.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>

class CallbackScheduler;
class ContactCentre;
class EventBroadcaster;
class HubClock;
class InteractionWorkflow;
class SqliteHubStorage;

// The traffic simulator (--simulate, implied by --demo): a discrete-event
// loop on the hub thread that makes the demo centre live. Customers call,
// chat, write e-mails and SMS, post and mention the brand on social networks
// and ask to be called back, in Italian and English, with arrivals drawn as
// a Poisson process whose rate follows a working day (quiet at night, peaks
// mid-morning and early afternoon; --rate-* give the peak per hour). The
// demo agents that no hub user signs in as are the simulated staff of the
// three sites: they log in, take breaks, lunch and training, answer offers
// after a short ring (now and then they miss one), handle contacts for a
// channel-typical time, put calls on hold, write a disposition and contact
// reason, wrap up, and the contact gets its sentiment and sometimes a CSAT.
//
// Every action goes through InteractionWorkflow and the change feed exactly
// as an API command does (one transaction each, published afterwards), so
// routing, statistics and every connected desktop see simulated work the
// same way as real work; human agents get offers like anyone else and are
// never driven from here.
//
// The agenda is a time-ordered map of pending actions on the hub clock and a
// single-shot QTimer armed for the earliest one: no polling, and idle costs
// nothing. Every choice comes from one DemoRandom seeded by --seed.
class TrafficSimulator : public QObject
{
    Q_OBJECT
public:
    TrafficSimulator(SqliteHubStorage& storage, EventBroadcaster& events, ContactCentre& centre,
        const HubOptions& options, QObject* parent = nullptr);
    ~TrafficSimulator() override;

    // Takes over the simulated agents and starts the arrivals.
    void start();
    int simulatedAgentCount() const { return int(m_agents.size()); }

private:
    enum class Arrival { Call, Chat, Email, Sms, Social, Callback };
    struct Agent
    {
        qint64 id = 0;
        QString displayName;
        QString firstName;
    };
    // What the simulator remembers of a contact it created, so the agent's
    // reply speaks of the same thing.
    struct Contact
    {
        DemoTexts::Reason reason = DemoTexts::Reason::Information;
        DemoTexts::Context context;
        double mood = 0;
    };
    struct Customer
    {
        std::optional<qint64> id;
        DemoTexts::Language language = DemoTexts::Italian;
        QString firstName;
        QString fullName;
        QString city;
        bool pounds = false;
    };

    void at(qint64 hubMs, std::function<void()> action);
    void after(qint64 hubSeconds, std::function<void()> action);
    void tick();
    void arm();

    // Arrivals.
    void scheduleArrival(Arrival kind);
    void arrive(Arrival kind);
    void contact(const QString& channel, bool allowUnknown);
    void socialActivity();
    void callbackRequest();
    Customer pickCustomer(bool allowUnknown);
    DemoTexts::Reason pickReason();
    void abandonIfWaiting(qint64 interactionId);

    // Agents.
    void takeOver();
    void offered(qint64 interactionId, qint64 agentId);
    void follow(const ChangeRecord& change);
    void answer(qint64 interactionId, qint64 agentId);
    void hold(qint64 interactionId, bool on);
    void finish(qint64 interactionId);
    void wrapUp(qint64 interactionId);
    void shift(qint64 agentId);
    void setState(qint64 agentId, const QString& state, const QString& reason);
    qint64 handleSeconds(const QString& channel, DemoTexts::Reason reason);

    // Runs a write as routing does: one transaction, then published.
    void write(const std::function<QList<ChangeRecord>(InteractionWorkflow&)>& body);
    void logSummary();

    SqliteHubStorage& m_storage;
    EventBroadcaster& m_events;
    ContactCentre& m_centre;
    const HubClock& m_clock;
    CallbackScheduler& m_callbacks;
    HubOptions m_options;
    DemoRandom m_random;
    std::multimap<qint64, std::function<void()>> m_agenda; // hub ms -> action
    QTimer m_timer;
    qint64 m_armedFor = -1;
    QHash<qint64, Agent> m_agents;
    QHash<qint64, Contact> m_contacts; // by interaction, while it is live
    qint64 m_firstCustomer = 0;
    qint64 m_lastCustomer = 0;
    qint64 m_socialCounter = 0;
    struct Counters
    {
        qint64 arrivals = 0;
        qint64 answered = 0;
        qint64 abandoned = 0;
        qint64 missed = 0;
        qint64 social = 0;
        qint64 callbacks = 0;
    } m_counters;
};
