#pragma once

#include "TestSupport.h"
#include "store/Store.h"

// A store with what the customer context shows, written through SQL the way
// the sync engine writes it: one customer (Mario Rossi) with identities on
// every channel, a history of `interactions` contacts on every channel
// (several sharing a second, so paging by key is tested at its edge),
// messages with a card number in them, social activity over the last year
// with our replies, open and closed tickets, and a small bilingual knowledge
// base; plus a few other customers close to identities tests present as
// unknown. Times are relative to now, so "today" and "last 12 months" hold.
struct ContextFixture
{
    explicit ContextFixture(int interactions = 120);

    qint64 addInteraction(qint64 customerId, qint64 offeredAt, const char* channel, const QString& subject,
        std::optional<double> sentiment = std::nullopt, std::optional<int> csat = std::nullopt);
    void addMessage(qint64 interactionId, qint64 sentAt, const char* author, const QString& body);
    qint64 addSocial(qint64 customerId, const char* kind, const QString& handle, const QString& body, qint64 postedAt,
        std::optional<double> sentiment, qint64 followers = 12'400, const char* intent = nullptr);
    qint64 addTicket(qint64 customerId, const QString& subject, const char* status, const char* priority,
        std::optional<qint64> dueAt = std::nullopt);
    qint64 addArticle(const char* language, const char* tags, const QString& title, const QString& body);

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("context.db")) };
    qint64 now = 0;
    qint64 rossi = 0; // the customer on screen
    qint64 bianchi = 0; // phone +39 02 1234 5678, giulia.bianchi@libero.it, @giulia_b on X
    qint64 marco = 0; // Marco Rossi, m.rossi@gmail.com, no history
    qint64 newestInteraction = 0;
    qint64 modemArticle = 0; // Italian: "Spia rossa sul modem"
    qint64 routerArticle = 0; // English: "Red light on your router"
    qint64 billArticle = 0; // Italian: "Come leggere la bolletta"
    qint64 refundArticle = 0; // English: "Refunds and credit notes"
};
