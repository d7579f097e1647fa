#pragma once

#include <QString>
#include <array>
#include <optional>

// Every way a contact reaches the centre. The string form is what the store
// and the HTTP API use; label() is for people.
enum class Channel { Voice, Email, Chat, Sms, Social, Callback, SelfService, Forum };

inline constexpr std::array kAllChannels { Channel::Voice,  Channel::Email,    Channel::Chat,        Channel::Sms,
                                           Channel::Social, Channel::Callback, Channel::SelfService, Channel::Forum };

const char* channelKey(Channel channel);
std::optional<Channel> channelFromKey(const QString& key);
QString channelLabel(Channel channel);
