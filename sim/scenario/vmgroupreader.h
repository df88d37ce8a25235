#pragma once

// Reads the scenario's `vmGroups:` list (scenario/vmgroupspec.h). Names against Services and
// the traffic mode are checked by scenariovalidator.h.

#include "scenario/scenariomarks.h"
#include "scenario/vmgroupspec.h"
#include "scenario/yamlcursor.h"

#include <vector>

namespace cnsim {

std::vector<VmGroupSpec> readVmGroups(DiagnosticSink& sink, const YamlEntry& entry,
                                      ScenarioMarks& marks);

} // namespace cnsim
