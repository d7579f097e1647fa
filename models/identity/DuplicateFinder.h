#pragma once

#include "DuplicatePair.h"
#include "DuplicateScorer.h"

#include <QList>

class Database;

// Finds customers in the local store who are probably the same person, and
// says why (read-only: merging is the agent's decision, made elsewhere).
//
// Pairs are never all compared: customers fall into blocks that share a key —
// a phone, a mailbox, a handle, the nickname roots of both names in either
// order, the surname and first initial, the sound of the surname with the
// first name's root, company and surname, the address — and only customers
// in one block are scored. A block bigger than blockCap (a common name in a
// big store) is not compared all against all: its members are sorted by
// address and each is compared with the next `window` ones, and the stats
// count those blocks.
class DuplicateFinder
{
public:
    struct Options
    {
        int blockCap = 40;
        int window = 6;
        // findForCustomer: at most this many candidates from each search.
        int candidateLimit = 500;
    };
    struct Stats
    {
        qint64 customers = 0;
        qint64 blocks = 0; // keys shared by two customers or more
        qint64 windowedBlocks = 0; // blocks over blockCap, compared through a window
        qint64 largestBlock = 0;
        qint64 candidatePairs = 0; // distinct pairs scored
        qint64 pairsOverThreshold = 0;
        double loadSeconds = 0;
        double blockSeconds = 0;
        double scoreSeconds = 0;
    };

    explicit DuplicateFinder(Database& db);
    DuplicateFinder(Database& db, Options options);

    // The whole store, best first: for the batch report.
    QList<DuplicatePair> findAll(double threshold = DuplicateScorer::kDefaultThreshold);
    // The likely duplicates of one customer, best first: for the workspace.
    // Candidates come from the full-text index (names, nicknames, name
    // prefixes for typos, phones, e-mails, handles, company): a few queries,
    // not a pass over the store. An unknown id gives an empty list.
    QList<DuplicatePair> findForCustomer(
        qint64 customerId, double threshold = DuplicateScorer::kDefaultThreshold);
    const Stats& stats() const { return m_stats; }

private:
    QList<DuplicatePair> explain(const std::vector<std::pair<qint64, qint64>>& pairs, double threshold);

    Database& m_db;
    Options m_options;
    Stats m_stats;
};
