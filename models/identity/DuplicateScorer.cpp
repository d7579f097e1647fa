#include "DuplicateScorer.h"

#include "NameMatcher.h"
#include "PhoneNormalizer.h"

namespace {

constexpr double kNamesMatch = 0.55;
constexpr double kSurnameAndInitial = 0.2;
constexpr double kSurnameOnly = 0.1;
constexpr double kSamePhone = 0.6;
constexpr double kSameMailbox = 0.6;
constexpr double kSameHandle = 0.4;
constexpr double kSameAddress = 0.35;
constexpr double kSameCompany = 0.25;
constexpr double kNamesDifferFactor = 0.5;
// Jaro-Winkler above this reads as a typo of the same name ("Rosi", "Rossi": 0.95).
constexpr double kTypoSimilarity = 0.88;

QString capitalised(QString name)
{
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

} // namespace

DuplicateScorer::DuplicateScorer(const CustomerProfiles& profiles)
    : m_profiles(profiles)
{ }

DuplicateScorer::FieldMatch DuplicateScorer::compare(
    quint32 nameA, quint32 rootA, quint32 nameB, quint32 rootB) const
{
    if (nameA == 0 || nameB == 0)
        return {};
    if (nameA == nameB)
        return { 1.0, FieldMatch::Same };
    if (rootA == rootB)
        return { 0.95, FieldMatch::Nickname };
    const double jw = NameMatcher::jaroWinkler(m_profiles.name(nameA), m_profiles.name(nameB));
    if (jw >= kTypoSimilarity)
        return { jw, FieldMatch::Typo };
    return { jw, FieldMatch::Different };
}

QString DuplicateScorer::describe(const FieldMatch& match, quint32 nameA, quint32 nameB) const
{
    const QString a = capitalised(m_profiles.name(nameA));
    const QString b = capitalised(m_profiles.name(nameB));
    switch (match.how) {
    case FieldMatch::Nickname: {
        // Show the short form pointing at the name it stands for.
        const bool aIsShort = NameMatcher::root(m_profiles.name(nameA)) != m_profiles.name(nameA);
        return aIsShort ? tr("nickname %1 → %2").arg(a, b)
                        : tr("nickname %1 → %2").arg(b, a);
    }
    case FieldMatch::Typo:
        return tr("%1 ≈ %2, a typo").arg(a, b);
    default:
        return a;
    }
}

DuplicateScorer::Result DuplicateScorer::score(
    const CustomerProfiles::Profile& a, const CustomerProfiles::Profile& b, bool explain) const
{
    Result result;
    double missing = 1.0; // Π(1 - w) over the evidence found
    const auto evidence = [&](double weight, const QString& reason) {
        missing *= 1.0 - weight;
        if (explain)
            result.reasons << reason;
    };

    // Names both ways round: "Rossi Mario" filed with the first name "Rossi".
    const FieldMatch firstStraight = compare(a.first, a.firstRoot, b.first, b.firstRoot);
    const FieldMatch lastStraight = compare(a.last, a.lastRoot, b.last, b.lastRoot);
    const FieldMatch firstSwapped = compare(a.first, a.firstRoot, b.last, b.lastRoot);
    const FieldMatch lastSwapped = compare(a.last, a.lastRoot, b.first, b.firstRoot);
    const bool swapped = firstSwapped.similarity + lastSwapped.similarity
        > firstStraight.similarity + lastStraight.similarity + 1e-9;
    const FieldMatch& first = swapped ? firstSwapped : firstStraight;
    const FieldMatch& last = swapped ? lastSwapped : lastStraight;
    const quint32 bFirst = swapped ? b.last : b.first;
    const quint32 bLast = swapped ? b.first : b.last;
    const bool firstAlike
        = first.how == FieldMatch::Same || first.how == FieldMatch::Nickname || first.how == FieldMatch::Typo;
    const bool lastAlike
        = last.how == FieldMatch::Same || last.how == FieldMatch::Nickname || last.how == FieldMatch::Typo;
    bool namesDiffer = false;
    if (firstAlike && lastAlike) {
        QStringList how;
        if (explain) {
            if (swapped)
                how << tr("first and last name swapped");
            if (first.how != FieldMatch::Same)
                how << describe(first, a.first, bFirst);
            if (last.how != FieldMatch::Same)
                how << describe(last, a.last, bLast);
            // Folded names equal while the written ones differ: accents or capitals.
            const QString nameA = m_profiles.displayName(a.id);
            const QString nameB = m_profiles.displayName(b.id);
            if (!swapped && first.how == FieldMatch::Same && last.how == FieldMatch::Same && nameA != nameB)
                how << tr("%1 / %2, accents and capitals ignored").arg(nameA, nameB);
        }
        evidence(kNamesMatch * (first.similarity + last.similarity) / 2.0,
            how.isEmpty() ? tr("same name")
                          : tr("names match (%1)").arg(how.join(QStringLiteral("; "))));
    } else if (lastAlike && first.how != FieldMatch::None
        && m_profiles.name(a.first).left(1) == m_profiles.name(bFirst).left(1)) {
        evidence(kSurnameAndInitial, tr("same surname and initial, first names differ"));
    } else if (lastAlike) {
        evidence(kSurnameOnly, tr("same surname only"));
        namesDiffer = first.how == FieldMatch::Different && first.similarity < 0.6;
    } else {
        namesDiffer = last.how == FieldMatch::Different || first.how == FieldMatch::Different;
    }

    for (const auto* ka = m_profiles.keysBegin(a); ka != m_profiles.keysEnd(a); ++ka) {
        for (const auto* kb = m_profiles.keysBegin(b); kb != m_profiles.keysEnd(b); ++kb) {
            if (ka->kind != kb->kind || ka->value != kb->value)
                continue;
            switch (ka->kind) {
            case CustomerProfiles::KeyKind::Phone:
                evidence(kSamePhone,
                    tr("same phone %1")
                        .arg(PhoneNormalizer::formatInternational(
                            QLatin1Char('+') + QString::number(ka->value))));
                break;
            case CustomerProfiles::KeyKind::Mailbox:
                // The mailbox, not the address as written: Gmail ignores dots and tags.
                evidence(kSameMailbox, tr("same mailbox %1").arg(m_profiles.text(ka->value)));
                break;
            case CustomerProfiles::KeyKind::Handle:
                evidence(kSameHandle, tr("same handle @%1").arg(m_profiles.text(ka->value)));
                break;
            }
        }
    }
    if (a.address != 0 && a.address == b.address)
        evidence(kSameAddress, tr("same address %1").arg(m_profiles.text(a.address)));
    if (a.company != 0 && a.company == b.company)
        evidence(kSameCompany, tr("same company %1").arg(m_profiles.text(a.company)));

    result.score = 1.0 - missing;
    if (namesDiffer && result.score > 0) {
        result.score *= kNamesDifferFactor;
        if (explain)
            result.reasons << tr("names differ: score halved");
    }
    return result;
}
