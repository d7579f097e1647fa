#pragma once

class BenchTable;
class Store;

// A 50,000-interaction history scrolled in the context panel's real timeline
// view (ContextListView, offscreen) over CustomerTimelineModel: how many rows
// are loaded when a given row comes into view, and what one more page costs
// deep in the history, the model's keyed page against an offset read. The
// history is written into the store inside a transaction that is rolled
// back: the file is left as it was.
namespace TimelineBench {

void addFigures(BenchTable& table, Store& store);

} // namespace TimelineBench
