#include "TestSupport.h"
#include "analysis/LabelledMessage.h"
#include "analysis/TextAnalyzer.h"

#include <QFile>
#include <catch2/catch.hpp>
#include <map>

namespace {

QString dataFile(const char* name)
{
    return QStringLiteral(UNISONO_TEST_DATA_DIR "/") + QLatin1String(name);
}

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

TEST_CASE(
    "The evaluation set parses and holds at least 300 labelled messages per language", "[analysis][set]")
{
    const std::vector<LabelledMessage> messages = LabelledMessage::load(dataFile("analysis-set.jsonl"));
    std::map<Language, int> perLanguage;
    std::map<Polarity, int> perPolarity;
    std::map<Intent, int> perIntent;
    for (const LabelledMessage& m : messages) {
        ++perLanguage[m.language];
        ++perPolarity[m.polarity];
        ++perIntent[m.intent];
        CHECK_FALSE(m.text.trimmed().isEmpty());
    }
    CHECK(perLanguage[Language::Italian] >= 300);
    CHECK(perLanguage[Language::English] >= 300);
    // Every class is represented, so every confusion-matrix row means something.
    CHECK(perPolarity.size() == 3);
    CHECK(perIntent.size() == 4);
}

TEST_CASE("The held-out set parses and covers both languages", "[analysis][set]")
{
    const std::vector<LabelledMessage> messages = LabelledMessage::load(dataFile("analysis-holdout.jsonl"));
    int italian = 0, english = 0;
    for (const LabelledMessage& m : messages) {
        italian += m.language == Language::Italian;
        english += m.language == Language::English;
    }
    CHECK(italian >= 50);
    CHECK(english >= 50);
}

TEST_CASE("The analyser does clearly better than chance on the evaluation set", "[analysis][set]")
{
    // A sane floor only: unisono-analysis-bench reports the real figures.
    const std::vector<LabelledMessage> messages = LabelledMessage::load(dataFile("analysis-set.jsonl"));
    TextAnalyzer analyzer;
    int polarity = 0, intent = 0, language = 0;
    for (const LabelledMessage& m : messages) {
        const TextAnalysis analysis = analyzer.analyse(m.text);
        polarity += Polarities::of(analysis.sentiment) == m.polarity;
        intent += analysis.intent == m.intent;
        language += analysis.language.language == m.language;
    }
    const double total = double(messages.size());
    CHECK(polarity / total > 0.6);
    CHECK(intent / total > 0.6);
    CHECK(language / total > 0.9);
}

TEST_CASE("A bad record in a labelled set is rejected with its file and line", "[analysis][set]")
{
    TestSupport::TempDir dir;
    const QString path = dir.file(QStringLiteral("set.jsonl"));
    const QByteArray good = R"({"id":"a","lang":"it","sentiment":"neutral","intent":"other","text":"ok"})"
                            "\n";
    const auto rejects = [&](const QByteArray& second, const char* why) {
        write(path, good + second);
        INFO(why);
        CHECK_THROWS_WITH(LabelledMessage::load(path), Catch::Contains(":2:") && Catch::Contains(why));
    };
    rejects("{not json", "not a JSON object");
    rejects(R"({"id":"a","lang":"it","sentiment":"neutral","intent":"other","text":"x"})", "duplicate id");
    rejects(R"({"id":"b","lang":"fr","sentiment":"neutral","intent":"other","text":"x"})", "unknown lang");
    rejects(R"({"id":"b","lang":"it","sentiment":"happy","intent":"other","text":"x"})", "unknown sentiment");
    rejects(R"({"id":"b","lang":"it","sentiment":"neutral","intent":"rant","text":"x"})", "unknown intent");
    rejects(R"({"id":"b","lang":"it","sentiment":"neutral","intent":"other","text":"  "})", "\"text\"");
    CHECK_THROWS_WITH(
        LabelledMessage::load(dir.file(QStringLiteral("missing.jsonl"))), Catch::Contains("cannot read"));
    write(path, good);
    CHECK(LabelledMessage::load(path).size() == 1);
}
