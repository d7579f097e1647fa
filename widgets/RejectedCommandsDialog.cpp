#include "RejectedCommandsDialog.h"

#include "TableStyle.h"
#include "workspace/RejectedCommandsModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

RejectedCommandsDialog::RejectedCommandsDialog(RejectedCommandsModel* model, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("rejectedDialog"));
    setWindowTitle(tr("Changes the server refused"));
    resize(720, 320);
    auto* intro = new QLabel(tr("The server refused these changes. Send one again once the reason no longer "
                                "holds, or discard it: discarding also takes it off this desk."));
    intro->setWordWrap(true);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("rejectedList"));
    m_view->setAccessibleName(tr("Refused changes"));
    m_view->setModel(model);
    TableStyle::apply(m_view);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(
        RejectedCommandsModel::Action, QHeaderView::ResizeToContents);
    m_retry = new QPushButton(tr("Send again"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_discard = new QPushButton(tr("Discard"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentId())
            Q_EMIT retryRequested(id);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentId())
            Q_EMIT discardRequested(id);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &RejectedCommandsDialog::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &RejectedCommandsDialog::updateButtons);
    updateButtons();
}

qint64 RejectedCommandsDialog::currentId() const
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid() && m_model->rowCount() > 0)
        index = m_model->index(0, 0);
    return index.isValid() ? index.data(RejectedCommandsModel::OutboxIdRole).toLongLong() : 0;
}

void RejectedCommandsDialog::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    m_retry->setEnabled(any);
    m_discard->setEnabled(any);
    if (any && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
}
