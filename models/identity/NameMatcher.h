#pragma once

#include <QString>
#include <QStringList>

// How the duplicate finder reads people's names: folded to unaccented lower
// case letters ("Nicolò D'Angelo" -> "nicolo", "dangelo"), nicknames traced
// to the name they shorten ("Beppe" -> "giuseppe") and typos measured with
// Jaro-Winkler, so "Mario Rossi", "rossi mario" and "Maro Rosi" meet.
class NameMatcher
{
public:
    // Lower-case ASCII letters and digits; diacritics dropped, apostrophes and
    // spaces removed: "D'Angelo" -> "dangelo", "De Luca" -> "deluca".
    static QString fold(const QString& name);
    // The folded words of a name, in order: "Maria-Grazia De Luca" -> maria, grazia, de, luca.
    static QStringList words(const QString& name);
    // The full name a folded first name shortens, or the name itself:
    // "beppe" -> "giuseppe", "bill" -> "william", "mario" -> "mario".
    static QString root(const QString& foldedName);
    // The name and every nickname that leads to it: "giuseppe" -> giuseppe, beppe, peppe, pino, ...
    static QStringList forms(const QString& rootName);
    // Jaro-Winkler similarity of two strings, in [0, 1].
    static double jaroWinkler(const QString& a, const QString& b);
    // A cheap sound key for blocking typos in surnames: the first letter, then
    // consonant classes without repeats ("rossi", "rosi", "russi" -> "r2").
    static QString soundKey(const QString& foldedName);
};
