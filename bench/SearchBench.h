#pragma once

#include <QtGlobal>

class BenchTable;
class Store;

// Type-ahead search as agents type it: realistic names, phone numbers in the
// forms people dial, emails, handles, CRM ids, ticket and interaction
// numbers, each typed a key at a time with a search per keystroke. Times the
// store query (what the worker thread runs) and the whole round trip through
// CustomerListModel and its worker, against the 10 ms limit per keystroke.
namespace SearchBench {

void addFigures(BenchTable& table, Store& store, quint64 seed, int sessions);

} // namespace SearchBench
