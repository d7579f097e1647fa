#include "LabelledMessage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <stdexcept>

namespace {

[[noreturn]] void fail(const QString& path, int line, const QString& why)
{
    throw std::runtime_error(QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(why).toStdString());
}

QString field(const QJsonObject& object, const char* name, const QString& path, int line)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        fail(path, line, QStringLiteral("\"%1\" must be a non-empty string").arg(QLatin1String(name)));
    return value.toString();
}

} // namespace

std::vector<LabelledMessage> LabelledMessage::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()).toStdString());
    std::vector<LabelledMessage> messages;
    QSet<QString> ids;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            fail(path, lineNumber, QStringLiteral("not a JSON object: %1").arg(error.errorString()));
        const QJsonObject object = document.object();
        LabelledMessage message;
        message.id = field(object, "id", path, lineNumber);
        if (ids.contains(message.id))
            fail(path, lineNumber, QStringLiteral("duplicate id %1").arg(message.id));
        ids.insert(message.id);
        const QString language = field(object, "lang", path, lineNumber);
        const QString polarity = field(object, "sentiment", path, lineNumber);
        const QString intent = field(object, "intent", path, lineNumber);
        const auto parsedLanguage = Languages::fromCode(language);
        const auto parsedPolarity = Polarities::fromKey(polarity);
        const auto parsedIntent = Intents::fromKey(intent);
        if (!parsedLanguage)
            fail(path, lineNumber, QStringLiteral("unknown lang \"%1\" (it, en or und)").arg(language));
        if (!parsedPolarity)
            fail(path, lineNumber,
                QStringLiteral("unknown sentiment \"%1\" (negative, neutral or positive)").arg(polarity));
        if (!parsedIntent)
            fail(path, lineNumber,
                QStringLiteral("unknown intent \"%1\" (complaint, question, praise or other)").arg(intent));
        message.language = *parsedLanguage;
        message.polarity = *parsedPolarity;
        message.intent = *parsedIntent;
        message.text = field(object, "text", path, lineNumber);
        for (const QJsonValue& tag : object.value(QLatin1String("tags")).toArray())
            message.tags.append(tag.toString());
        messages.push_back(std::move(message));
    }
    return messages;
}
