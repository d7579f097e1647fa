#include "analysis/Lexicon.h"
#include "analysis/Polarity.h"
#include "analysis/TextAnalyzer.h"
#include "analysis/TextTokenizer.h"

#include <catch2/catch.hpp>

namespace {

double sentiment(const char* text)
{
    TextAnalyzer analyzer;
    return analyzer.analyse(QString::fromUtf8(text)).sentiment;
}

Polarity polarity(const char* text)
{
    return Polarities::of(sentiment(text));
}

Intent intent(const char* text)
{
    TextAnalyzer analyzer;
    return analyzer.analyse(QString::fromUtf8(text)).intent;
}

LanguageGuess language(const char* text, Language fallback = Language::Italian)
{
    TextAnalyzer analyzer(fallback);
    return analyzer.detectLanguage(QString::fromUtf8(text));
}

QStringList tokens(const char* text)
{
    TokenizedText tokenized;
    TextTokenizer::tokenize(QString::fromUtf8(text), tokenized);
    QStringList result;
    for (const TextToken& token : tokenized.tokens)
        result.append(tokenized.text(token).toString());
    return result;
}

} // namespace

TEST_CASE("The tokenizer splits Italian elisions and keeps English contractions whole", "[analysis]")
{
    CHECK(tokens("L'addebito c'è") == QStringList { "l'", "addebito", "c'", "e" });
    CHECK(tokens("I don't think it's fair") == QStringList { "i", "don't", "think", "it's", "fair" });
    CHECK(tokens("un po’ lento") == QStringList { "un", "po'", "lento" }); // typographic apostrophe
}

TEST_CASE("The tokenizer folds case and accents and marks shouted words", "[analysis]")
{
    TokenizedText tokenized;
    TextTokenizer::tokenize(QStringLiteral("PERCHÉ è così LENTO ok"), tokenized);
    REQUIRE(tokenized.tokens.size() == 5);
    CHECK(tokenized.folded == QStringLiteral("perche e cosi lento ok"));
    CHECK(tokenized.tokens[0].shouted);
    CHECK_FALSE(tokenized.tokens[1].shouted);
    CHECK(tokenized.tokens[3].shouted);
    CHECK_FALSE(tokenized.tokens[4].shouted); // two letters are not shouting
}

TEST_CASE(
    "Emoji are one token each without selectors, joiners or skin tones, emoticons are tokens", "[analysis]")
{
    CHECK(tokens("grazie ❤️👍🏽") == QStringList { "grazie", "❤", "👍" });
    CHECK(tokens("ok :-) :D") == QStringList { "ok", ":-)", ":d" });
    // A time is not an emoticon; links and mentions say nothing; hashtags are words.
    CHECK(tokens("alle 10:30 @Lumenet https://x.example/a?b #disservizio")
        == QStringList { "alle", "10:30", "disservizio" });
}

TEST_CASE("Italian superlatives are read through their base word, stronger", "[analysis]")
{
    float intensity = 1;
    const LexiconEntry* superlative = Lexicon::italian().find(u"velocissimi", &intensity);
    REQUIRE(superlative != nullptr);
    CHECK(superlative == Lexicon::italian().find(u"veloce"));
    CHECK(intensity > 1.f);
    CHECK(sentiment("Siete velocissimi") > sentiment("Siete veloci"));
    CHECK(sentiment("Un servizio lentissimo") < sentiment("Un servizio lento"));
}

TEST_CASE("Negation flips opinion words in both languages", "[analysis]")
{
    CHECK(polarity("La nuova app è male") == Polarity::Negative);
    CHECK(polarity("Non è male la nuova app") == Polarity::Positive);
    CHECK(polarity("The new app is bad") == Polarity::Negative);
    CHECK(polarity("The new app is not bad") == Polarity::Positive);
    CHECK(polarity("Sono soddisfatto") == Polarity::Positive);
    CHECK(polarity("Per niente soddisfatto dell'assistenza") == Polarity::Negative);
    CHECK(polarity("I am happy with the service") == Polarity::Positive);
    CHECK(polarity("I am not happy with the service") == Polarity::Negative);
    CHECK(polarity("Niente male il nuovo modem") == Polarity::Positive);
    // A negator reaches three words, not across a comma.
    CHECK(polarity("No, il tecnico è stato gentile") == Polarity::Positive);
}

TEST_CASE("Italian double negatives flip once", "[analysis]")
{
    CHECK(polarity("Il rimborso non è mai arrivato") == Polarity::Negative);
    CHECK(polarity("Non ho mai avuto un problema con voi") == Polarity::Positive);
}

