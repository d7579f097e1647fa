#pragma once

#include <QString>

class BenchTable;

// Cold start of the real unisono binary on a store (offline, offscreen): the
// time from launch to the event loop running with the window shown (the
// launcher's "interactive" debug line), and the process's resident memory
// then and once the first background work (the customer count) is done.
namespace StartupBench {

void addFigures(BenchTable& table, const QString& databasePath, int runs);

} // namespace StartupBench
