#pragma once

#include <QAbstractItemModelTester>
#include <QStringList>
#include <catch2/catch.hpp>

namespace TestSupport {

// Collects every warning while alive: QAbstractItemModelTester in Warning
// mode reports through qWarning, which Catch2 would not notice otherwise.
class WarningCollector
{
public:
    WarningCollector()
    {
        s_warnings.clear();
        m_previous = qInstallMessageHandler(&WarningCollector::handle);
    }
    ~WarningCollector() { qInstallMessageHandler(m_previous); }
    WarningCollector(const WarningCollector&) = delete;
    WarningCollector& operator=(const WarningCollector&) = delete;

    static std::string warnings() { return s_warnings.join(QLatin1Char('\n')).toStdString(); }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (type != QtDebugMsg && type != QtInfoMsg)
            s_warnings << QStringLiteral("%1: %2").arg(QLatin1String(context.category), message);
    }

    static inline QStringList s_warnings;
    QtMessageHandler m_previous = nullptr;
};

// The tester checks the model on construction and after every signal; the
// collector turns what it reports (and any other warning) into a failure.
// Paging is left to the test, which calls fetchMore itself: left to itself
// the tester would fetch every page at once (and in Qt 6.4 it fetches from
// its modelReset handler before it marks the reset finished, then reports its
// own insert as a failure). Its first run, in its constructor, has fetched
// already: tests of paging reset the model before they count pages.
struct CheckedModel
{
    explicit CheckedModel(QAbstractItemModel* model)
        : tester(model, QAbstractItemModelTester::FailureReportingMode::Warning)
    {
        tester.setUseFetchMore(false);
    }
    ~CheckedModel()
    {
        INFO(WarningCollector::warnings());
        CHECK(WarningCollector::warnings().empty());
    }

    WarningCollector collector;
    QAbstractItemModelTester tester;
};

} // namespace TestSupport
