#pragma once

#include "CustomerProfiles.h"

#include <QCoreApplication>
#include <QStringList>

// Scores how likely two customer profiles are one person. Each piece of
// evidence (names alike, a shared phone, mailbox, handle, address, the same
// company) has a weight; they combine as independent chances (1 - Π(1 - w)),
// and names that clearly differ halve the total: a shared landline in a
// family is not a duplicate. A name match alone stays below the default
// threshold, because in a big store many people share a common name.
// The reasons are shown to agents, so they are translated (tr() falls back
// to English where no translator is installed, e.g. in the hub).
class DuplicateScorer
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateScorer)

public:
    static constexpr double kDefaultThreshold = 0.6;

    struct Result
    {
        double score = 0;
        QStringList reasons; // filled only when explaining
    };

    explicit DuplicateScorer(const CustomerProfiles& profiles);

    Result score(const CustomerProfiles::Profile& a, const CustomerProfiles::Profile& b, bool explain) const;

private:
    struct FieldMatch
    {
        double similarity = 0;
        enum How { None, Same, Nickname, Typo, Different } how = None;
    };
    FieldMatch compare(quint32 nameA, quint32 rootA, quint32 nameB, quint32 rootB) const;
    QString describe(const FieldMatch& match, quint32 nameA, quint32 nameB) const;

    const CustomerProfiles& m_profiles;
};
