#include "PreferencesDialog.h"

#include "settings/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

PreferencesDialog::PreferencesDialog(Settings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_startLanguage(settings.value(Settings::Key::Language).toString())
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("languageChooser"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Each language named in itself, so an agent who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Italiano"), QStringLiteral("it"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_startLanguage)));

    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("themeChooser"));
    m_theme->setAccessibleName(tr("Colours"));
    m_theme->addItem(tr("System colours"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.value(Settings::Key::Theme).toString())));

    m_restartHint = new QLabel(tr("The new language is used from the next start of Unisono."));
    m_restartHint->setObjectName(QStringLiteral("restartHint"));
    m_restartHint->setWordWrap(true);
    m_restartHint->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this,
        [this] { m_restartHint->setVisible(languageChanged()); });

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Colours:"), m_theme);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartHint);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

QString PreferencesDialog::theme() const
{
    return m_theme->currentData().toString();
}

bool PreferencesDialog::languageChanged() const
{
    return language() != m_startLanguage;
}

void PreferencesDialog::accept()
{
    m_settings.setValue(Settings::Key::Language, language());
    m_settings.setValue(Settings::Key::Theme, theme());
    QDialog::accept();
}
