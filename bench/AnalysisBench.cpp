// unisono-analysis-bench: the text analyser (language, sentiment, intent) on
// the hand-labelled evaluation sets (the main set, read while the lexicons
// were written, and a held-out set never used to tune them), side by side
// in the same run with
// established sentiment scorers run through Node.js on the same messages
// (vader-sentiment and sentiment for English, multilang-sentiment for
// Italian), then its throughput on one thread. Not a test: it prints.
//
//   unisono-analysis-bench [--set FILE]... [--peers DIR] [--node PROGRAM] [--no-peers]
//                          [--seconds N] [--runs N] [--errors]

#include "BenchFigures.h"
#include "BenchTable.h"
#include "ClassificationReport.h"
#include "PeerScorers.h"
#include "analysis/LabelledMessage.h"
#include "analysis/TextAnalyzer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <algorithm>
#include <cstdio>
#include <stdexcept>

using namespace BenchFigures;

namespace {

const QStringList kPolarities { QStringLiteral("negative"), QStringLiteral("neutral"),
    QStringLiteral("positive") };
const QStringList kIntents { QStringLiteral("other"), QStringLiteral("complaint"), QStringLiteral("question"),
    QStringLiteral("praise") };
const QStringList kLanguages { QStringLiteral("und"), QStringLiteral("it"), QStringLiteral("en") };
constexpr int kFigureWidth = 34;

void print(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
}

void printHeading(const QString& title)
{
    print(QString());
    print(QStringLiteral("== %1 ==").arg(title));
}

QString fixed(double value)
{
    return QString::number(value, 'f', 3);
}

// One scorer's reading of one language's messages.
struct Column
{
    QString name;
    ClassificationReport polarity { kPolarities };
    std::optional<ClassificationReport> intent;
    QMap<QString, ClassificationReport> byTag;
};

void printSideBySide(const QString& title, const std::vector<Column>& columns, bool intents)
{
    printHeading(title);
    int width = 12;
    for (const Column& c : columns)
        width = std::max(width, int(c.name.size()));
    QString header = QStringLiteral("figure").leftJustified(kFigureWidth);
    for (const Column& c : columns)
        header += QStringLiteral(" | ") + c.name.rightJustified(width);
    print(header);
    const auto row = [&](const QString& figure, const auto& value) {
        QString line = figure.leftJustified(kFigureWidth);
        for (const Column& c : columns)
            line += QStringLiteral(" | ") + value(c).rightJustified(width);
        print(line);
    };
    row(QStringLiteral("messages"), [](const Column& c) { return QString::number(c.polarity.total()); });
    row(QStringLiteral("sentiment accuracy"), [](const Column& c) { return fixed(c.polarity.accuracy()); });
    row(QStringLiteral("sentiment macro-F1"), [](const Column& c) { return fixed(c.polarity.macroF1()); });
    if (intents) {
        row(QStringLiteral("intent accuracy"),
            [](const Column& c) { return c.intent ? fixed(c.intent->accuracy()) : QStringLiteral("-"); });
        row(QStringLiteral("intent macro-F1"),
            [](const Column& c) { return c.intent ? fixed(c.intent->macroF1()) : QStringLiteral("-"); });
    }
    QStringList tags;
    for (const Column& c : columns)
        for (const QString& tag : c.byTag.keys())
            if (!tags.contains(tag))
                tags.append(tag);
    tags.sort();
    for (const QString& tag : tags)
        row(QStringLiteral("sentiment accuracy, %1").arg(tag), [&](const Column& c) {
            const auto it = c.byTag.constFind(tag);
            return it == c.byTag.cend()
                ? QStringLiteral("-")
                : QStringLiteral("%1 (%2)").arg(fixed(it->accuracy())).arg(it->total());
        });
    for (const Column& c : columns) {
        print(QString());
        for (const QString& line : c.polarity.confusionLines(c.name + QStringLiteral(" sentiment")))
            print(line);
        if (intents && c.intent) {
            print(QString());
            for (const QString& line : c.intent->confusionLines(c.name + QStringLiteral(" intent")))
                print(line);
        }
    }
}

void addTagged(Column& column, const LabelledMessage& message, int predicted)
{
    column.polarity.add(int(message.polarity), predicted);
    for (const QString& tag : message.tags) {
        auto it = column.byTag.find(tag);
        if (it == column.byTag.end())
            it = column.byTag.insert(tag, ClassificationReport(kPolarities));
        it->add(int(message.polarity), predicted);
    }
}

// Messages/s of analyse() over `texts`, cycled, for `seconds`.
double throughput(const std::vector<QString>& texts, double seconds, double& checksum)
{
    TextAnalyzer analyzer;
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    const qint64 limit = qint64(seconds * 1e9);
    while (timer.nsecsElapsed() < limit) {
        for (const QString& text : texts) {
            const TextAnalysis analysis = analyzer.analyse(text);
            checksum += analysis.sentiment + int(analysis.intent);
        }
        done += qint64(texts.size());
    }
    return double(done) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

// The whole report for one labelled set: ours and the peers' side by side.
void evaluate(const QString& setPath, const std::vector<LabelledMessage>& messages, bool runPeers,
    const QString& node, const QString& peersDirectory, bool listErrors)
{
    printHeading(QStringLiteral("SET %1 (%2 messages)").arg(setPath).arg(messages.size()));
    if (setPath == QLatin1String(UNISONO_ANALYSIS_SET))
        print(QStringLiteral("the development set: read while the lexicons were written, so its figures flatter"));
    else if (setPath == QLatin1String(UNISONO_ANALYSIS_HOLDOUT))
        print(QStringLiteral("the held-out set: never used to tune the rules"));
    TextAnalyzer analyzer;
    std::vector<TextAnalysis> results;
    results.reserve(messages.size());
    for (const LabelledMessage& message : messages)
        results.push_back(analyzer.analyse(message.text));

    std::vector<PeerScorers::Peer> peers;
    QString unavailable = QStringLiteral("peer not available: --no-peers");
    QString peerCommand;
    if (runPeers) {
        unavailable.clear();
        peers = PeerScorers::run(node, peersDirectory, setPath, unavailable, peerCommand);
    }
    print(QStringLiteral("peers: %1").arg(unavailable.isEmpty() ? peerCommand : unavailable));
    for (const PeerScorers::Peer& peer : peers)
        print(QStringLiteral("  %1 %2 on %3 messages (%4; %5)")
                  .arg(peer.name, peer.version, Languages::code(peer.language), peer.field,
                      peer.name == u"vader-sentiment" ? QStringLiteral("positive >= 0.05, negative <= -0.05")
                                                      : QStringLiteral("positive > 0, negative < 0")));

    for (const Language language : { Language::Italian, Language::English }) {
        std::vector<Column> columns(1);
        columns[0].name = QStringLiteral("unisono");
        columns[0].intent.emplace(kIntents);
        for (const PeerScorers::Peer& peer : peers)
            if (peer.language == language)
                columns.push_back(Column { peer.name, ClassificationReport(kPolarities), std::nullopt, {} });
        for (std::size_t i = 0; i < messages.size(); ++i) {
            const LabelledMessage& message = messages[i];
            if (message.language != language)
                continue;
            addTagged(columns[0], message, int(Polarities::of(results[i].sentiment)));
            columns[0].intent->add(int(message.intent), int(results[i].intent));
            std::size_t c = 1;
            for (const PeerScorers::Peer& peer : peers) {
                if (peer.language != language)
                    continue;
                const auto score = peer.scores.constFind(message.id);
                addTagged(columns[c++], message,
                    int(score == peer.scores.cend() ? Polarity::Neutral : peer.polarity(*score)));
            }
        }
        printSideBySide(language == Language::Italian ? QStringLiteral("Italian") : QStringLiteral("English"),
            columns, true);
    }

    printHeading(QStringLiteral("Language (und = emoji only)"));
    ClassificationReport languages(kLanguages);
    ClassificationReport mixedLanguages(kLanguages);
    double confidence = 0;
    int mixedFlagged = 0, mixedTagged = 0, mixedFalse = 0;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const bool tagged = messages[i].tags.contains(QStringLiteral("mixed"));
        languages.add(int(messages[i].language), int(results[i].language.language));
        if (tagged)
            mixedLanguages.add(int(messages[i].language), int(results[i].language.language));
        confidence += results[i].language.confidence;
        mixedTagged += tagged;
        mixedFlagged += tagged && results[i].language.mixed;
        mixedFalse += !tagged && results[i].language.mixed;
    }
    print(QStringLiteral("accuracy %1, macro-F1 %2, mean confidence %3")
              .arg(fixed(languages.accuracy()), fixed(languages.macroF1()),
                  fixed(confidence / messages.size())));
    print(QStringLiteral("mixed-language messages: matrix language right %1 of %2; flagged mixed %3 of %2; "
                         "flagged mixed but not tagged: %4")
              .arg(qRound(mixedLanguages.accuracy() * mixedLanguages.total()))
              .arg(mixedTagged)
              .arg(mixedFlagged)
              .arg(mixedFalse));
    print(QString());
    for (const QString& line : languages.confusionLines(QStringLiteral("language")))
        print(line);

    if (listErrors) {
        printHeading(QStringLiteral(
            "Messages the analyser got wrong (id score truth/ours sentiment, intent, language)"));
        for (std::size_t i = 0; i < messages.size(); ++i) {
            const LabelledMessage& m = messages[i];
            const TextAnalysis& r = results[i];
            const Polarity polarity = Polarities::of(r.sentiment);
            if (polarity == m.polarity && r.intent == m.intent && r.language.language == m.language)
                continue;
            print(QStringLiteral("%1 %2 %3/%4 %5/%6 %7/%8%9 | %10")
                      .arg(m.id, fixed(r.sentiment), Polarities::key(m.polarity).left(3),
                          Polarities::key(polarity).left(3), Intents::key(m.intent).left(4),
                          Intents::key(r.intent).left(4), Languages::code(m.language),
                          Languages::code(r.language.language),
                          r.sarcastic ? QStringLiteral(" sarcastic") : QString())
                      .arg(m.text));
        }
    }
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Evaluates the text analyser against its labelled sets and peers."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("set"),
        QStringLiteral(
            "A labelled set (JSON lines); repeat for several. Default: the main and the held-out set."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("peers"), QStringLiteral("Folder of the Node.js peer scorers."),
        QStringLiteral("dir"), QStringLiteral(UNISONO_ANALYSIS_PEERS) });
    parser.addOption({ QStringLiteral("node"), QStringLiteral("The Node.js program."),
        QStringLiteral("program"), QStringLiteral("node") });
    parser.addOption({ QStringLiteral("no-peers"), QStringLiteral("Skip the Node.js peers.") });
    parser.addOption({ QStringLiteral("seconds"), QStringLiteral("Seconds per throughput run."),
        QStringLiteral("n"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Throughput runs (the range is printed)."),
        QStringLiteral("n"), QStringLiteral("5") });
    parser.addOption(
        { QStringLiteral("errors"), QStringLiteral("List every message the analyser got wrong.") });
    parser.process(app);

    QStringList sets = parser.values(QStringLiteral("set"));
    if (sets.isEmpty())
        sets = { QStringLiteral(UNISONO_ANALYSIS_SET), QStringLiteral(UNISONO_ANALYSIS_HOLDOUT) };
    std::vector<std::vector<LabelledMessage>> loaded;
    try {
        for (const QString& set : sets)
            loaded.push_back(LabelledMessage::load(set));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "unisono-analysis-bench: %s\n", e.what());
        return 1;
    }
    print(QStringLiteral("command: %1").arg(QCoreApplication::arguments().join(QLatin1Char(' '))));
    print(QStringLiteral("machine: %1").arg(cpuModel()));
    for (std::size_t s = 0; s < loaded.size(); ++s)
        evaluate(sets[qsizetype(s)], loaded[s], !parser.isSet(QStringLiteral("no-peers")),
            parser.value(QStringLiteral("node")), parser.value(QStringLiteral("peers")),
            parser.isSet(QStringLiteral("errors")));

