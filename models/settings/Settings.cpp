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
    case Key::Language:
        return QStringLiteral("presentation/language");
    case Key::Theme:
        return QStringLiteral("presentation/theme");
    case Key::WindowGeometry:
        return QStringLiteral("layout/geometry");
    case Key::MainSplitter:
        return QStringLiteral("layout/mainSplitter");
    case Key::CustomerColumns:
        return QStringLiteral("layout/customerColumns");
    case Key::OpenSessions:
        return QStringLiteral("layout/openSessions");
    case Key::CurrentSession:
        return QStringLiteral("layout/currentSession");
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
    case Key::Language:
        return QString();
    case Key::Theme:
        return QStringLiteral("system");
    case Key::WindowGeometry:
    case Key::MainSplitter:
    case Key::CustomerColumns:
        return QByteArray();
    case Key::OpenSessions:
        return QVariantList();
    case Key::CurrentSession:
        return qint64(0);
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
