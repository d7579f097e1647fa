#pragma once

#include "supervisor/QueueAlertThresholds.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class SupervisorBoard;

// Edits what the board highlights and what raises an alert: the agent state
// thresholds, and the queue alert thresholds for all queues or for one
// queue of the list (a queue's own settings override the default). Saved
// into the supervisor's settings on OK; the board follows at once.
class ThresholdsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ThresholdsDialog(SupervisorBoard& board, QWidget* parent = nullptr);

    // Writes the edits to the settings and applies them (what OK does).
    void save();

private:
    void showQueue(int index);
    void keepQueueEdits();
    QueueAlertThresholds edited() const;

    SupervisorBoard& m_board;
    QSpinBox* m_notReadyMinutes;
    QSpinBox* m_afterCallWorkMinutes;
    QComboBox* m_queue;
    QCheckBox* m_serviceLevel;
    QSpinBox* m_longestWait;
    QDoubleSpinBox* m_abandoned;
    QDoubleSpinBox* m_socialNegative;
    QSpinBox* m_minimumContacts;
    // Edits per queue id (0 = the default), kept while the dialog is open.
    QHash<qint64, QueueAlertThresholds> m_edits;
    qint64 m_shownQueue = 0;
    bool m_showing = false; // the fields hold a queue's values
};
