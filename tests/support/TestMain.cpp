// Catch2 main for every Unisono test executable: a QApplication (offscreen
// unless the caller chose a platform) so GUI tests can build real widgets,
// and QStandardPaths in test mode so no test touches the user's real files.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("unisono-tests"));
    return Catch::Session().run(argc, argv);
}
