#pragma once

#include <QList>
#include <QString>
#include <optional>

class Database;

// Which customers match what an agent typed into the type-ahead, best first,
// read from what CustomerSearchIndex keeps. Every read is bounded, so a
// keystroke costs about the same on a thousand customers as on a million:
// each source is read in its own index order and only until enough
// customers are known for the page asked for (or, to count them, one more
// than kMaxMatches), never ranked over every match.
//
// Best first means, in this order:
//  1. exact hits: the customer of a ticket, then of an interaction whose number
//     was typed, and identities typed in full (a whole phone number, email, handle);
//  2. customers whose name or company has every typed word as a whole word
//     ("rossi" finds Rossi before Rossini);
//  3. customers with every typed word starting a word of their name or company;
//  4. identities starting with what was typed (phones as dialled at home or
//     abroad, emails and their domains, handles, CRM and chat ids).
// Text that looks like an identity (digits, "@", ".", "_") puts 4 before 2.
// An answer of up to kAlphabeticalUpTo customers is alphabetical inside each
// of those groups; a longer one keeps each source's own order (customer
// number for names, the key for identities): sorting it would mean reading
// every match's name, and nobody reads a thousand rows — they type another letter.
class CustomerSearch
{
public:
    static constexpr int kMaxMatches = 1000;
    static constexpr int kAlphabeticalUpTo = 200;

    struct Matches
    {
        QList<qint64> customerIds; // best first
        bool complete = false; // every match is in customerIds
    };

    // Reads until `enough` customers are known, or every source is read.
    // Answers for different `enough` agree on the order of what they share,
    // as long as enough > kAlphabeticalUpTo. nullopt when nothing searchable
    // was typed (blank, or only punctuation).
    static std::optional<Matches> find(Database& db, const QString& typed, int enough);
};
