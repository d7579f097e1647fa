#pragma once

#include <QString>
#include <QStringView>
#include <optional>

// Why a customer wrote: the intents social posts, chats and e-mails are
// routed and counted by. Keys match the store's social_activity.intent.
enum class Intent { Other, Complaint, Question, Praise };

namespace Intents {

QString key(Intent intent);
std::optional<Intent> fromKey(QStringView key);

} // namespace Intents
