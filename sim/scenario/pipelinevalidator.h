#pragma once

// Cross-reference checks of `simulation.pipelines:`: each pipeline's target names a
// Deployment or Rollout of the workloads (of the kind it says) with the named container.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

void checkPipelines(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks);

} // namespace cnsim
