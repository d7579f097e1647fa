#pragma once

// When an agent's state has lasted too long and the board highlights it.
// Contact centres watch these two: a long "not ready" is lost capacity, a
// long after-call work usually means a stuck form or a hidden break.
struct AgentThresholds
{
    int notReadySeconds = 15 * 60;
    int afterCallWorkSeconds = 2 * 60;
    bool operator==(const AgentThresholds& other) const = default;
};
