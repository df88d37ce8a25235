#pragma once

// The service mesh checks that need the whole file (part of scenariovalidator.h): the
// Services and subsets Istio objects name exist, one VirtualService and one DestinationRule
// per host, the sidecar mode is not combined with aggregate traffic (which has no individual
// requests to retry or eject for) nor with in-process resilience (see docs/traffic.md,
// "Service mesh": a lesson runs the two ways as two scenarios), and mesh objects without
// sidecars are pointed out.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

// `serviceNames`: the names of the Services in workloads.
void validateMesh(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                  const std::vector<std::string>& serviceNames);

} // namespace cnsim
