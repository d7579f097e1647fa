#pragma once

#include <QStringList>

class QTableView;

// How Unisono's tables look and behave: lists that read like lists (whole
// rows, no grid, compact rows), columns sized to their content in the
// agent's font, and a header menu to show or hide columns.
class TableStyle
{
public:
    static void apply(QTableView* view);
    // Wide enough for the header and the widest sample: nothing is elided,
    // and widths do not jump as rows change.
    static void fitColumn(QTableView* view, int column, const QStringList& samples, int decoration = 0);
    // Right-click on a header lists the columns to show or hide.
    static void addColumnChooser(QTableView* view);
    // After a restored header state the menu must match the columns shown.
    static void syncColumnChooser(QTableView* view);
};