TEST_CASE("Intensifiers strengthen and diminishers soften", "[analysis]")
{
    CHECK(sentiment("Sono molto deluso") < sentiment("Sono deluso"));
    CHECK(sentiment("Sono deluso") < sentiment("Sono un po' deluso"));
    CHECK(sentiment("The agent was very helpful") > sentiment("The agent was helpful"));
    CHECK(sentiment("The agent was helpful") > sentiment("The agent was slightly helpful"));
    CHECK(sentiment("Extremely disappointed") < sentiment("disappointed"));
}

TEST_CASE("Capitals and exclamation marks add emphasis", "[analysis]")
{
    CHECK(sentiment("TERRIBLE service") < sentiment("terrible service"));
    CHECK(sentiment("Great service!!!") > sentiment("Great service"));
    CHECK(sentiment("Servizio pessimo!!") < sentiment("Servizio pessimo"));
}

TEST_CASE("Emoji and emoticons carry sentiment on their own", "[analysis]")
{
    CHECK(polarity("😡😡") == Polarity::Negative);
    CHECK(polarity("😍") == Polarity::Positive);
    CHECK(polarity(":)") == Polarity::Positive);
    CHECK(polarity(":(") == Polarity::Negative);
    CHECK(sentiment("Consegna arrivata 👍") > sentiment("Consegna arrivata"));
}

TEST_CASE("After a contrast the second clause decides", "[analysis]")
{
    CHECK(polarity("Il prezzo è buono ma la linea è lenta e il servizio pessimo") == Polarity::Negative);
    CHECK(polarity("Qualche ritardo, però il tecnico è stato bravissimo") == Polarity::Positive);
    CHECK(polarity("The agent was polite but the problem is still a disaster") == Polarity::Negative);
    CHECK(polarity("Delivery was a bit slow, but the staff were wonderful") == Polarity::Positive);
}

TEST_CASE("Praise used ironically about trouble reads negative", "[analysis]")
{
    TextAnalyzer analyzer;
    const TextAnalysis marked = analyzer.analyse(QStringLiteral("Great, another week without internet 🙄"));
    CHECK(marked.sarcastic);
    CHECK(Polarities::of(marked.sentiment) == Polarity::Negative);
    const TextAnalysis opener = analyzer.analyse(QStringLiteral("Fantastico, di nuovo senza linea."));
    CHECK(opener.sarcastic);
    CHECK(Polarities::of(opener.sentiment) == Polarity::Negative);
    // Praise for how a problem was handled is not irony.
    const TextAnalysis genuine
        = analyzer.analyse(QStringLiteral("Grazie mille, il guasto è stato risolto in un'ora, bravissimi"));
    CHECK_FALSE(genuine.sarcastic);
    CHECK(Polarities::of(genuine.sentiment) == Polarity::Positive);
}

TEST_CASE("Neutral questions stay neutral even when they name a problem", "[analysis]")
{
    CHECK(polarity("Come posso cambiare l'indirizzo di fatturazione?") == Polarity::Neutral);
    CHECK(polarity("What happens if I pay my bill late?") == Polarity::Neutral);
    CHECK(polarity("Ho inviato i documenti.") == Polarity::Neutral);
}

TEST_CASE("Scores stay within -1 and 1 however much a message says", "[analysis]")
{
    QString angry, happy;
    for (int i = 0; i < 200; ++i) {
        angry += QStringLiteral("TERRIBILE vergogna PESSIMO!!! 😡 ");
        happy += QStringLiteral("FANTASTICO eccellente BRAVISSIMI!!! 😍 ");
    }
    TextAnalyzer analyzer;
    const double low = analyzer.analyse(angry).sentiment;
    const double high = analyzer.analyse(happy).sentiment;
    CHECK(low >= -1.0);
    CHECK(low < -0.9);
    CHECK(high <= 1.0);
    CHECK(high > 0.9);
}

TEST_CASE("Short texts get a language, texts without words get none", "[analysis]")
{
    CHECK(language("Grazie!").language == Language::Italian);
    CHECK(language("Thanks!").language == Language::English);
    CHECK(language("Buongiorno").language == Language::Italian);
    CHECK(language("Any update?").language == Language::English);
    // Unseen words lean by their letters.
    CHECK(language("Ricaricato stamattina").language == Language::Italian);
    CHECK(language("Dispatched yesterday").language == Language::English);
    const LanguageGuess emoji = language("👍👍 🙏");
    CHECK(emoji.language == Language::Unknown);
    CHECK(emoji.confidence == 0);
    CHECK(language("12345").language == Language::Unknown);
}

TEST_CASE("With no evidence either way the fallback language wins at a coin toss", "[analysis]")
{
    const LanguageGuess italian = language("Ok", Language::Italian);
    CHECK(italian.language == Language::Italian);
    CHECK(italian.confidence == Approx(0.5));
    CHECK(language("Ok", Language::English).language == Language::English);
}

