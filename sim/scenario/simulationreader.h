#pragma once

// Reads the cnsim-only `simulation:` section: pod startup time, images, registry, scheduler,
// the fault timeline and scheduled commands here; per-Service request handling, network,
// gateway, traffic sources and tracing through trafficreader.h. Cross-references (a
// traffic source naming a Service, a fault naming a node) are checked later by
// scenariovalidator.h, once the whole file is read.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/trafficreader.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

SimulationSpec readSimulation(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks,
                              TrafficReadContext& context);

} // namespace cnsim
