#pragma once

#include <QString>

class QPalette;
class Settings;

// How the desk looks and speaks: the language of its texts (a Qt Linguist
// translation embedded as a resource, and that language's locale for dates
// and numbers) and its palette (light, dark or the platform's own). The
// language is applied once at start, before any window is built: every
// widget reads its texts when it is made. The palette may change at any time.
namespace Presentation {

// "en", "it", or empty for the system's language; anything else is English.
void applyLanguage(const QString& code);
// "light", "dark" or "system".
void applyTheme(const QString& theme);
// Both, as the settings say.
void apply(const Settings& settings);

// The languages and themes a setting may hold, for choosers and the command line.
bool isLanguage(const QString& code);
bool isTheme(const QString& theme);

QPalette lightPalette();
QPalette darkPalette();

} // namespace Presentation
