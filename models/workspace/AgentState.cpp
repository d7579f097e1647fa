#include "AgentState.h"

#include "domain/Channel.h"

QString AgentState::key(Value state)
{
    switch (state) {
    case Ready:
        return QStringLiteral("ready");
    case NotReady:
        return QStringLiteral("not_ready");
    case AfterCallWork:
        return QStringLiteral("after_call_work");
    case LoggedOut:
        return QStringLiteral("logged_out");
    case Busy:
        break;
    }
    return QStringLiteral("busy");
}

std::optional<AgentState::Value> AgentState::fromKey(const QString& key)
{
    for (const Value state : { Ready, NotReady, AfterCallWork, LoggedOut, Busy }) {
        if (AgentState::key(state) == key)
            return state;
    }
    return std::nullopt;
}

QString AgentState::label(Value state)
{
    switch (state) {
    case Ready:
        return tr("Ready");
    case NotReady:
        return tr("Not ready");
    case AfterCallWork:
        return tr("After-call work");
    case LoggedOut:
        return tr("Logged out");
    case Busy:
        break;
    }
    return tr("Busy");
}

QList<AgentState::Value> AgentState::selectable()
{
    return { Ready, NotReady, AfterCallWork, LoggedOut };
}

QStringList AgentState::notReadyReasons()
{
    return { QStringLiteral("break"), QStringLiteral("lunch"), QStringLiteral("training"),
        QStringLiteral("team_meeting"), QStringLiteral("coaching"), QStringLiteral("back_office"),
        QStringLiteral("technical_issue") };
}

QString AgentState::reasonLabel(const QString& reason)
{
    if (reason == QLatin1String("break"))
        return tr("Break");
    if (reason == QLatin1String("lunch"))
        return tr("Lunch");
    if (reason == QLatin1String("training"))
        return tr("Training");
    if (reason == QLatin1String("team_meeting"))
        return tr("Team meeting");
    if (reason == QLatin1String("coaching"))
        return tr("Coaching");
    if (reason == QLatin1String("back_office"))
        return tr("Back office");
    if (reason == QLatin1String("technical_issue"))
        return tr("Technical issue");
    if (reason == QLatin1String("ringing"))
        return tr("Ringing");
    // Routing names the channel of the contact a busy agent is on.
    if (const std::optional<Channel> channel = channelFromKey(reason))
        return channelLabel(*channel);
    return reason;
}
