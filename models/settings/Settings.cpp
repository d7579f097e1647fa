#include "Settings.h"

#include <QStandardPaths>

Settings::Settings()
    : Settings(defaultPath())
{ }

Settings::Settings(const QString& path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

QString Settings::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/unisono.ini");
}

QString Settings::path() const
{
    return m_settings->fileName();
}

QString Settings::name(Key key)
{
    switch (key) {
    case Key::LastHubAddress:
        return QStringLiteral("session/lastHubAddress");
    case Key::LastUser:
        return QStringLiteral("session/lastUser");
    case Key::SignedIn:
        return QStringLiteral("session/signedIn");
    }
    return {};
}

QVariant Settings::defaultValue(Key key)
{
    switch (key) {
    case Key::LastHubAddress:
        return QString();
    case Key::LastUser:
        return QStringLiteral("agent1");
    case Key::SignedIn:
        return false;
    }
    return {};
}

QVariant Settings::value(Key key) const
{
    return m_settings->value(name(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(name(key), value);
    m_settings->sync();
}
