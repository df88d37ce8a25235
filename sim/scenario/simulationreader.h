#pragma once

// Reads the cnsim-only `simulation:` section: pod startup time, per-Service request cost,
// traffic sources and the fault timeline. Cross-references (a traffic source naming a
// Service, a fault naming a node) are checked later by scenariovalidator.h, once the
// whole file is read.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

SimulationSpec readSimulation(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks);

} // namespace cnsim
