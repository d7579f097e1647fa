// unisono-hub: the reference backend. The HTTP API, change feed, live events,
// routing and traffic simulator arrive with their own issue; until then the
// binary exists so the build, packaging and tests have their target.
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unisono-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNISONO_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Unisono reference backend (not yet serving: see README)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    QTextStream(stdout) << "unisono-hub " << UNISONO_VERSION << "\n";
    return 0;
}
