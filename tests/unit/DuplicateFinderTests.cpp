#include "TestSupport.h"
#include "identity/CustomerProfiles.h"
#include "identity/DuplicateFinder.h"
#include "identity/NameMatcher.h"
#include "store/Store.h"

#include <catch2/catch.hpp>

namespace {

qint64 addPerson(Store& store, const char* first, const char* last, const char* address = "",
    const char* city = "", const char* company = "")
{
    Customer c;
    c.firstName = QString::fromUtf8(first);
    c.lastName = QString::fromUtf8(last);
    c.address = QString::fromUtf8(address);
    c.city = QString::fromUtf8(city);
    c.company = QString::fromUtf8(company);
    return store.addCustomer(c);
}

// Store::addIdentity refuses a number another customer holds; a record that
// arrives from another system (an import, a WhatsApp contact) is written as
// it came, normalised, which is how two customers end up sharing one.
void addPhone(Store& store, qint64 customer, const char* raw, const char* network = "")
{
    const QString e164 = *store.normalizer().phones().toE164(QString::fromUtf8(raw));
    store.db()
        .cached("INSERT INTO identities(customer_id, kind, network, value, raw_value, source, created_at)"
                " VALUES (?, 'phone', ?, ?, ?, 'import', 0)")
        .bind(1, customer)
        .bind(2, QString::fromUtf8(network))
        .bind(3, e164)
        .bind(4, QString::fromUtf8(raw))
        .run();
    store.reindexCustomer(customer);
}

const DuplicatePair* pairOf(const QList<DuplicatePair>& pairs, qint64 a, qint64 b)
{
    for (const DuplicatePair& p : pairs)
        if (p.first == std::min(a, b) && p.second == std::max(a, b))
            return &p;
    return nullptr;
}

bool mentions(const DuplicatePair& pair, const char* text)
{
    return pair.reasons.join(QLatin1Char('|')).contains(QString::fromUtf8(text));
}

// Four planted duplicates, one per way names go wrong, each with one more
// piece of evidence; a family sharing a phone; and strangers.
struct Fixture
{
    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("dupes.db")) };
    qint64 nicolo = addPerson(store, "Nicolò", "Esposito", "Via Roma 12", "Napoli");
    qint64 nicoloPlain = addPerson(store, "NICOLO", "Esposito", "via roma, 12", "Napoli");
    qint64 mario = addPerson(store, "Mario", "Rossi");
    qint64 rossiMario = addPerson(store, "Rossi", "Mario");
    qint64 giuseppe = addPerson(store, "Giuseppe", "Verdi");
    qint64 beppe = addPerson(store, "Beppe", "Verdi");
    qint64 anna = addPerson(store, "Anna", "Verdi");
    qint64 francesca = addPerson(store, "Francesca", "Bianchi", "", "", "Bianchi S.r.l.");
    qint64 francescaTypo = addPerson(store, "Francesca", "Bianci", "", "", "Bianchi srl");
    qint64 otherMario = addPerson(store, "Mario", "Rossi", "Corso Italia 1", "Milano");
    std::vector<qint64> strangers;

    Fixture()
    {
        store.addIdentity(
            mario, IdentityKind::Email, QStringLiteral("mario.rossi@gmail.com"), QStringLiteral("crm"));
        store.addIdentity(rossiMario, IdentityKind::Email, QStringLiteral("MarioRossi+shop@gmail.com"),
            QStringLiteral("webchat"));
        // One number in two formats; the second came in over WhatsApp, so the
        // store holds it as another identity of a new customer.
        addPhone(store, giuseppe, "+39 333 111 2223");
        addPhone(store, beppe, "0039 333-111 2223", "whatsapp");
        addPhone(store, anna, "333 1112223", "telegram");
        const char* firsts[] { "Emily", "Oliver", "Chiara", "Luca", "Sofia", "Harry", "Giulia", "Jack",
            "Marta", "Paolo" };
        const char* lasts[] { "Clarke", "Brown", "Ferrari", "Romano", "Colombo", "Taylor", "Ricci", "Wilson",
            "Gallo", "Conti" };
        for (int i = 0; i < 10; ++i)
            strangers.push_back(addPerson(store, firsts[i], lasts[i], "", "", ""));
    }
};

} // namespace

