#pragma once

#include "DemoRandom.h"
#include "DemoSize.h"
#include "DemoTexts.h"
#include "domain/Channel.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

class Store;
class Transaction;

// Fills a Store with a believable Italian/English contact centre: three
// sites with agents, teams and queues; customers with phones, e-mails,
// social handles and CRM ids; years of interactions on every channel with
// their messages; social activity, tickets, callbacks and help articles.
// Every value derives from the seed and the reference time ("now"), so the
// same seed, size and reference time give the same rows byte for byte,
// whatever the clock or the C++ standard library: tests compare stores and
// benchmarks compare runs.
class DemoDataGenerator
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // What generate() wrote.
    struct Summary
    {
        qint64 sites = 0;
        qint64 agents = 0;
        qint64 queues = 0;
        qint64 customers = 0;
        qint64 identities = 0;
        qint64 interactions = 0;
        qint64 messages = 0;
        qint64 socialActivities = 0;
        qint64 tickets = 0;
        qint64 callbacks = 0;
        qint64 knowledgeArticles = 0;
    };

    // referenceTime: UTC seconds that count as "now"; history ends there and
    // scheduled callbacks lie just after it.
    DemoDataGenerator(Store& store, quint64 seed, qint64 referenceTime);
    ~DemoDataGenerator();

    // Meant for an empty store (sites and queues have unique names). Progress
    // is called on this thread about every half percent; done reaches total
    // only at the very end, once the indexes are built. Throws StoreError;
    // what was committed before the error stays in the store.
    void generate(const DemoSize& size, Progress progress = {});
    const Summary& summary() const { return m_summary; }

private:
    enum class QueueKind { Voice, Chat, Email, Callback, Messaging, Forum };
    enum class PhoneKind : quint8 { ItalianMobile, ItalianLandline, UkMobile, UkLandline };

    struct Site
    {
        qint64 id = 0;
        DemoTexts::Language language = DemoTexts::Italian;
    };
    struct Agent
    {
        qint64 id = 0;
        int site = 0;
        QString firstName;
        QString displayName;
        bool answersContacts = false; // supervisors and the admin do not take queue work
        quint8 skills = 0; // bit per topic skill
        quint8 capabilities = 0; // bit per QueueKind family: voice, chat, email, social
        quint8 languages = 0; // bit per DemoTexts::Language
    };
    struct Queue
    {
        qint64 id = 0;
        QueueKind kind = QueueKind::Voice;
        int skill = -1; // -1: any topic
        DemoTexts::Language language = DemoTexts::Italian;
        int site = 0;
        std::vector<int> agents; // indexes into m_agents of who may answer
    };
    // What the history needs to know about each customer, compactly: a
    // million of them stay in memory while interactions are written.
    struct CustomerRow
    {
        qint64 id = 0;
        qint64 createdAt = 0;
        quint16 firstName = 0;
        quint16 lastName = 0;
        quint8 language = 0;
        bool female = false;
        quint8 city = 0;
        quint8 network = 0; // 0: no social handle, else index + 1 into the networks
        quint8 handleForm = 0;
        PhoneKind phoneKind = PhoneKind::ItalianMobile;
        bool vip = false;
        bool whale = false;
    };
    struct Phone
    {
        QString e164;
        QString raw;
    };
    struct PendingIdentity; // see DemoDataGenerator.cpp
    struct PendingCustomer;
    struct Activity; // one interaction being written

    void writeOrganisation();
    void writeAgents();
    void writeQueues();
    void writeKnowledge();
    void writeCustomers();
    PendingCustomer planCustomer(qint64 ordinal, CustomerRow& row);
    void insertCustomer(PendingCustomer& customer);
    void writeHistory();
    void writeDay(qint64 dayStart, qint64 count, qint64 socialCount, bool incident, double progress);
    void writeInteraction(qint64 offeredAt, Channel channel, bool incident);
    void writeMessages(Activity& activity);
    qint64 writeTicket(const Activity& activity);
    void writeCallback(const Activity& activity);
    qint64 writeLinkedSocial(const Activity& activity, qint64 ticketId);
    void writeSocialNoise(qint64 postedAt);
    void writeAgenda();

    // Helpers.
    qint64 pickCustomer(qint64 at);
    int pickAgent(const Queue& queue);
    int queueFor(QueueKind kind, int skill, DemoTexts::Language language) const;
    DemoTexts::Context contextFor(
        const CustomerRow* customer, const Agent* agent, qint64 when, DemoTexts::Language language) const;
    // One product, amount and reference number for a whole conversation.
    void fixTopic(DemoTexts::Context& context);
    QString firstNameOf(const CustomerRow& row) const;
    QString lastNameOf(const CustomerRow& row) const;
    QString handleOf(qint64 ordinal, const CustomerRow& row) const;
    QString networkOf(const CustomerRow& row) const;
    Phone phone(PhoneKind kind, qint64 serial, const QString& city);
    static QString phoneE164(PhoneKind kind, qint64 serial, const QString& city, quint64 salt);
    qint64 businessHours(qint64 t) const;
    void rowsWritten(qint64 rows, qint64 progressUnits = 0);
    void commitBatch();
    void reportProgress();

    Store& m_store;
    const quint64 m_seed;
    const qint64 m_now;
    DemoRandom m_random;
    DemoSize m_size;
    Progress m_progress;
    Summary m_summary;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_nextProgress = 0;
    std::unique_ptr<Transaction> m_transaction;
    qint64 m_rowsInTransaction = 0;

    std::vector<Site> m_sites;
    std::vector<Agent> m_agents;
    std::vector<Queue> m_queues;
    std::vector<int> m_queueLookup; // see queueFor()
    std::vector<CustomerRow> m_customers;
    std::vector<qint64> m_createdAt; // customers' created_at, ascending with the ordinal
    std::vector<quint64> m_cumulativeWeight; // how often each customer gets in touch, summed
    // Lower-case ASCII forms of the name banks, for e-mails and handles.
    std::vector<QStringList> m_foldedFirst; // [language * 2 + female]
    std::vector<QStringList> m_foldedLast; // [language]
    qint64 m_windowStart = 0;
    qint64 m_transcriptsFrom = 0;
    qint64 m_socialCounter = 0;
    // Recent posts per network, so comments, likes and shares have a parent.
    std::vector<std::vector<qint64>> m_recentPosts;
};
