#pragma once

// Priorities of the model's events at equal simulated time (lower runs first). The order
// is chosen so that within one instant the world changes first (faults, user actions,
// pod lifecycle), then traffic sees the new world, then controllers react to it, and the
// metrics sample closes the instant having seen everything.

#include "engine/engine.h"

namespace cnsim::priority {

inline constexpr EventPriority kAction = 10;      // scripted faults and user actions
inline constexpr EventPriority kLifecycle = 50;   // kubelet: pod started, pod stopped
inline constexpr EventPriority kTraffic = 100;    // request arrivals and completions
inline constexpr EventPriority kController = 150; // workload controllers reconcile
inline constexpr EventPriority kEndpoints = 155;  // endpoints follow pod readiness
inline constexpr EventPriority kScheduler = 160;  // scheduling cycle
inline constexpr EventPriority kMetrics = 250;    // per-second metrics sample

} // namespace cnsim::priority
