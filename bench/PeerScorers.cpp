#include "PeerScorers.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

Polarity PeerScorers::Peer::polarity(double score) const
{
    const double threshold = name == u"vader-sentiment" ? 0.05 : 0.0;
    if (score >= threshold && score > 0)
        return Polarity::Positive;
    if (score <= -threshold && score < 0)
        return Polarity::Negative;
    return Polarity::Neutral;
}

std::vector<PeerScorers::Peer> PeerScorers::run(const QString& node, const QString& peersDirectory,
    const QString& setPath, QString& unavailable, QString& command)
{
    const QString script = QDir(peersDirectory).filePath(QStringLiteral("score.js"));
    command = QStringLiteral("(cd %1 && %2 score.js %3)").arg(peersDirectory, node, setPath);
    const QString program = QStandardPaths::findExecutable(node);
    if (program.isEmpty()) {
        unavailable = QStringLiteral("peer not available: no '%1' on PATH (Node.js is optional)").arg(node);
        return {};
    }
    if (!QFileInfo::exists(QDir(peersDirectory).filePath(QStringLiteral("node_modules/vader-sentiment")))) {
        unavailable = QStringLiteral("peer not available: run 'npm ci' in %1 first").arg(peersDirectory);
        return {};
    }
    QProcess process;
    process.setWorkingDirectory(peersDirectory);
    process.start(program, { script, setPath });
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        unavailable = QStringLiteral("peer not available: %1 failed: %2")
                          .arg(command, QString::fromUtf8(process.readAllStandardError()).trimmed());
        process.kill();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    if (error.error != QJsonParseError::NoError) {
        unavailable = QStringLiteral("peer not available: unreadable output: %1").arg(error.errorString());
        return {};
    }
    std::vector<Peer> peers;
    const QJsonObject all = document.object().value(QLatin1String("peers")).toObject();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const QJsonObject object = it.value().toObject();
        Peer peer;
        peer.name = it.key();
        peer.version = object.value(QLatin1String("version")).toString();
        peer.language = Languages::fromCode(object.value(QLatin1String("language")).toString())
                            .value_or(Language::Unknown);
        peer.field = object.value(QLatin1String("field")).toString();
        const QJsonObject scores = object.value(QLatin1String("scores")).toObject();
        for (auto s = scores.constBegin(); s != scores.constEnd(); ++s)
            peer.scores.insert(s.key(), s.value().toDouble());
        peers.push_back(std::move(peer));
    }
    // vader-sentiment before sentiment: the order the issue names them.
    std::sort(peers.begin(), peers.end(), [](const Peer& a, const Peer& b) {
        return a.language != b.language ? a.language < b.language : a.name > b.name;
    });
    return peers;
}
