#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>
#include <memory>

// The desk's settings, typed (KeePassXC's Config habit): every key is an
// enum value with its default, so no caller spells a key or guesses a
// default. One INI file under the user's config folder; QSettings writes it
// through a temporary file and a rename, so a crash never leaves half of it.
// Tests use their own file. Nothing secret is ever kept here: the sign-in
// token lives in the OS keychain or in memory only.
class Settings
{
public:
    enum class Key {
        // The backend of the last sign-in; empty for the local demo hub.
        LastHubAddress,
        // The login of the last sign-in.
        LastUser,
        // True from a sign-in until the agent signs out: a restart resumes the session.
        SignedIn,
        // The desk's language: "en", "it", or empty to follow the system's.
        // Applied at start: the texts are built once, in that language.
        Language,
        // "light", "dark" or "system" (the platform's own palette).
        Theme,
        // The window's geometry (QWidget::saveGeometry), splitter and the
        // customer list's columns (QSplitter/QHeaderView::saveState).
        WindowGeometry,
        MainSplitter,
        CustomerColumns,
        // The customers whose session tabs were open, left to right, and the
        // one in front: a restart opens them again.
        OpenSessions,
        CurrentSession,
    };

    // <AppConfigLocation>/unisono.ini
    Settings();
    explicit Settings(const QString& path);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    QString path() const;

    static QString defaultPath();

private:
    static QString name(Key key);
    static QVariant defaultValue(Key key);

    std::unique_ptr<QSettings> m_settings;
};
