// The unisono executable: everything else is in unisono_app (Launcher), so
// the GUI tests build the very window users get.
#include "Launcher.h"

#include <QApplication>

int main(int argc, char** argv)
{
    {
        // --help and friends answer before any display is needed.
        const QCoreApplication probe(argc, argv);
        if (const std::optional<int> answered = Launcher::answerWithoutWindow(QCoreApplication::arguments()))
            return *answered;
    }
    QApplication app(argc, argv);
    Launcher::describeApplication();
    return Launcher::run(QCoreApplication::arguments());
}