TEST_CASE("Longer texts are detected with high confidence", "[analysis]")
{
    const LanguageGuess italian
        = language("Buongiorno, vorrei sapere quando arriva la prossima bolletta della luce");
    CHECK(italian.language == Language::Italian);
    CHECK(italian.confidence > 0.95);
    CHECK_FALSE(italian.mixed);
    const LanguageGuess english = language("Hi, could you tell me when my next electricity bill is due?");
    CHECK(english.language == Language::English);
    CHECK(english.confidence > 0.95);
}

TEST_CASE("Mixed Italian and English gives the main language and says it is mixed", "[analysis]")
{
    const LanguageGuess mostlyItalian
        = language("Il refund non è ancora arrivato e il customer service non risponde, very disappointed");
    CHECK(mostlyItalian.language == Language::Italian);
    CHECK(mostlyItalian.mixed);
    const LanguageGuess mostlyEnglish
        = language("I have been waiting for the rimborso for a month and the bolletta is still wrong");
    CHECK(mostlyEnglish.language == Language::English);
    CHECK(mostlyEnglish.mixed);
    // Opinion words of the other language still count.
    CHECK(polarity("Il nuovo piano è great, sono super happy") == Polarity::Positive);
}

TEST_CASE("Questions are found by question marks, interrogatives and request phrases", "[analysis]")
{
    CHECK(intent("Come posso cambiare l'indirizzo?") == Intent::Question);
    CHECK(intent("Quando arriva il tecnico") == Intent::Question); // no question mark
    CHECK(intent("Vorrei sapere se la fibra arriva in via Roma") == Intent::Question);
    CHECK(intent("How do I change my address?") == Intent::Question);
    CHECK(intent("Just wondering when the engineer is coming") == Intent::Question);
    CHECK(intent("Buongiorno, è possibile spostare l'appuntamento a giovedì") == Intent::Question);
    // A rhetorical question is not a question.
    CHECK(intent("Gentili, veloci e disponibili. Cosa chiedere di più?") == Intent::Praise);
}

TEST_CASE("Complaints are unhappy messages and questions that accuse", "[analysis]")
{
    CHECK(intent("Internet non funziona da tre giorni e nessuno mi ha richiamato") == Intent::Complaint);
    CHECK(intent("Terrible service, I'm switching provider") == Intent::Complaint);
    CHECK(intent("Why was I charged twice without any notice??") == Intent::Complaint);
    CHECK(intent("L'allaccio è rimandato per la quarta volta") == Intent::Complaint);
    // Unhappy but only asking for help: a question.
    CHECK(intent("Purtroppo ho perso la ricevuta, posso fare il reso lo stesso?") == Intent::Question);
}

TEST_CASE("Praise praises, thanks alone is politeness", "[analysis]")
{
    CHECK(intent("Grazie mille, siete stati gentilissimi!") == Intent::Praise);
    CHECK(intent("Kudos to the engineer, fixed in ten minutes") == Intent::Praise);
    CHECK(intent("Grazie per l'aiuto con la voltura") == Intent::Praise);
    CHECK(intent("Ok, grazie") == Intent::Other);
    CHECK(intent("Got it, thanks") == Intent::Other);
    CHECK(intent("Ho inviato i documenti richiesti.") == Intent::Other);
}

TEST_CASE("Hostile or broken text is analysed without harm", "[analysis]")
{
    TextAnalyzer analyzer;
    QString lone;
    lone.append(QChar(0xD83D)); // a high surrogate with no partner
    lone.append(QStringLiteral(" ciao "));
    lone.append(QChar(0xDE00)); // a low surrogate alone
    const QString long50k = QString(QStringLiteral("pessimo servizio ")).repeated(3000);
    const QString rtl = QStringLiteral("\u202Egrazie\u202C \u200Bmille\u200B \u05E9\u05DC\u05D5\u05DD");
    const QString html = QStringLiteral("<script>alert('x')</script><b>Ottimo</b> servizio");
    for (const QString& text : { QString(), QStringLiteral("   "), lone, long50k, rtl, html,
             QString::fromUtf8("\xff\xfe broken \xc3 utf-8") }) {
        const TextAnalysis analysis = analyzer.analyse(text);
        CHECK(analysis.sentiment >= -1.0);
        CHECK(analysis.sentiment <= 1.0);
        CHECK(analysis.language.confidence >= 0.0);
        CHECK(analysis.language.confidence <= 1.0);
    }
    CHECK(analyzer.analyse(QString()).language.language == Language::Unknown);
    CHECK(analyzer.analyse(QString()).intent == Intent::Other);
    CHECK(Polarities::of(analyzer.analyse(html).sentiment) == Polarity::Positive);
}
