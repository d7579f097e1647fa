#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class DemoRandom;

// The words of the demo data, in Italian and English: names (with their
// accents and apostrophes), places, products of the fictional provider
// "Lumenet", and phrase banks for what customers and agents write. Templates
// carry {slots} (product, amount, date, order number...) that fill() varies
// on every use, so thousands of messages do not read as copies.
class DemoTexts
{
public:
    enum Language { Italian = 0, English = 1 };
    // Why a customer got in touch; reasonKey() is what interactions.contact_reason stores.
    enum class Reason {
        Billing,
        TechnicalFault,
        Relocation,
        Cancellation,
        NewContract,
        Delivery,
        Complaint,
        Information,
        Payment,
        PlanChange
    };
    static constexpr int kReasonCount = 10;
    // The mood of a social post by someone who may not be a customer.
    enum class Tone { Praise, Complaint, Question, Neutral };

    // What the {slots} of a template are filled with.
    struct Context
    {
        Language language = Italian;
        QString customerFirstName; // {name}
        QString customerFullName; // {fullname}
        QString agentFirstName; // {agent}
        QString city; // {city}
        bool pounds = false; // amounts in £: the customer lives in the UK
        qint64 when = 0; // UTC seconds the text is written; {date}, {month}... are near it
        // Fixed for one conversation, so that customer and agent speak of the
        // same product, amount and numbers; left empty, each use draws anew.
        QString product; // {product}
        qint64 amountCents = 0; // {amount}
        qint64 reference = 0; // {invoice}, {order}, {ticket}
        int daysAhead = 0; // {date} is this many days after `when`
    };

    struct City
    {
        QString name;
        QString country; // ISO 3166 code
        QString postcodePrefix; // Italian CAP base or UK outward codes separated by spaces
        int postcodeSpread = 0; // Italian CAPs: how many follow the base
    };

    struct Article
    {
        QString title;
        QString body;
        QString language;
        QString tags;
    };

    static const char* reasonKey(Reason reason);
    static const char* languageKey(Language language) { return language == Italian ? "it" : "en"; }

    // People and places.
    static const QStringList& firstNames(Language language, bool female);
    static const QStringList& lastNames(Language language);
    // Lower-case ASCII for e-mail addresses and logins: "Nicolò D'Angelo" -> "nicolo dangelo".
    static QString asciiFold(const QString& text);
    // Where customers who speak the language live; English speakers are mostly
    // in the UK, a few in Italian cities.
    static const QList<City>& cities(Language language);
    static QString address(const City& city, DemoRandom& random);
    static QString company(Language language, const QString& firstName, const QString& lastName,
        const QString& city, DemoRandom& random);
    static const QStringList& emailDomains(Language language);
    static const QStringList& products(Language language);

    // Conversations: each returns a filled template.
    static QString subject(Reason reason, const Context& context, DemoRandom& random);
    static QString customerQuestion(Reason reason, const Context& context, DemoRandom& random);
    static QString customerComplaint(Reason reason, const Context& context, DemoRandom& random);
    static QString customerPraise(const Context& context, DemoRandom& random);
    static QString customerThanks(const Context& context, DemoRandom& random);
    static QString customerStillUnhappy(const Context& context, DemoRandom& random);
    static QString agentReply(Reason reason, const Context& context, DemoRandom& random);
    static QString agentClosing(const Context& context, DemoRandom& random);
    static QString botGreeting(const Context& context, DemoRandom& random);
    // Puts a greeting and a signature around an e-mail body.
    static QString customerEmail(const QString& body, const Context& context, DemoRandom& random);
    static QString agentEmail(const QString& body, const Context& context, DemoRandom& random);
    static QString smsNotification(Reason reason, const Context& context, DemoRandom& random);
    static QString socialPost(Tone tone, const Context& context, DemoRandom& random);
    static QString socialReply(bool positive, const Context& context, DemoRandom& random);
    static QString ticketDescription(Reason reason, const Context& context, DemoRandom& random);
    // Why an agent is not ready: break, training...
    static const QStringList& notReadyReasons();

    // Help-centre articles, half in Italian and half in English.
    static const QList<Article>& knowledgeArticles();

    // Replaces each {slot} of the template; unknown slots stay as written.
    static QString fill(const QString& text, const Context& context, DemoRandom& random);
};
