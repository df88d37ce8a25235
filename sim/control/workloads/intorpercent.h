#pragma once

// Scaling an IntOrPercent (maxSurge, maxUnavailable, minAvailable, …) against a total, as
// apimachinery's intstr.GetScaledValueFromIntOrPercent does, and reading the text form of an
// IntOrString so the error cases upstream's tests exercise ("oops", "5" as a string) exist here.
//
// Upstream: k8s.io/apimachinery/pkg/util/intstr/intstr.go GetScaledValueFromIntOrPercent.
// A percentage is scaled as pct × total / 100, rounded up or down as the caller asks; an
// integer is returned as is, whatever the total. Pure functions, no state.

#include "scenario/kubernetestypes.h"

#include <optional>
#include <string_view>

namespace cnsim {

// intstr.GetScaledValueFromIntOrPercent for a value already parsed. Upstream computes in
// float64 and takes math.Ceil / math.Floor; for the non-negative values validation allows,
// integer arithmetic gives the same result exactly.
int scaledValueFromIntOrPercent(IntOrPercent value, int total, bool roundUp);

// The text of an IntOrString of string type, as the API server stores "25%": it must be
// digits followed by '%'. A bare number written as a string ("5") is an error upstream
// ("invalid value for IntOrString: invalid type: string is not a percentage"), and so is
// anything else ("oops"). Returns nothing on error.
std::optional<IntOrPercent> parsePercentString(std::string_view text);

} // namespace cnsim
