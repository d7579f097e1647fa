#include "ThresholdsDialog.h"

#include "supervisor/SupervisorBoard.h"
#include "supervisor/SupervisorFeed.h"
#include "supervisor/SupervisorSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>

ThresholdsDialog::ThresholdsDialog(SupervisorBoard& board, QWidget* parent)
    : QDialog(parent)
    , m_board(board)
    , m_notReadyMinutes(new QSpinBox(this))
    , m_afterCallWorkMinutes(new QSpinBox(this))
    , m_queue(new QComboBox(this))
    , m_serviceLevel(new QCheckBox(tr("Service level under the queue's target"), this))
    , m_longestWait(new QSpinBox(this))
    , m_abandoned(new QDoubleSpinBox(this))
    , m_socialNegative(new QDoubleSpinBox(this))
    , m_minimumContacts(new QSpinBox(this))
{
    setObjectName(QStringLiteral("thresholdsDialog"));
    setWindowTitle(tr("Thresholds"));
    SupervisorSettings& settings = board.settings();

    auto* agents = new QGroupBox(tr("Highlight agents"), this);
    auto* agentForm = new QFormLayout(agents);
    m_notReadyMinutes->setObjectName(QStringLiteral("notReadyMinutes"));
    m_notReadyMinutes->setRange(1, 480);
    m_notReadyMinutes->setSuffix(tr(" min"));
    m_afterCallWorkMinutes->setObjectName(QStringLiteral("afterCallWorkMinutes"));
    m_afterCallWorkMinutes->setRange(1, 120);
    m_afterCallWorkMinutes->setSuffix(tr(" min"));
    const AgentThresholds agentThresholds = settings.agentThresholds();
    m_notReadyMinutes->setValue(agentThresholds.notReadySeconds / 60);
    m_afterCallWorkMinutes->setValue(std::max(1, agentThresholds.afterCallWorkSeconds / 60));
    agentForm->addRow(tr("Not ready for more than"), m_notReadyMinutes);
    agentForm->addRow(tr("After-call work for more than"), m_afterCallWorkMinutes);

    auto* queues = new QGroupBox(tr("Alert on queues"), this);
    auto* queueForm = new QFormLayout(queues);
    m_queue->setObjectName(QStringLiteral("thresholdQueue"));
    m_queue->addItem(tr("Every queue (default)"), qint64(0));
    for (const QueueStatsRow& row : board.feed().queueStats().rows) {
        if (row.kind == QueueStatsRow::Kind::Queue)
            m_queue->addItem(row.name, row.id);
    }
    m_longestWait->setObjectName(QStringLiteral("longestWaitSeconds"));
    m_longestWait->setRange(0, 86400);
    m_longestWait->setSuffix(tr(" s"));
    m_longestWait->setSpecialValueText(tr("off"));
    m_abandoned->setObjectName(QStringLiteral("abandonedPct"));
    m_abandoned->setRange(0, 100);
    m_abandoned->setSuffix(tr(" %"));
    m_abandoned->setSpecialValueText(tr("off"));
    m_socialNegative->setObjectName(QStringLiteral("socialNegativePct"));
    m_socialNegative->setRange(0, 100);
    m_socialNegative->setSuffix(tr(" %"));
    m_socialNegative->setSpecialValueText(tr("off"));
    m_minimumContacts->setObjectName(QStringLiteral("minimumContacts"));
    m_minimumContacts->setRange(1, 10000);
    queueForm->addRow(tr("Queue"), m_queue);
    queueForm->addRow(QString(), m_serviceLevel);
    queueForm->addRow(tr("Longest wait over"), m_longestWait);
    queueForm->addRow(tr("Abandoned over"), m_abandoned);
    queueForm->addRow(tr("Social: negative sentiment (last 15 min) from"), m_socialNegative);
    queueForm->addRow(tr("Only after this many contacts"), m_minimumContacts);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(agents);
    layout->addWidget(queues);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_queue, &QComboBox::currentIndexChanged, this, &ThresholdsDialog::showQueue);
    showQueue(0);
}

QueueAlertThresholds ThresholdsDialog::edited() const
{
    QueueAlertThresholds t = m_board.settings().queueThresholds(m_shownQueue);
    t.serviceLevelBelowTarget = m_serviceLevel->isChecked();
    t.longestWaitSeconds = m_longestWait->value();
    t.abandonedPct = m_abandoned->value();
    t.socialNegativePct = m_socialNegative->value();
    t.minimumContacts = m_minimumContacts->value();
    return t;
}

void ThresholdsDialog::keepQueueEdits()
{
    const QueueAlertThresholds now = edited();
    const QueueAlertThresholds stored = m_shownQueue == 0 ? m_board.settings().defaultQueueThresholds()
                                                          : m_board.settings().queueThresholds(m_shownQueue);
    if (!(now == stored) || m_edits.contains(m_shownQueue))
        m_edits.insert(m_shownQueue, now);
}

void ThresholdsDialog::showQueue(int index)
{
    if (index < 0)
        return;
    if (m_showing)
        keepQueueEdits();
    m_showing = true;
    m_shownQueue = m_queue->itemData(index).toLongLong();
    const QueueAlertThresholds t = m_edits.contains(m_shownQueue) ? m_edits.value(m_shownQueue)
        : m_shownQueue == 0 ? m_board.settings().defaultQueueThresholds()
                            : m_board.settings().queueThresholds(m_shownQueue);
    m_serviceLevel->setChecked(t.serviceLevelBelowTarget);
    m_longestWait->setValue(t.longestWaitSeconds);
    m_abandoned->setValue(t.abandonedPct);
    m_socialNegative->setValue(t.socialNegativePct);
    m_minimumContacts->setValue(t.minimumContacts);
}

void ThresholdsDialog::save()
{
    keepQueueEdits();
    SupervisorSettings& settings = m_board.settings();
    AgentThresholds agents;
    agents.notReadySeconds = m_notReadyMinutes->value() * 60;
    agents.afterCallWorkSeconds = m_afterCallWorkMinutes->value() * 60;
    settings.setAgentThresholds(agents);
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (it.key() == 0)
            settings.setDefaultQueueThresholds(it.value());
        else
            settings.setQueueThresholds(it.key(), it.value());
    }
    settings.sync();
    m_board.reloadSettings();
}
