#pragma once

#include "SupervisorSource.h"

#include <functional>
#include <memory>

class SyncEngine;

// The supervisor feed's reads through the desk's sync engine, which runs on
// a worker thread: requests go out on the engine's HttpTransport (its token,
// its connection pool), live events come from the engine's SSE stream, and
// JSON is parsed on that thread, so the GUI thread only gets finished
// values. Everything sent back to this object goes through a guarded link:
// once this object is gone, nothing is posted to it, whichever thread
// finishes last.
class SyncEngineSupervisorSource : public SupervisorSource
{
    Q_OBJECT
public:
    using EngineCall = std::function<void(SyncEngine&)>;
    // Runs a call with the engine on the engine's thread, once it exists
    // (SyncController::withEngine); calls run in the order given.
    using EngineRunner = std::function<void(EngineCall)>;

    explicit SyncEngineSupervisorSource(EngineRunner runner, QObject* parent = nullptr);
    ~SyncEngineSupervisorSource() override;

    void get(const QString& pathAndQuery, QObject* context, Done done) override;

private:
    struct Link;
    EngineRunner m_runner;
    std::shared_ptr<Link> m_link;
};
