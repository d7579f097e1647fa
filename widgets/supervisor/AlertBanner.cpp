#include "AlertBanner.h"

#include "supervisor/AlertMonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

AlertBanner::AlertBanner(AlertMonitor& alerts, QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_show(new QPushButton(tr("Show alerts"), this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
    palette.setColor(QPalette::WindowText, QColor(0x8a, 0x1c, 0x1c));
    setPalette(palette);
    m_text->setTextFormat(Qt::PlainText); // queue names come from the backend
    m_text->setObjectName(QStringLiteral("alertBannerText"));
    m_text->setWordWrap(true);
    QFont font = m_text->font();
    font.setBold(true);
    m_text->setFont(font);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show);
    connect(m_show, &QPushButton::clicked, this, &AlertBanner::showRequested);
    connect(&alerts, &AlertMonitor::activeChanged, this, &AlertBanner::update);
    update(alerts.activeCount(), alerts.activeSummary());
}

QString AlertBanner::text() const
{
    return m_text->text();
}

void AlertBanner::update(int count, const QString& summary)
{
    setVisible(count > 0);
    m_text->setText(tr("%n alert(s): %1", nullptr, count).arg(summary));
}
