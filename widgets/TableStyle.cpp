#include "TableStyle.h"

#include <QAction>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableView>

void TableStyle::apply(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
}

void TableStyle::fitColumn(QTableView* view, int column, const QStringList& samples, int decoration)
{
    const QFontMetrics body = view->fontMetrics();
    int width = view->horizontalHeader()->fontMetrics().horizontalAdvance(
        view->model()->headerData(column, Qt::Horizontal).toString());
    for (const QString& sample : samples)
        width = qMax(width, body.horizontalAdvance(sample) + decoration);
    // Room for the cell's and the header's margins in the common styles.
    view->setColumnWidth(column, width + 14);
}

void TableStyle::addColumnChooser(QTableView* view)
{
    // At 1280 pixels not every column fits, and each agent misses a different one.
    QHeaderView* header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        auto* action = new QAction(view->model()->headerData(column, Qt::Horizontal).toString(), header);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        QObject::connect(action, &QAction::toggled, header, [header, action, column](bool shown) {
            // The last visible column stays: a header without sections has no menu to bring them back.
            if (!shown && header->count() - header->hiddenSectionCount() <= 1) {
                const QSignalBlocker blocker(action);
                action->setChecked(true);
                return;
            }
            header->setSectionHidden(column, !shown);
        });
        header->addAction(action);
    }
}

void TableStyle::syncColumnChooser(QTableView* view)
{
    const QList<QAction*> actions = view->horizontalHeader()->actions();
    for (int column = 0; column < actions.size(); ++column) {
        const QSignalBlocker blocker(actions.at(column));
        actions.at(column)->setChecked(!view->horizontalHeader()->isSectionHidden(column));
    }
}
