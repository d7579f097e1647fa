// The unisono executable: everything else is in unisono_app (Launcher), so
// the GUI tests build the very window users get.
#include "Launcher.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    Launcher::describeApplication();
    return Launcher::run(QCoreApplication::arguments());
}
