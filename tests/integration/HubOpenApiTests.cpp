// hub/openapi.json must describe exactly the routes the hub serves: the
// test compares the file with HubRoutes, the table the server dispatches on.
#include "HubRoutes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <catch2/catch.hpp>

TEST_CASE("openapi.json describes exactly the routes the hub serves", "[hub][openapi]")
{
    QFile file(QStringLiteral(UNISONO_HUB_OPENAPI));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(document.isObject());
    CHECK(document.object().value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.0")));

    QSet<QString> described;
    const QJsonObject paths = document.object().value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
            if (operation.key() == QLatin1String("parameters"))
                continue;
            described.insert(operation.key().toUpper() + QLatin1Char(' ') + path.key());
            CHECK(operation.value().toObject().contains(QStringLiteral("responses")));
        }
    }
    QSet<QString> served;
    for (const HubRoutes::Route& route : HubRoutes::all())
        served.insert(HubRoutes::methodName(route.method) + QLatin1Char(' ') + route.path);

    INFO("only in openapi.json: "
        << QStringList((described - served).values()).join(QStringLiteral(", ")).toStdString());
    INFO("only in the hub: "
        << QStringList((served - described).values()).join(QStringLiteral(", ")).toStdString());
    CHECK(described == served);
}