TEST_CASE("Names fold accents, capitals and apostrophes", "[identity][duplicates]")
{
    CHECK(NameMatcher::fold(QStringLiteral("Nicolò")) == QStringLiteral("nicolo"));
    CHECK(NameMatcher::fold(QStringLiteral("D'Angelo")) == QStringLiteral("dangelo"));
    CHECK(NameMatcher::fold(QStringLiteral("ÉLODIE")) == QStringLiteral("elodie"));
    CHECK(NameMatcher::words(QStringLiteral("Maria-Grazia De Luca"))
        == QStringList { QStringLiteral("maria"), QStringLiteral("grazia"), QStringLiteral("de"),
            QStringLiteral("luca") });
}

TEST_CASE("Nicknames lead to the name they shorten", "[identity][duplicates]")
{
    const std::pair<const char*, const char*> vectors[] { { "beppe", "giuseppe" }, { "peppe", "giuseppe" },
        { "pino", "giuseppe" }, { "checco", "francesco" }, { "franco", "francesco" },
        { "gianni", "giovanni" }, { "nanni", "giovanni" }, { "sandro", "alessandro" },
        { "alex", "alessandro" }, { "bill", "william" }, { "bob", "robert" }, { "liz", "elizabeth" },
        { "beth", "elizabeth" }, { "maggie", "margaret" }, { "mario", "mario" } };
    for (const auto& [nickname, root] : vectors) {
        INFO(nickname);
        CHECK(NameMatcher::root(QString::fromLatin1(nickname)) == QString::fromLatin1(root));
    }
    CHECK(NameMatcher::forms(QStringLiteral("giuseppe")).contains(QStringLiteral("beppe")));
}

TEST_CASE("Jaro-Winkler rates typos high and other names low", "[identity][duplicates]")
{
    CHECK(NameMatcher::jaroWinkler(QStringLiteral("rossi"), QStringLiteral("rossi")) == 1.0);
    CHECK(NameMatcher::jaroWinkler(QStringLiteral("bianchi"), QStringLiteral("bianci")) > 0.9);
    CHECK(NameMatcher::jaroWinkler(QStringLiteral("martha"), QStringLiteral("marhta"))
        == Approx(0.961).margin(0.001));
    CHECK(NameMatcher::jaroWinkler(QStringLiteral("rossi"), QStringLiteral("bianchi")) < 0.6);
    CHECK(NameMatcher::soundKey(QStringLiteral("rossi")) == NameMatcher::soundKey(QStringLiteral("rosi")));
    CHECK(NameMatcher::soundKey(QStringLiteral("rossi")) != NameMatcher::soundKey(QStringLiteral("bianchi")));
}

TEST_CASE("Mailboxes ignore Gmail dots and tags, addresses their punctuation", "[identity][duplicates]")
{
    CHECK(CustomerProfiles::mailboxOf(QStringLiteral("mario.rossi+shop@gmail.com"))
        == QStringLiteral("mariorossi@gmail.com"));
    CHECK(CustomerProfiles::mailboxOf(QStringLiteral("m.rossi@googlemail.com"))
        == QStringLiteral("mrossi@gmail.com"));
    // Other providers may treat dots as letters: only the tag goes.
    CHECK(CustomerProfiles::mailboxOf(QStringLiteral("m.rossi+x@libero.it"))
        == QStringLiteral("m.rossi@libero.it"));
    CHECK(CustomerProfiles::addressOf(QStringLiteral("Via Roma, 12"), QStringLiteral("Napoli"))
        == CustomerProfiles::addressOf(QStringLiteral("via roma 12 Napoli"), QStringLiteral("Napoli")));
}

