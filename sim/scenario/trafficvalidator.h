#pragma once

// The traffic checks that need the whole file (part of scenariovalidator.h): every Service
// named by simulation.services, a call, the gateway, a route backend or a request class
// exists in workloads; requests through the gateway need a gateway; the call graph
// (traffic/callgraph.h) has no cycle and no runaway fan-out; traffic source names are unique
// and their times make sense.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

// The most downstream requests one request may cause (every probability taken as 1).
constexpr double kMaxFanOut = 100'000.0;

// `serviceNames`: the names of the Services in workloads.
void validateTraffic(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                     const std::vector<std::string>& serviceNames);

} // namespace cnsim
