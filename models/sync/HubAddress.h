#pragma once

#include <QString>
#include <QUrl>
#include <optional>

// What an agent or a script may give as a backend's address: http or https
// with a host (a port and a path prefix are allowed). One rule for the
// command line and the sign-in dialog.
class HubAddress
{
public:
    static std::optional<QUrl> parse(const QString& text);
};