    printHeading(QStringLiteral("Throughput: analyse() = language + sentiment + intent, one thread"));
    std::vector<QString> shortTexts;
    for (const LabelledMessage& m : loaded.front())
        shortTexts.push_back(m.text);
    // E-mail sized bodies: eight messages of the set back to back (~600 characters).
    std::vector<QString> longTexts;
    for (std::size_t i = 0; i + 8 <= shortTexts.size(); i += 8) {
        QString body;
        for (std::size_t k = i; k < i + 8; ++k)
            body += shortTexts[k] + QLatin1Char('\n');
        longTexts.push_back(body);
    }
    qint64 shortChars = 0, longChars = 0;
    for (const QString& t : shortTexts)
        shortChars += t.size();
    for (const QString& t : longTexts)
        longChars += t.size();
    const double seconds = parser.value(QStringLiteral("seconds")).toDouble();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    double checksum = 0;
    BenchTable table;
    for (const auto& [name, texts, chars] :
        { std::tuple { QStringLiteral("set messages"), &shortTexts, shortChars },
            std::tuple { QStringLiteral("e-mail bodies"), &longTexts, longChars } }) {
        std::vector<qint64> rates;
        for (int r = 0; r < runs; ++r)
            rates.push_back(qint64(throughput(*texts, seconds, checksum)));
        std::sort(rates.begin(), rates.end());
        table.add(
            QStringLiteral("%1 (mean %2 chars), messages/s").arg(name).arg(chars / qint64(texts->size())),
            QStringLiteral("%1 – %2").arg(grouped(rates.front()), grouped(rates.back())),
            QStringLiteral("median %1 over %2 runs of %3 s; aim >= 10,000/s")
                .arg(grouped(rates[rates.size() / 2]))
                .arg(runs)
                .arg(seconds));
    }
    table.print();
    std::printf("(checksum %.1f)\n", checksum);
    return 0;
}