TEST_CASE("findAll finds each planted duplicate and says why", "[identity][duplicates]")
{
    Fixture f;
    DuplicateFinder finder(f.store.db());
    const QList<DuplicatePair> pairs = finder.findAll();

    const DuplicatePair* accents = pairOf(pairs, f.nicolo, f.nicoloPlain);
    REQUIRE(accents);
    CHECK(mentions(*accents, "accents and capitals ignored"));
    CHECK(mentions(*accents, "same address"));

    const DuplicatePair* order = pairOf(pairs, f.mario, f.rossiMario);
    REQUIRE(order);
    CHECK(mentions(*order, "first and last name swapped"));
    CHECK(mentions(*order, "same mailbox mariorossi@gmail.com"));

    const DuplicatePair* nickname = pairOf(pairs, f.giuseppe, f.beppe);
    REQUIRE(nickname);
    CHECK(mentions(*nickname, "nickname Beppe → Giuseppe"));
    CHECK(mentions(*nickname, "same phone +39 333 111 2223"));

    const DuplicatePair* typo = pairOf(pairs, f.francesca, f.francescaTypo);
    REQUIRE(typo);
    CHECK(mentions(*typo, "Bianchi ≈ Bianci, a typo"));
    CHECK(mentions(*typo, "same company"));

    for (const DuplicatePair& p : pairs) {
        CHECK(p.score >= DuplicateScorer::kDefaultThreshold);
        CHECK(p.score <= 1.0);
        CHECK_FALSE(p.reasons.isEmpty());
    }
    // Best first.
    for (qsizetype i = 1; i < pairs.size(); ++i)
        CHECK(pairs[i - 1].score >= pairs[i].score);
    CHECK(pairs.size() == 4);
}

TEST_CASE("A shared phone with a different first name is not a duplicate", "[identity][duplicates]")
{
    Fixture f;
    DuplicateFinder finder(f.store.db());
    // Anna Verdi shares Giuseppe's number (a family landline): scored, halved, not reported.
    CHECK_FALSE(pairOf(finder.findAll(), f.giuseppe, f.anna));
    const QList<DuplicatePair> all = finder.findAll(0.0);
    const DuplicatePair* family = pairOf(all, f.giuseppe, f.anna);
    REQUIRE(family);
    CHECK(family->score < 0.4);
    CHECK(mentions(*family, "names differ"));
    // The same common name and nothing else stays under the threshold.
    const DuplicatePair* namesake = pairOf(all, f.mario, f.otherMario);
    REQUIRE(namesake);
    CHECK(namesake->score < DuplicateScorer::kDefaultThreshold);
    CHECK(namesake->reasons == QStringList { QStringLiteral("same name") });
}

TEST_CASE("Blocking compares only customers that share a key", "[identity][duplicates]")
{
    Fixture f;
    DuplicateFinder finder(f.store.db());
    finder.findAll();
    const qint64 customers = f.store.customerCount();
    CHECK(finder.stats().customers == customers);
    // 20 customers make 190 pairs; the blocks hold a handful, strangers none.
    CHECK(finder.stats().candidatePairs > 0);
    CHECK(finder.stats().candidatePairs <= 12);
    CHECK(finder.stats().windowedBlocks == 0);
    for (const DuplicatePair& p : finder.findAll(0.0))
        for (const qint64 stranger : f.strangers)
            CHECK((p.first != stranger && p.second != stranger));
}

TEST_CASE("A block over the cap is compared through a window, not all pairs", "[identity][duplicates]")
{
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("common.db")));
    for (int i = 0; i < 60; ++i)
        addPerson(store, "Mario", "Rossi", QStringLiteral("Via Roma %1").arg(i).toUtf8().constData(), "Roma");
    DuplicateFinder::Options options;
    options.blockCap = 40;
    options.window = 3;
    DuplicateFinder finder(store.db(), options);
    finder.findAll();
    CHECK(finder.stats().largestBlock == 60);
    CHECK(finder.stats().windowedBlocks >= 1);
    // All pairs would be 1,770; each name family's window gives at most 60 * 3.
    CHECK(finder.stats().candidatePairs <= 60 * 3);
    CHECK(finder.stats().candidatePairs >= 57 * 3 - 3);
}

