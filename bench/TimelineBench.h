#pragma once

class BenchTable;
class Store;

// A 50,000-interaction history scrolled in a real QTableView (offscreen) over
// InteractionListModel: how many rows are loaded when a given row comes into
// view, and what one more page costs deep in the history, keyed on the last
// row against the offset it replaced. The history is written into the store
// inside a transaction that is rolled back: the file is left as it was.
namespace TimelineBench {

void addFigures(BenchTable& table, Store& store);

} // namespace TimelineBench
