#include "Channel.h"

#include <QCoreApplication>

const char* channelKey(Channel channel)
{
    switch (channel) {
    case Channel::Voice: return "voice";
    case Channel::Email: return "email";
    case Channel::Chat: return "chat";
    case Channel::Sms: return "sms";
    case Channel::Social: return "social";
    case Channel::Callback: return "callback";
    case Channel::SelfService: return "self_service";
    case Channel::Forum: return "forum";
    }
    return "voice";
}

std::optional<Channel> channelFromKey(const QString& key)
{
    for (const Channel channel : kAllChannels)
        if (key == QLatin1String(channelKey(channel)))
            return channel;
    return std::nullopt;
}

QString channelLabel(Channel channel)
{
    switch (channel) {
    case Channel::Voice: return QCoreApplication::translate("Channel", "Phone");
    case Channel::Email: return QCoreApplication::translate("Channel", "Email");
    case Channel::Chat: return QCoreApplication::translate("Channel", "Chat");
    case Channel::Sms: return QCoreApplication::translate("Channel", "SMS");
    case Channel::Social: return QCoreApplication::translate("Channel", "Social");
    case Channel::Callback: return QCoreApplication::translate("Channel", "Callback");
    case Channel::SelfService: return QCoreApplication::translate("Channel", "Self-service");
    case Channel::Forum: return QCoreApplication::translate("Channel", "Forum");
    }
    return {};
}
