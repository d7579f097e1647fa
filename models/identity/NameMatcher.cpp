#include "NameMatcher.h"

#include <QHash>
#include <algorithm>
#include <vector>

namespace {

// Diminutives and short forms seen in Italian and English customer records,
// each followed by the name it shortens. Kept small and unambiguous: a
// nickname that stands for two names (Gio: Giovanni or Giorgio) is left out.
const QHash<QString, QString>& nicknames()
{
    static const QHash<QString, QString> table = [] {
        const std::vector<std::pair<const char*, std::vector<const char*>>> roots {
            { "giuseppe", { "beppe", "peppe", "pino", "peppino", "beppo", "giusy" } },
            { "francesco", { "franco", "checco", "cecco", "ciccio", "frank" } },
            { "giovanni", { "gianni", "nanni", "vanni", "john" } },
            { "alessandro", { "sandro", "alex", "ale" } },
            { "alessandra", { "sandra" } },
            { "antonio", { "tonino", "totò", "toto", "tony", "anthony" } },
            { "salvatore", { "toto", "turi", "salva", "totuccio" } },
            { "vincenzo", { "enzo", "vince", "vincent" } },
            { "domenico", { "mimmo", "memmo" } },
            { "luigi", { "gino", "gigi" } },
            { "roberto", { "robi", "rob" } },
            { "massimiliano", { "max" } },
            { "federico", { "fede", "chicco" } },
            { "federica", { "fede" } },
            { "giacomo", { "jack", "mino" } },
            { "filippo", { "pippo", "pip" } },
            { "margherita", { "marghe", "ghita" } },
            { "elisabetta", { "betta" } },
            { "francesca", { "franca", "fra", "cesca" } },
            { "giovanna", { "gianna", "vanna" } },
            { "giuseppina", { "pina", "giusi", "peppina" } },
            { "caterina", { "rina", "cate", "kate" } },
            { "daniele", { "dani" } },
            { "william", { "bill", "will", "billy", "willy" } },
            { "robert", { "bob", "rob", "bobby", "robbie", "bert" } },
            { "elizabeth", { "liz", "beth", "lizzie", "betty", "eliza", "libby" } },
            { "margaret", { "maggie", "meg", "peggy", "marge", "greta" } },
            { "richard", { "rick", "dick", "rich", "ricky" } },
            { "james", { "jim", "jimmy", "jamie" } },
            { "michael", { "mike", "mick", "mickey" } },
            { "thomas", { "tom", "tommy" } },
            { "edward", { "ed", "eddie", "ted", "ned" } },
            { "catherine", { "cathy", "kate", "katie", "kathy", "kitty" } },
            { "katherine", { "kathy", "katie" } },
            { "jennifer", { "jen", "jenny" } },
            { "christopher", { "chris", "kit" } },
            { "charles", { "charlie", "chuck" } },
            { "daniel", { "dan", "danny" } },
            { "joseph", { "joe", "joey" } },
            { "samuel", { "sam", "sammy" } },
            { "benjamin", { "ben", "benny" } },
            { "nicholas", { "nick", "nicky" } },
            { "matthew", { "matt" } },
            { "andrew", { "andy", "drew" } },
            { "jonathan", { "jon", "jonny" } },
            { "david", { "dave", "davey" } },
            { "susan", { "sue", "susie" } },
            { "rebecca", { "becky", "becca" } },
            { "victoria", { "vicky", "tori" } },
            { "alexander", { "alex", "sandy" } },
            { "patricia", { "pat", "patty", "trish" } },
            { "deborah", { "debbie", "deb" } },
        };
        QHash<QString, QString> map;
        for (const auto& [root, shortForms] : roots)
            for (const char* shortForm : shortForms)
                // The first root listed wins: "alex" stays Alessandro.
                if (!map.contains(NameMatcher::fold(QString::fromUtf8(shortForm))))
                    map.insert(NameMatcher::fold(QString::fromUtf8(shortForm)), QString::fromLatin1(root));
        return map;
    }();
    return table;
}

char soundClass(QChar c)
{
    switch (c.unicode()) {
    case 'b':
    case 'f':
    case 'p':
    case 'v':
        return '1';
    case 'c':
    case 'g':
    case 'j':
    case 'k':
    case 'q':
    case 's':
    case 'x':
    case 'z':
        return '2';
    case 'd':
    case 't':
        return '3';
    case 'l':
        return '4';
    case 'm':
    case 'n':
        return '5';
    case 'r':
        return '6';
    default:
        return 0; // vowels, h, w, y, digits
    }
}

} // namespace

QString NameMatcher::fold(const QString& name)
{
    QString out;
    out.reserve(name.size());
    bool ascii = true;
    for (const QChar c : name)
        if (c.unicode() >= 0x80)
            ascii = false;
    const QString decomposed = ascii ? name : name.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber() && c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    }
    // Letters outside Latin (ß, ø, ł) have no decomposition: keep them, lowered.
    return out;
}

QStringList NameMatcher::words(const QString& name)
{
    QStringList out;
    QString word;
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            word.append(c);
        } else if (c == QLatin1Char('\'') || c == QChar(0x2019)) {
            continue; // "D'Angelo" is one word
        } else if (!word.isEmpty()) {
            out << fold(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << fold(word);
    out.removeAll(QString());
    return out;
}

QString NameMatcher::root(const QString& foldedName)
{
    return nicknames().value(foldedName, foldedName);
}

QStringList NameMatcher::forms(const QString& rootName)
{
    QStringList out { rootName };
    for (auto it = nicknames().constBegin(); it != nicknames().constEnd(); ++it)
        if (it.value() == rootName)
            out << it.key();
    return out;
}

double NameMatcher::jaroWinkler(const QString& a, const QString& b)
{
    const int la = int(a.size());
    const int lb = int(b.size());
    if (la == 0 || lb == 0)
        return la == lb ? 1.0 : 0.0;
    if (a == b)
        return 1.0;
    const int window = std::max(0, std::max(la, lb) / 2 - 1);
    // Names are short: fixed buffers avoid allocating per comparison.
    bool aMatched[64] = {};
    bool bMatched[64] = {};
    const int na = std::min(la, 64);
    const int nb = std::min(lb, 64);
    int matches = 0;
    for (int i = 0; i < na; ++i) {
        const int from = std::max(0, i - window);
        const int to = std::min(nb - 1, i + window);
        for (int j = from; j <= to; ++j) {
            if (!bMatched[j] && a[i] == b[j]) {
                aMatched[i] = bMatched[j] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    int transpositions = 0;
    for (int i = 0, j = 0; i < na; ++i) {
        if (!aMatched[i])
            continue;
        while (!bMatched[j])
            ++j;
        if (a[i] != b[j])
            ++transpositions;
        ++j;
    }
    const double m = matches;
    const double jaro = (m / na + m / nb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < std::min({ 4, na, nb }) && a[prefix] == b[prefix])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

QString NameMatcher::soundKey(const QString& foldedName)
{
    if (foldedName.isEmpty())
        return QString();
    QString key(foldedName.at(0));
    char last = soundClass(foldedName.at(0));
    for (int i = 1; i < foldedName.size(); ++i) {
        const char cls = soundClass(foldedName.at(i));
        if (cls != 0 && cls != last)
            key.append(QLatin1Char(cls));
        last = cls;
    }
    return key;
}
