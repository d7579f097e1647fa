#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class Settings;

// Settings → Preferences: the desk's language and palette. OK writes them to
// the settings; whoever opened the dialog applies them (the palette at once,
// the language at the next start, as the dialog says).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(Settings& settings, QWidget* parent = nullptr);

    // What OK wrote: "en", "it" or empty (the system's); "system", "light" or "dark".
    QString language() const;
    QString theme() const;
    // The language chosen differs from the one the desk was started in.
    bool languageChanged() const;

    void accept() override;

private:
    Settings& m_settings;
    QString m_startLanguage;
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLabel* m_restartHint = nullptr;
};
