#pragma once

#include <Qt>

// The roles every list of the customer context answers, so one delegate can
// draw the timeline, social activity, tickets, knowledge suggestions and
// customer matches alike: a title (Qt::DisplayRole), a line of details, an
// optional excerpt, a badge with a tone, satisfaction stars and an icon name.
// Every text is plain text: views must never interpret it as markup.
namespace ContextRoles {

enum Role {
    IdRole = Qt::UserRole + 1, // qint64, the row's id in its table
    IconNameRole, // QString, a resource-independent icon name ("channel-voice") or empty
    DetailRole, // QString, one line: when, who, where
    ExcerptRole, // QString, one line of what was written (masked), or empty
    BadgeRole, // QString, a short word that must stand out ("Negative", "Urgent"), or empty
    BadgeToneRole, // int, a Tone
    StarsRole, // QString, satisfaction as five stars, or empty
    FirstCustomRole, // models add their own roles from here
};

enum Tone { Neutral, Positive, Negative, Warning };

} // namespace ContextRoles
