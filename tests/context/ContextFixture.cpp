#include "ContextFixture.h"

#include "store/Transaction.h"

#include <QDateTime>

namespace {

constexpr qint64 kDay = 86'400;
constexpr const char* kChannels[] { "voice", "email", "chat", "sms", "social", "callback", "self_service", "forum" };

} // namespace

ContextFixture::ContextFixture(int interactions)
{
    now = QDateTime::currentSecsSinceEpoch();
    Transaction tx(store.db());
    store.db().exec("INSERT INTO queues(id, name, skill, channel) VALUES (1, 'Assistenza', 'support', 'voice');"
                    "INSERT INTO agents(id, login, display_name) VALUES (1, 'lverdi', 'Laura Verdi');");

    Customer mario;
    mario.firstName = QStringLiteral("Mario");
    mario.lastName = QStringLiteral("Rossi");
    mario.company = QStringLiteral("Rossi Impianti");
    mario.city = QStringLiteral("Milano");
    mario.tier = QStringLiteral("gold");
    mario.vip = true;
    mario.lifetimeValue = 18'250.5;
    mario.consentRecording = true;
    mario.crmFields = QStringLiteral(R"({"account_manager":"Sara Neri","contract":"Fibra 1000","paymentMethod":"SEPA"})");
    rossi = store.addCustomer(mario);
    store.addIdentity(rossi, IdentityKind::Phone, QStringLiteral("+39 333 123 4567"), QStringLiteral("pbx"));
    store.addIdentity(rossi, IdentityKind::Email, QStringLiteral("mario.rossi@example.com"), QStringLiteral("crm"));
    store.addIdentity(rossi, IdentityKind::Social, QStringLiteral("@Mario_Rossi"), QStringLiteral("social-listening"),
        QStringLiteral("instagram"));
    store.addIdentity(rossi, IdentityKind::Crm, QStringLiteral("CRM-000042"), QStringLiteral("crm"));

    Customer giulia;
    giulia.firstName = QStringLiteral("Giulia");
    giulia.lastName = QStringLiteral("Bianchi");
    giulia.city = QStringLiteral("Torino");
    bianchi = store.addCustomer(giulia);
    store.addIdentity(bianchi, IdentityKind::Phone, QStringLiteral("+39 02 1234 5678"), QStringLiteral("crm"));
    store.addIdentity(bianchi, IdentityKind::Email, QStringLiteral("giulia.bianchi@libero.it"), QStringLiteral("crm"));
    store.addIdentity(bianchi, IdentityKind::Social, QStringLiteral("giulia_b"), QStringLiteral("social-listening"),
        QStringLiteral("x"));

    Customer other;
    other.firstName = QStringLiteral("Marco");
    other.lastName = QStringLiteral("Rossi");
    other.city = QStringLiteral("Roma");
    marco = store.addCustomer(other);
    store.addIdentity(marco, IdentityKind::Email, QStringLiteral("m.rossi@gmail.com"), QStringLiteral("webchat"));

    // Two a day, newest first; every 25th shares its second with the one
    // before, and the 50th's pair straddles the first page's end.
    const auto at = [this](int n) { return now - 3600 - qint64(n / 2) * kDay - qint64(n % 2) * 600; };
    for (int n = 0; n < interactions; ++n) {
        const qint64 offeredAt = n > 0 && n % 25 == 0 ? at(n - 1) : at(n);
        const char* channel = kChannels[n % 8];
        const QString subject = n == 0 ? QStringLiteral("Spia rossa sul modem")
                                       : QStringLiteral("Contatto %1 su %2").arg(n).arg(QLatin1String(channel));
        const qint64 id = addInteraction(rossi, offeredAt, channel, subject,
            n % 5 == 0 ? std::optional<double>(-0.7) : (n % 5 == 1 ? std::optional<double>(0.6) : std::nullopt),
            n % 3 == 0 ? std::optional<int>(2 + n % 4) : std::nullopt);
        if (n == 0)
            newestInteraction = id;
        if (n == 0) {
            addMessage(id, offeredAt + 5, "agent", QStringLiteral("Buongiorno, come posso aiutarla?"));
            addMessage(id, offeredAt + 20, "customer",
                QStringLiteral("Il modem ha la spia rossa da ieri. Ho pagato con la carta 4111 1111 1111 1111."));
        } else if (n == 7) {
            addMessage(id, offeredAt + 20, "customer", QStringLiteral("Vorrei il rimborso della bolletta, 100% sbagliata"));
        }
    }

    for (int month = 0; month < 12; ++month) {
        // Happy a year ago, angry lately: the trend is worsening.
        const double mood = month < 6 ? 0.6 : -0.6;
        addSocial(rossi, "post", QStringLiteral("Mario_Rossi"), QStringLiteral("Post %1 su @Lumenet").arg(month),
            now - (11 - month) * 30 * kDay - kDay, mood);
    }
    addSocial(rossi, "mention", QStringLiteral("mario_rossi"),
        QStringLiteral("@Lumenet il modem non va, vi lascio se non risolvete"), now - 2 * kDay, -0.8, 12'400,
        "churn_risk");
    addSocial(rossi, "comment", QStringLiteral("lumenet"), QStringLiteral("Ciao Mario, ti scriviamo in DM"),
        now - 2 * kDay + 600, 0.5, 48'210, "response");
    addSocial(rossi, "like", QStringLiteral("mario_rossi"), QString(), now - 3 * kDay, std::nullopt);
    addSocial(rossi, "follow", QStringLiteral("mario_rossi"), QString(), now - 200 * kDay, std::nullopt);

    addTicket(rossi, QStringLiteral("Modem guasto, spia rossa"), "open", "high");
    addTicket(rossi, QStringLiteral("Rimborso bolletta marzo"), "pending", "urgent", now - kDay);
    addTicket(rossi, QStringLiteral("Cambio offerta"), "closed", "normal");

    modemArticle = addArticle("it", "modem,spia,guasto", QStringLiteral("Spia rossa sul modem: cosa fare"),
        QStringLiteral("Se la spia del modem è rossa, la linea non è agganciata.\n\n1. Controlla il cavo.\n"
                       "2. Riavvia il modem."));
    routerArticle = addArticle("en", "router,light,fault", QStringLiteral("Red light on your router: what to do"),
        QStringLiteral("A red light means the line is down.\n\n1. Check the cable.\n2. Restart the router."));
    billArticle = addArticle("it", "bolletta,fatturazione", QStringLiteral("Come leggere la bolletta"),
        QStringLiteral("La prima pagina riassume importo e scadenza della bolletta."));
    refundArticle = addArticle("en", "refund,credit", QStringLiteral("Refunds and credit notes"),
        QStringLiteral("Refunds reach your account within 10 days of the credit note."));
    tx.commit();
}

qint64 ContextFixture::addInteraction(qint64 customerId, qint64 offeredAt, const char* channel,
    const QString& subject, std::optional<double> sentiment, std::optional<int> csat)
{
    store.db()
        .cached("INSERT INTO interactions(customer_id, channel, direction, status, queue_id, agent_id, subject,"
                " offered_at, handle_seconds, disposition, contact_reason, sentiment, csat)"
                " VALUES (?, ?, 'inbound', 'ended', 1, 1, ?, ?, 300, 'resolved', 'technical', ?, ?)")
        .bind(1, customerId)
        .bind(2, channel)
        .bind(3, subject)
        .bind(4, offeredAt)
        .bind(5, sentiment)
        .bind(6, csat ? std::optional<qint64>(*csat) : std::nullopt)
        .run();
    return store.db().lastInsertId();
}

void ContextFixture::addMessage(qint64 interactionId, qint64 sentAt, const char* author, const QString& body)
{
    store.db()
        .cached("INSERT INTO messages(interaction_id, sent_at, author, body) VALUES (?, ?, ?, ?)")
        .bind(1, interactionId)
        .bind(2, sentAt)
        .bind(3, author)
        .bind(4, body)
        .run();
}

qint64 ContextFixture::addSocial(qint64 customerId, const char* kind, const QString& handle, const QString& body,
    qint64 postedAt, std::optional<double> sentiment, qint64 followers, const char* intent)
{
    store.db()
        .cached("INSERT INTO social_activity(customer_id, network, kind, author_handle, author_followers, body,"
                " url, posted_at, sentiment, intent) VALUES (?, 'instagram', ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, customerId)
        .bind(2, kind)
        .bind(3, handle)
        .bind(4, followers)
        .bind(5, body.isEmpty() ? QString() : body)
        .bind(6, body.isEmpty() ? QString() : QStringLiteral("https://instagram.example/p/%1").arg(postedAt))
        .bind(7, postedAt)
        .bind(8, sentiment)
        .bind(9, intent)
        .run();
    return store.db().lastInsertId();
}

qint64 ContextFixture::addTicket(
    qint64 customerId, const QString& subject, const char* status, const char* priority, std::optional<qint64> dueAt)
{
    store.db()
        .cached("INSERT INTO tickets(customer_id, queue_id, assignee_id, subject, description, status, priority,"
                " created_at, updated_at, due_at) VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, customerId)
        .bind(2, subject)
        .bind(3, QStringLiteral("Il cliente scrive: carta 5555 5555 5555 4444"))
        .bind(4, status)
        .bind(5, priority)
        .bind(6, now - 10 * kDay)
        .bind(7, now - 5 * kDay)
        .bind(8, dueAt)
        .run();
    return store.db().lastInsertId();
}

qint64 ContextFixture::addArticle(const char* language, const char* tags, const QString& title, const QString& body)
{
    store.db()
        .cached("INSERT INTO knowledge_articles(title, body, language, tags, updated_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, title)
        .bind(2, body)
        .bind(3, language)
        .bind(4, tags)
        .bind(5, now)
        .run();
    return store.db().lastInsertId();
}
