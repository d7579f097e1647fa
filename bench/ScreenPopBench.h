#pragma once

class BenchTable;
class Store;

#include <QtGlobal>

// The screen pop: how long CustomerContextPanel::setCustomer takes from the
// call to every section populated, and then to the panel painted once, on an
// offscreen panel the size of a workspace's right-hand column; per section,
// what its model's query and fill cost; a pop that opens a new session tab
// (the whole page built and painted); and the unknown caller's lookup of
// the closest customers. Needs a QApplication (offscreen is fine).
namespace ScreenPopBench {

void measure(BenchTable& table, Store& store, quint64 seed, int count);

} // namespace ScreenPopBench
