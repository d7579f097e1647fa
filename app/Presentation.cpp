#include "Presentation.h"

#include "settings/Settings.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPalette>
#include <QStyle>
#include <QTranslator>

namespace {

Q_LOGGING_CATEGORY(lcPresentation, "unisono.presentation", QtInfoMsg)

// Installed once and replaced on a change, so switching twice never stacks two.
QTranslator* s_app = nullptr;
QTranslator* s_qt = nullptr;

void replace(QTranslator*& slot, QTranslator* next)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot;
    }
    slot = next;
    if (slot)
        QCoreApplication::installTranslator(slot);
}

} // namespace

namespace Presentation {

bool isLanguage(const QString& code)
{
    return code.isEmpty() || code == QLatin1String("en") || code == QLatin1String("it");
}

bool isTheme(const QString& theme)
{
    return theme == QLatin1String("system") || theme == QLatin1String("light") || theme == QLatin1String("dark");
}

void applyLanguage(const QString& code)
{
    // The source texts are English: Italian is the one translation. A system
    // in any other language gets English with its own locale for numbers.
    const QLocale system = QLocale::system();
    const bool italian = code == QLatin1String("it") || (code.isEmpty() && system.language() == QLocale::Italian);
    const QLocale locale = italian ? QLocale(QLocale::Italian, QLocale::Italy)
        : code == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                      : system;
    QLocale::setDefault(locale);
    if (!italian) {
        replace(s_app, nullptr);
        replace(s_qt, nullptr);
        return;
    }
    auto* app = new QTranslator(qApp);
    if (!app->load(QStringLiteral(":/i18n/unisono_it.qm"))) {
        qCWarning(lcPresentation) << "The Italian translation is missing from this build";
        delete app;
        app = nullptr;
    }
    replace(s_app, app);
    // Qt's own texts (standard buttons, context menus of text fields), when
    // the system has them installed.
    auto* qt = new QTranslator(qApp);
    if (!qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    replace(s_qt, qt);
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfb, 0xe6));
    p.setColor(QPalette::ToolTipText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x75, 0x7a));
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf6));
    p.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe0, 0xe2, 0xe4));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbc, 0xc0));
    p.setColor(QPalette::Dark, QColor(0x8c, 0x91, 0x96));
    p.setColor(QPalette::Shadow, QColor(0x47, 0x4a, 0x4c));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x5f, 0xb8));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9e, 0xa2));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9e, 0xa2));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0x9e, 0xa2));
    return p;
}

// Text at least 7:1 against its background (WCAG AAA) for the body text,
// and a highlight that white text stays readable on.
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xea));
    p.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x23));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3e, 0x43));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xea));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xea));
    p.setColor(QPalette::Button, QColor(0x35, 0x39, 0x3e));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xea));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4f, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x60, 0x66));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0e));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9a, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7c, 0x82, 0x88));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7c, 0x82, 0x88));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7c, 0x82, 0x88));
    return p;
}

void applyTheme(const QString& theme)
{
    if (theme == QLatin1String("dark"))
        QApplication::setPalette(darkPalette());
    else if (theme == QLatin1String("light"))
        QApplication::setPalette(lightPalette());
    else
        QApplication::setPalette(QApplication::style()->standardPalette());
}

void apply(const Settings& settings)
{
    applyLanguage(settings.value(Settings::Key::Language).toString());
    applyTheme(settings.value(Settings::Key::Theme).toString());
}

} // namespace Presentation
