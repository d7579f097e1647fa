#pragma once

#include "LocalHub.h"
#include "SyncController.h"
#include "sync/SyncEngineOptions.h"

// How a Workstation is put together: which backend the desk syncs with (none,
// the hub it starts itself, or one named with --hub) and how. The launcher
// fills it from the command line; GUI tests fill it directly, with short
// backoffs, and get exactly the wiring users get.
struct WorkstationOptions
{
    enum class Backend {
        // Works from the local store only (--offline, screenshots, no hub binary).
        Offline,
        // Starts unisono-hub as a child process and syncs with it (the default).
        LocalHub,
        // Syncs with the backend at sync.baseUrl (--hub URL).
        RemoteHub,
    };
    Backend backend = Backend::Offline;
    // Credentials, backoff and timeouts; baseUrl for RemoteHub. storePath is
    // set by the Workstation to the store the window reads.
    SyncEngineOptions sync;
    // For Backend::LocalHub.
    LocalHub::Options localHub;
    // The launcher keeps the sign-in token in the OS keychain (memory where
    // there is none); tests keep it in memory and never touch a keychain.
    SyncController::TokenKeeping tokens = SyncController::TokenKeeping::Memory;
};
