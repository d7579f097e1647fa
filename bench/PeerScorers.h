#pragma once

#include "analysis/Language.h"
#include "analysis/Polarity.h"

#include <QHash>
#include <QString>
#include <vector>

// The established sentiment scorers the analysis bench compares with, run
// through Node.js from bench/peers (npm packages pinned by its
// package-lock.json). Optional: without node or the installed packages the
// bench says why and prints its own figures alone.
class PeerScorers
{
public:
    struct Peer
    {
        QString name; // npm package
        QString version;
        Language language = Language::Unknown; // the messages it scored
        QString field; // what its score is: VADER's compound, AFINN's sum
        QHash<QString, double> scores; // by message id

        // Each package's documented reading: VADER's compound is positive at
        // >= 0.05 and negative at <= -0.05; AFINN sums are read by their sign.
        Polarity polarity(double score) const;
    };

    // Runs `node score.js SET` in `peersDirectory`. On failure returns no
    // peers and says why in `unavailable`. `command` is what was run.
    static std::vector<Peer> run(const QString& node, const QString& peersDirectory, const QString& setPath,
        QString& unavailable, QString& command);
};
