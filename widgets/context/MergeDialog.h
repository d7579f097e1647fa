#pragma once

#include <QDialog>
#include <QJsonObject>

class MergeFieldModel;
class QLabel;
class QPushButton;
class QRadioButton;
class QTableView;
class Store;

// Merging the customer on screen with a likely duplicate: which record
// stays, per field whose value it keeps (one tick per row in the two value
// columns, the newer value proposed, never an empty one over a value), and
// what moves with the duplicate. The dialog only collects the choice
// (MergeFieldModel); the session merges (AgentActions) and shows here why it
// was refused, if it was.
class MergeDialog : public QDialog
{
    Q_OBJECT

public:
    MergeDialog(Store& store, qint64 customerId, qint64 candidateId, QWidget* parent = nullptr);

    qint64 survivorId() const;
    qint64 mergedId() const;
    // Every field's side, as the merge command takes it.
    QJsonObject fields() const;
    MergeFieldModel* fieldModel() const { return m_model; }
    void showError(const QString& error);

Q_SIGNALS:
    void mergeRequested();

private:
    void updateSummary();

    MergeFieldModel* m_model = nullptr;
    QRadioButton* m_keepCurrent = nullptr;
    QRadioButton* m_keepCandidate = nullptr;
    QTableView* m_fields = nullptr;
    QLabel* m_moves = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_merge = nullptr;
};
