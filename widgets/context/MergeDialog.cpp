#include "MergeDialog.h"

#include "identity/MergeFieldModel.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

MergeDialog::MergeDialog(Store& store, qint64 customerId, qint64 candidateId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge Customers"));
    m_model = new MergeFieldModel(store, this);
    // The customer on screen stays unless the agent says otherwise.
    m_model->setCustomers(customerId, candidateId);

    auto* layout = new QVBoxLayout(this);
    auto* question = new QLabel(tr("Which record stays? Everything of the other one moves to it."));
    question->setWordWrap(true);
    layout->addWidget(question);
    m_keepCurrent = new QRadioButton(tr("%1 (#%2)").arg(m_model->survivorName()).arg(customerId));
    m_keepCurrent->setObjectName(QStringLiteral("keepCurrent"));
    m_keepCandidate = new QRadioButton(tr("%1 (#%2)").arg(m_model->mergedName()).arg(candidateId));
    m_keepCandidate->setObjectName(QStringLiteral("keepCandidate"));
    auto* survivor = new QButtonGroup(this);
    survivor->addButton(m_keepCurrent);
    survivor->addButton(m_keepCandidate);
    m_keepCurrent->setChecked(true);
    layout->addWidget(m_keepCurrent);
    layout->addWidget(m_keepCandidate);
    connect(m_keepCandidate, &QRadioButton::toggled, this, [this] {
        m_model->swapSurvivor();
        updateSummary();
    });

    auto* hint = new QLabel(tr("Tick the value to keep where the two records differ."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_fields = new QTableView;
    m_fields->setObjectName(QStringLiteral("mergeFields"));
    m_fields->setAccessibleName(tr("Fields of the two records"));
    m_fields->setModel(m_model);
    m_fields->verticalHeader()->hide();
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_fields->setWordWrap(false);
    m_fields->horizontalHeader()->setSectionResizeMode(MergeFieldModel::FieldColumn, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(MergeFieldModel::SurvivorColumn, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(MergeFieldModel::MergedColumn, QHeaderView::Stretch);
    layout->addWidget(m_fields, 1);

    m_moves = new QLabel;
    m_moves->setObjectName(QStringLiteral("mergeMoves"));
    m_moves->setTextFormat(Qt::PlainText);
    m_moves->setWordWrap(true);
    layout->addWidget(m_moves);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("mergeError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_merge = buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    m_merge->setObjectName(QStringLiteral("confirmMerge"));
    m_merge->setEnabled(m_model->rowCount() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &MergeDialog::mergeRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 560);
    updateSummary();
}

qint64 MergeDialog::survivorId() const
{
    return m_model->survivorId();
}

qint64 MergeDialog::mergedId() const
{
    return m_model->mergedId();
}

QJsonObject MergeDialog::fields() const
{
    return m_model->fields();
}

void MergeDialog::showError(const QString& error)
{
    m_error->setText(error);
}

void MergeDialog::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_moves->setText(tr("One of the two customers is no longer on this desk."));
        return;
    }
    const MergeFieldModel::Moves& moves = m_model->moves();
    const QStringList parts { tr("%n identity(ies)", nullptr, moves.identities),
        tr("%n interaction(s)", nullptr, moves.interactions), tr("%n ticket(s)", nullptr, moves.tickets),
        tr("%n social post(s)", nullptr, moves.socialActivity), tr("%n callback(s)", nullptr, moves.callbacks) };
    m_moves->setText(tr("Moving from %1 to %2: %3. The merge can be undone later.")
                         .arg(m_model->mergedName(), m_model->survivorName(), parts.join(QStringLiteral(", "))));
}