TEST_CASE("findForCustomer returns one customer's likely duplicates", "[identity][duplicates]")
{
    Fixture f;
    DuplicateFinder finder(f.store.db());

    const QList<DuplicatePair> forBeppe = finder.findForCustomer(f.beppe);
    REQUIRE(forBeppe.size() == 1);
    CHECK(forBeppe.first().first == f.giuseppe);
    CHECK(forBeppe.first().second == f.beppe);
    CHECK(mentions(forBeppe.first(), "nickname Beppe → Giuseppe"));

    const QList<DuplicatePair> forTypo = finder.findForCustomer(f.francescaTypo);
    REQUIRE(forTypo.size() == 1);
    CHECK(forTypo.first().first == f.francesca);

    const QList<DuplicatePair> forRossi = finder.findForCustomer(f.rossiMario);
    REQUIRE(forRossi.size() == 1);
    CHECK(forRossi.first().first == f.mario);

    CHECK(finder.findForCustomer(f.strangers.front()).isEmpty());
    CHECK(finder.findForCustomer(999'999).isEmpty());
}

TEST_CASE("Loading the whole store reads addresses, mailboxes and names as loading one customer does",
    "[identity][duplicates]")
{
    // loadAll folds ASCII straight from the bytes and reads identities on a
    // second connection; load() of chosen ids is the reference.
    TestSupport::TempDir dir;
    Store store(dir.file(QStringLiteral("profiles.db")));
    const qint64 plain = addPerson(store, "Mario", "D'Angelo", "Via dell'Orto 3", "Milano", "Orto S.r.l.");
    const qint64 curly = addPerson(store, "MARIO", "D\u2019ANGELO", "VIA DELL\u2019ORTO, 3 - Milano", "", "orto srl");
    const qint64 withCity = addPerson(store, "Mário", "Dangelo", "via dell'orto 3", "MILANO");
    const qint64 other = addPerson(store, "Anna", "Verdi", "Piazza Duomo 1", "Milano");
    Customer displayOnly;
    displayOnly.displayName = QStringLiteral("Giulia Maria Bianchi");
    const qint64 onlyDisplay = store.addCustomer(displayOnly);
    store.addIdentity(plain, IdentityKind::Email, QStringLiteral("mario.dangelo+news@gmail.com"), QStringLiteral("crm"));
    store.addIdentity(curly, IdentityKind::Email, QStringLiteral("MarioDangelo@googlemail.com"), QStringLiteral("crm"));
    store.addIdentity(other, IdentityKind::Social, QStringLiteral("@Anna.Verdi"), QStringLiteral("crm"), QStringLiteral("x"));
    store.addIdentity(withCity, IdentityKind::Social, QStringLiteral("@márió"), QStringLiteral("crm"), QStringLiteral("x"));
    addPhone(store, other, "+39 02 1234 5678");

    CustomerProfiles all;
    all.loadAll(store.db());
    const std::vector<qint64> ids { plain, curly, withCity, other, onlyDisplay };
    CustomerProfiles each;
    each.load(store.db(), ids);
    REQUIRE(all.size() == 5);
    for (const qint64 id : ids) {
        INFO(id);
        const CustomerProfiles::Profile& a = all.at(all.indexOf(id));
        const CustomerProfiles::Profile& b = each.at(each.indexOf(id));
        CHECK(all.name(a.first) == each.name(b.first));
        CHECK(all.name(a.last) == each.name(b.last));
        CHECK(all.name(a.firstRoot) == each.name(b.firstRoot));
        CHECK(a.company == b.company);
        CHECK(a.address == b.address);
        // The same keys, in whichever order the rows were read.
        const auto keysOf = [](const CustomerProfiles& profiles, const CustomerProfiles::Profile& p) {
            std::vector<std::pair<int, quint64>> keys;
            for (const auto* key = profiles.keysBegin(p); key != profiles.keysEnd(p); ++key)
                keys.emplace_back(int(key->kind), key->value);
            std::sort(keys.begin(), keys.end());
            return keys;
        };
        CHECK(keysOf(all, a) == keysOf(each, b));
    }
    const auto profile = [&](qint64 id) { return all.at(all.indexOf(id)); };
    // Apostrophes, punctuation, capitals and a city written once or twice: one address, one company.
    CHECK(profile(plain).address != 0);
    CHECK(profile(curly).address == profile(plain).address);
    CHECK(profile(withCity).address == profile(plain).address);
    CHECK(profile(other).address != profile(plain).address);
    CHECK(profile(curly).company == profile(plain).company);
    CHECK(all.name(profile(curly).last) == QStringLiteral("dangelo"));
    // Gmail's dots, tags and googlemail.com: one mailbox, whichever path read it.
    REQUIRE(profile(plain).keysEnd - profile(plain).keysBegin == 1);
    CHECK(all.keysBegin(profile(plain))->value == all.keysBegin(profile(curly))->value);
    // Only a display name: its first word is the first name.
    CHECK(all.name(profile(onlyDisplay).first) == QStringLiteral("giulia"));
    CHECK(all.name(profile(onlyDisplay).last) == QStringLiteral("mariabianchi"));
}
