#pragma once

// Whether a pod counts as available: Ready, and Ready for longer than minReadySeconds.
//
// Upstream: pkg/api/v1/pod/util.go IsPodAvailable. The comparison is strict
// (readySince + minReadySeconds is Before now), so with minReadySeconds > 0 a pod becomes
// available one clock tick after the boundary; podAvailableAt says when, so the model can
// schedule its check there instead of polling. minReadySeconds 0 means "available when ready".

#include "engine/simtime.h"

#include <optional>

namespace cnsim {

// `readySince` is the Ready condition's lastTransitionTime; nullopt when the pod is not Ready.
bool isPodAvailable(std::optional<SimTime> readySince, int minReadySeconds, SimTime now);

// The first simulated instant at which isPodAvailable holds for a pod Ready since `readySince`.
SimTime podAvailableAt(SimTime readySince, int minReadySeconds);

} // namespace cnsim
